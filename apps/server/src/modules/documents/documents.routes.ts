import { Id } from '@steerco/contract/common';
import {
  CreateDocumentBody,
  DocumentList,
  FromMeetingBody,
  IncomingDocumentBody,
  IssueDocumentBody,
  ListDocumentsQuery,
  OfficialDocument,
  UpdateDocumentBody,
} from '@steerco/contract/documents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import {
  createDocument,
  createFromMeeting,
  getDocument,
  issueDocument,
  listDocuments,
  moveDocument,
  registerIncoming,
  renderDocumentDocx,
  updateDocument,
} from './documents.service.ts';

const D = z.object({ id: Id }).strict();
const tags = ['Văn bản'];
const config = { permission: 'authenticated' as const };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const documentRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/documents', {
    config,
    schema: {
      tags,
      summary: 'Sổ văn bản: tìm theo số, ngày, loại, nơi ban hành và toàn văn (có hoặc không dấu)',
      querystring: ListDocumentsQuery,
      response: { 200: DocumentList },
    },
    handler: (req) => listDocuments(db, requireActor(req), req.query),
  });
  app.post('/committees/:id/documents', {
    config,
    schema: {
      tags,
      summary: 'Soạn thảo văn bản đi',
      params: D,
      body: CreateDocumentBody,
      response: { 201: OfficialDocument },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createDocument(db, requireActor(req), req.params.id, req.body)),
  });
  app.post('/committees/:id/documents/incoming', {
    config,
    schema: {
      tags,
      summary: 'Vào sổ văn bản đến (chỉ đạo của cấp trên)',
      params: D,
      body: IncomingDocumentBody,
      response: { 201: OfficialDocument },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await registerIncoming(db, requireActor(req), req.params.id, req.body)),
  });
  app.post('/meetings/:id/documents', {
    config,
    schema: {
      tags,
      summary: 'Tạo dự thảo giấy mời hoặc thông báo kết luận từ cuộc họp (R13)',
      params: D,
      body: FromMeetingBody,
      response: { 201: OfficialDocument },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await createFromMeeting(db, requireActor(req), req.params.id, req.body.template)),
  });
  app.get('/documents/:id', {
    config,
    schema: { tags, summary: 'Văn bản', params: D, response: { 200: OfficialDocument } },
    handler: (req) => getDocument(db, requireActor(req), req.params.id),
  });
  app.patch('/documents/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa dự thảo (lưu phiên bản mới); văn bản đã ban hành không sửa được',
      params: D,
      body: UpdateDocumentBody,
      response: { 200: OfficialDocument },
    },
    handler: (req) => updateDocument(db, requireActor(req), req.params.id, req.body),
  });
  for (const action of ['submit', 'approve', 'return'] as const) {
    app.post(`/documents/:id/${action}`, {
      config,
      schema: {
        tags,
        summary: {
          submit: 'Trình ký',
          approve: 'Duyệt (Trưởng Ban hoặc người được ủy quyền ký)',
          return: 'Trả lại để sửa',
        }[action],
        params: D,
        response: { 200: OfficialDocument },
      },
      handler: (req) => moveDocument(db, requireActor(req), req.params.id, action),
    });
  }
  app.post('/documents/:id/issue', {
    config,
    schema: {
      tags,
      summary: 'Ban hành: cấp số, ngày; người ký phải có thẩm quyền (TM. / KT.)',
      params: D,
      body: IssueDocumentBody,
      response: { 200: OfficialDocument },
    },
    handler: (req) => issueDocument(db, requireActor(req), req.params.id, req.body),
  });
  app.get('/documents/:id/docx', {
    config,
    schema: { tags, summary: 'Tải văn bản (DOCX theo Nghị định 30/2020/NĐ-CP)', params: D },
    handler: async (req, reply) => {
      const { buffer, name } = await renderDocumentDocx(db, requireActor(req), req.params.id);
      return reply
        .type(DOCX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(buffer);
    },
  });
};
