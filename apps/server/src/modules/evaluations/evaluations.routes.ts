import { Id } from '@steerco/contract/common';
import {
  DecideBody,
  EvaluationCycle,
  EvaluationCycleList,
  MemberEvaluation,
  OpenEvaluationBody,
  ProposeBody,
  SelfScoreBody,
  TaskNoteBody,
} from '@steerco/contract/evaluations';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { getCycle, getMemberEvaluation, listCycles, openCycle } from './cycles.service.ts';
import { addTaskNote, decide, propose, selfScore } from './decisions.service.ts';
import { memberSheetDocx, summaryDocx, summaryXlsx } from './outputs.service.ts';

const P = z.object({ id: Id }).strict();
const PM = z.object({ id: Id, memberId: Id }).strict();
const tags = ['Đánh giá thành viên'];
// Rights depend on the seat and the committee's proposer setting: decided in the services (evaluations.policy.ts).
const config = { permission: 'authenticated' as const };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export const evaluationRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/committees/:id/evaluations', {
    config,
    schema: {
      tags,
      summary: 'Các đợt đánh giá thành viên hằng năm',
      params: P,
      response: { 200: EvaluationCycleList },
    },
    handler: (req) => listCycles(db, requireActor(req), req.params.id),
  });
  app.post('/committees/:id/evaluations', {
    config,
    schema: {
      tags,
      summary: 'Mở đợt đánh giá thành viên của năm (cơ quan thường trực), hạn trước 15/12',
      params: P,
      body: OpenEvaluationBody,
      response: { 201: EvaluationCycle },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await openCycle(db, requireActor(req), req.params.id, req.body)),
  });
  app.get('/evaluations/:id', {
    config,
    schema: {
      tags,
      summary: 'Đợt đánh giá: số liệu từ hồ sơ, điểm, mức đề xuất và quyết định, tỷ lệ xuất sắc',
      params: P,
      response: { 200: EvaluationCycle },
    },
    handler: (req) => getCycle(db, requireActor(req), req.params.id),
  });
  app.get('/evaluations/:id/members/:memberId', {
    config,
    schema: {
      tags,
      summary: 'Kết quả đánh giá một thành viên và số liệu',
      params: PM,
      response: { 200: MemberEvaluation },
    },
    handler: async (req) =>
      (await getMemberEvaluation(db, requireActor(req), req.params.id, req.params.memberId)).member,
  });
  app.put('/evaluations/:id/members/:memberId/self-score', {
    config,
    schema: {
      tags,
      summary: 'Thành viên tự chấm điểm tiêu chí chung',
      params: PM,
      body: SelfScoreBody,
      response: { 200: EvaluationCycle },
    },
    handler: (req) => selfScore(db, requireActor(req), req.params.id, req.params.memberId, req.body),
  });
  app.post('/evaluations/:id/proposals', {
    config,
    schema: {
      tags,
      summary: 'Người đề xuất rà soát điểm tiêu chí chung và đề xuất mức xếp loại',
      params: P,
      body: ProposeBody,
      response: { 200: EvaluationCycle },
    },
    handler: (req) => propose(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/evaluations/:id/decisions', {
    config,
    schema: {
      tags,
      summary: 'Trưởng Ban quyết định mức xếp loại (vượt tỷ lệ xuất sắc phải nêu lý do)',
      params: P,
      body: DecideBody,
      response: { 200: EvaluationCycle },
    },
    handler: (req) => decide(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/evaluations/:id/task-notes', {
    config,
    schema: {
      tags,
      summary: 'Ghi nhận nguyên nhân khách quan (miễn trừ chậm) hoặc lần trả lại là lỗi nhỏ',
      params: P,
      body: TaskNoteBody,
      response: { 200: EvaluationCycle },
    },
    handler: (req) => addTaskNote(db, requireActor(req), req.params.id, req.body),
  });
  app.get('/evaluations/:id/members/:memberId/sheet.docx', {
    config,
    schema: { tags, summary: 'Phiếu đánh giá thành viên (DOCX, Nghị định 30)', params: PM },
    handler: async (req, reply) => {
      const { buffer, name } = await memberSheetDocx(
        db,
        requireActor(req),
        req.params.id,
        req.params.memberId,
      );
      return reply.type(DOCX).header('content-disposition', attachment(name)).send(buffer);
    },
  });
  app.get('/evaluations/:id/summary.docx', {
    config,
    schema: { tags, summary: 'Báo cáo tổng hợp kết quả đánh giá (DOCX, Nghị định 30)', params: P },
    handler: async (req, reply) => {
      const { buffer, name } = await summaryDocx(db, requireActor(req), req.params.id);
      return reply.type(DOCX).header('content-disposition', attachment(name)).send(buffer);
    },
  });
  app.get('/evaluations/:id/summary.xlsx', {
    config,
    schema: { tags, summary: 'Bảng tổng hợp kết quả đánh giá (Excel)', params: P },
    handler: async (req, reply) => {
      const { buffer, name } = await summaryXlsx(db, requireActor(req), req.params.id);
      return reply.type(XLSX).header('content-disposition', attachment(name)).send(buffer);
    },
  });
};
