import {
  CommitteeDetail,
  CommitteeList,
  CreateCommitteeBody,
  ListCommitteesQuery,
  MergeCommitteesBody,
  UpdateCommitteeBody,
} from '@steerco/contract/committees';
import { Id } from '@steerco/contract/common';
import {
  CandidateList,
  CandidateQuery,
  CreateMembershipBody,
  DutyList,
  EndMembershipBody,
  ListMembershipsQuery,
  Membership,
  MembershipList,
  ReplaceDutiesBody,
  UpdateMembershipBody,
} from '@steerco/contract/memberships';
import { CreateRegulationVersionBody, Regulation, RuleSettings } from '@steerco/contract/regulation';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import { AppError } from '../../http/errors.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { assertSafeArchive } from '../files/files.service.ts';
import {
  createCommittee,
  getCommittee,
  listCommittees,
  mergeCommittees,
  updateCommittee,
  updateSettings,
} from './committees.service.ts';
import { exportMembersXlsx, importMembersXlsx, membersTemplateXlsx } from './members-xlsx.ts';
import {
  addMember,
  endMember,
  findCandidates,
  getDuties,
  listMembers,
  replaceDuties,
  updateMember,
} from './memberships.service.ts';
import { addRegulationVersion, getRegulation } from './regulation.service.ts';
import { committeeStructureRoutes } from './structure.routes.ts';

const C = z.object({ id: Id }).strict();
const CM = z.object({ id: Id, membershipId: Id }).strict();
const tags = ['Ban Chỉ đạo'];
// Committee routes need a signed-in user; what each may do on a committee is decided in the service (`can`).
const config = { permission: 'authenticated' as const };

export const committeeRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, options) => {
  const { db } = options;
  app.get('/committees', {
    config,
    schema: {
      tags,
      summary: 'Các Ban Chỉ đạo tôi được xem',
      querystring: ListCommitteesQuery,
      response: { 200: CommitteeList },
    },
    handler: (req) => listCommittees(db, requireActor(req), req.query),
  });
  app.post('/committees', {
    config: { permission: 'committees.create' },
    schema: {
      tags,
      summary: 'Thành lập Ban Chỉ đạo',
      body: CreateCommitteeBody,
      response: { 201: CommitteeDetail },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createCommittee(db, requireActor(req), req.body)),
  });
  app.get('/committees/:id', {
    config,
    schema: {
      tags,
      summary: 'Thông tin Ban Chỉ đạo và quyền của tôi',
      params: C,
      response: { 200: CommitteeDetail },
    },
    handler: (req) => getCommittee(db, requireActor(req), req.params.id),
  });
  app.patch('/committees/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa thông tin Ban Chỉ đạo',
      params: C,
      body: UpdateCommitteeBody,
      response: { 200: CommitteeDetail },
    },
    handler: (req) => updateCommittee(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/committees/:id/merge', {
    config,
    schema: {
      tags,
      summary: 'Ghi nhận hợp nhất các Ban Chỉ đạo vào Ban này',
      params: C,
      body: MergeCommitteesBody,
      response: { 200: CommitteeDetail },
    },
    handler: (req) => mergeCommittees(db, requireActor(req), req.params.id, req.body),
  });

  // ——— Members and duties ———
  const memberTags = ['Thành viên'];
  app.get('/committees/:id/members', {
    config,
    schema: {
      tags: memberTags,
      summary: 'Thành viên vào một ngày (mặc định hôm nay) hoặc toàn bộ lịch sử',
      params: C,
      querystring: ListMembershipsQuery,
      response: { 200: MembershipList },
    },
    handler: (req) => listMembers(db, requireActor(req), req.params.id, req.query),
  });
  app.get('/committees/:id/candidates', {
    config,
    schema: {
      tags: memberTags,
      summary: 'Tìm người để bổ sung, thay thế hoặc đưa vào tổ giúp việc',
      params: C,
      querystring: CandidateQuery,
      response: { 200: CandidateList },
    },
    handler: (req) => findCandidates(db, requireActor(req), req.params.id, req.query.q),
  });
  app.post('/committees/:id/members', {
    config,
    schema: {
      tags: memberTags,
      summary: 'Bổ sung thành viên (kèm phân công nhiệm vụ)',
      params: C,
      body: CreateMembershipBody,
      response: { 201: Membership },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await addMember(db, requireActor(req), req.params.id, req.body)),
  });
  app.patch('/committees/:id/members/:membershipId', {
    config,
    schema: {
      tags: memberTags,
      summary: 'Sửa thông tin thành viên',
      params: CM,
      body: UpdateMembershipBody,
      response: { 200: Membership },
    },
    handler: (req) => updateMember(db, requireActor(req), req.params.id, req.params.membershipId, req.body),
  });
  app.post('/committees/:id/members/:membershipId/end', {
    config,
    schema: {
      tags: memberTags,
      summary: 'Kết thúc tư cách thành viên',
      params: CM,
      body: EndMembershipBody,
      response: { 200: Membership },
    },
    handler: (req) => endMember(db, requireActor(req), req.params.id, req.params.membershipId, req.body),
  });
  app.get('/committees/:id/members/:membershipId/duties', {
    config,
    schema: {
      tags: memberTags,
      summary: 'Phân công nhiệm vụ của thành viên và lịch sử thay đổi (R7)',
      params: CM,
      response: { 200: DutyList },
    },
    handler: (req) => getDuties(db, requireActor(req), req.params.id, req.params.membershipId),
  });
  app.put('/committees/:id/members/:membershipId/duties', {
    config,
    schema: {
      tags: memberTags,
      summary: 'Cập nhật phân công nhiệm vụ (tạo phiên bản mới)',
      params: CM,
      body: ReplaceDutiesBody,
      response: { 200: DutyList },
    },
    handler: (req) => replaceDuties(db, requireActor(req), req.params.id, req.params.membershipId, req.body),
  });

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const sendXlsx = (reply: FastifyReply, name: string, file: Buffer) =>
    reply
      .type(XLSX)
      .header(
        'content-disposition',
        `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .send(file);
  app.get('/committees/:id/members/export.xlsx', {
    config,
    schema: { tags: memberTags, summary: 'Xuất danh sách thành viên ra Excel', params: C },
    handler: async (req, reply) =>
      sendXlsx(
        reply,
        'danh-sach-thanh-vien.xlsx',
        await exportMembersXlsx(db, requireActor(req), req.params.id),
      ),
  });
  app.get('/committees/members-template.xlsx', {
    config,
    schema: { tags: memberTags, summary: 'Mẫu Excel nhập danh sách thành viên' },
    handler: async (_req, reply) => sendXlsx(reply, 'mau-nhap-thanh-vien.xlsx', await membersTemplateXlsx()),
  });
  app.post('/committees/:id/members/import', {
    config,
    schema: {
      tags: memberTags,
      summary: 'Nhập thành viên từ tệp Excel (multipart, trường "file"); có dòng lỗi thì không nhập dòng nào',
      params: C,
      response: { 200: z.object({ imported: z.number().int() }) },
    },
    handler: async (req) => {
      const file = await req.file();
      if (!file) throw new AppError('file.required');
      const buffer = await file.toBuffer();
      // An XLSX is a ZIP archive: check the content, not the name the browser sent.
      if (buffer.subarray(0, 4).toString('binary') !== 'PK\x03\x04')
        throw new AppError('file.typeNotAllowed');
      await assertSafeArchive(buffer);
      return importMembersXlsx(db, requireActor(req), req.params.id, buffer);
    },
  });

  // Delegations, standing agencies, working groups, personnel changes (their place in the API's order).
  await app.register(committeeStructureRoutes, options);

  // ——— Regulation (R21) and rule settings ———
  const regulationTags = ['Quy chế'];
  app.get('/committees/:id/regulation', {
    config,
    schema: {
      tags: regulationTags,
      summary: 'Quy chế hoạt động, các phiên bản và thông số áp dụng',
      params: C,
      response: { 200: Regulation },
    },
    handler: (req) => getRegulation(db, requireActor(req), req.params.id),
  });
  app.post('/committees/:id/regulation/versions', {
    config,
    schema: {
      tags: regulationTags,
      summary: 'Ban hành phiên bản Quy chế mới',
      params: C,
      body: CreateRegulationVersionBody,
      response: { 201: Regulation },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await addRegulationVersion(db, requireActor(req), req.params.id, req.body)),
  });
  app.put('/committees/:id/settings', {
    config,
    schema: {
      tags: regulationTags,
      summary: 'Sửa thông số áp dụng Quy chế',
      params: C,
      body: RuleSettings,
      response: { 200: RuleSettings },
    },
    handler: (req) => updateSettings(db, requireActor(req), req.params.id, req.body),
  });
};
