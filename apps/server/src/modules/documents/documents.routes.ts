import { Id } from '@steerco/contract/common';
import {
  CreateDocumentBody,
  DistributeBody,
  DocumentList,
  DocumentPreview,
  DocumentVersionList,
  FromMeetingBody,
  IncomingDocumentBody,
  IssueDocumentBody,
  ListDocumentsQuery,
  OfficialDocument,
  TemplateDraftBody,
  UpdateDocumentBody,
} from '@steerco/contract/documents';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { createFileStore } from '../files/file-store.service.ts';
import { dispatchEmails } from '../mail/mail.service.ts';
import { distributeDocument } from './distribution.service.ts';
import { requestDocumentPdf } from './documents.pdf.ts';
import { createDocument, createFromTemplate, updateDocument } from './drafts.service.ts';
import { issueDocument, moveDocument } from './issuing.service.ts';
import { createFromMeeting } from './meeting-drafts.service.ts';
import { getDocument, listDocuments, listVersions, registerIncoming } from './registry.service.ts';
import { documentPdf, previewDocument, renderDocumentDocx } from './rendering.service.ts';

const D = z.object({ id: Id }).strict();
const tags = ['Văn bản'];
const auth = { permission: 'authenticated' as const };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const documentRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, config, jobs }) => {
  const store = createFileStore(config, db);
  app.get('/documents', {
    config: auth,
    schema: {
      tags,
      summary: 'Sổ văn bản: tìm theo số, ngày, loại, nơi ban hành và toàn văn (có hoặc không dấu)',
      querystring: ListDocumentsQuery,
      response: { 200: DocumentList },
    },
    handler: (req) => listDocuments(db, requireActor(req), req.query),
  });
  app.post('/committees/:id/documents', {
    config: { ...auth, idempotent: true },
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
  app.post('/committees/:id/documents/from-template', {
    config: { ...auth, idempotent: true },
    schema: {
      tags,
      summary:
        'Soạn dự thảo kế hoạch (mục + bảng nhiệm vụ), báo cáo (mục + bảng) hoặc quyết định (căn cứ, Điều)',
      params: D,
      body: TemplateDraftBody,
      response: { 201: OfficialDocument },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createFromTemplate(db, requireActor(req), req.params.id, req.body)),
  });
  app.post('/committees/:id/documents/incoming', {
    config: { ...auth, idempotent: true },
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
    config: { ...auth, idempotent: true },
    schema: {
      tags,
      summary: 'Tạo dự thảo giấy mời, thông báo kết luận (R13) hoặc biên bản họp từ hồ sơ cuộc họp',
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
    config: auth,
    schema: { tags, summary: 'Văn bản', params: D, response: { 200: OfficialDocument } },
    handler: (req) => getDocument(db, requireActor(req), req.params.id),
  });
  app.patch('/documents/:id', {
    config: auth,
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
      config: auth,
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
    config: auth,
    schema: {
      tags,
      summary: 'Ban hành: cấp số, ngày; người ký phải có thẩm quyền (TM. / KT.)',
      params: D,
      body: IssueDocumentBody,
      response: { 200: OfficialDocument },
    },
    handler: async (req) => {
      const issued = await issueDocument(db, requireActor(req), req.params.id, req.body);
      // After the commit, never blocking the issue: the PDF comes later, or never without LibreOffice.
      await requestDocumentPdf(jobs, issued.id);
      return issued;
    },
  });
  app.post('/documents/:id/distribute', {
    config: auth,
    schema: {
      tags,
      summary: 'Gửi văn bản đã ban hành cho thành viên (trong ứng dụng và e-mail kèm DOCX, PDF nếu có)',
      params: D,
      body: DistributeBody,
      response: { 200: OfficialDocument },
    },
    handler: async (req) => {
      const { queued, document } = await distributeDocument(
        db,
        store,
        requireActor(req),
        req.params.id,
        req.body,
      );
      await dispatchEmails(jobs, queued);
      return document;
    },
  });
  app.get('/documents/:id/versions', {
    config: auth,
    schema: {
      tags,
      summary: 'Các phiên bản đã lưu của văn bản (mới nhất trước)',
      params: D,
      response: { 200: DocumentVersionList },
    },
    handler: (req) => listVersions(db, requireActor(req), req.params.id),
  });
  app.get('/documents/:id/preview', {
    config: auth,
    schema: {
      tags,
      summary: 'Xem trước văn bản (HTML dựng từ cùng mô hình với tệp DOCX)',
      params: D,
      response: { 200: DocumentPreview },
    },
    handler: (req) => previewDocument(db, requireActor(req), req.params.id),
  });
  app.get('/documents/:id/pdf', {
    config: auth,
    schema: {
      tags,
      summary: 'Tải bản PDF của văn bản đã ban hành (404 khi chưa có); ?inline=1 để xem trong trình duyệt',
      params: D,
      querystring: z.object({ inline: z.enum(['1']).optional() }).strict(),
    },
    handler: async (req, reply) => {
      const file = await documentPdf(db, requireActor(req), req.params.id);
      const disposition = req.query.inline ? 'inline' : 'attachment';
      return reply
        .type('application/pdf')
        .header('content-length', file.size)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `${disposition}; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
        )
        .send(store.open(file.storageKey));
    },
  });
  app.get('/documents/:id/docx', {
    config: auth,
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
