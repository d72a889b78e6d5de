import { Id } from '@steerco/contract/common';
import {
  CreatePlanBody,
  PlanDetail,
  PlanList,
  PlanReview,
  ReviewQuery,
  UpdatePlanBody,
} from '@steerco/contract/plans';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { approvePlan } from './approval.service.ts';
import { cancelPlan, createPlan, updatePlan } from './drafting.service.ts';
import { draftPlanDocument } from './plan-document.service.ts';
import { getPlan, listPlans } from './plans.service.ts';
import { planReview } from './review.service.ts';

const P = z.object({ id: Id }).strict();
const tags = ['Kế hoạch công tác'];
// Rights depend on the committee and the plan: decided in the services (plans.policy.ts).
const config = { permission: 'authenticated' as const };

export const planRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.post('/committees/:id/plans', {
    config,
    schema: {
      tags,
      summary: 'Lập dự thảo kế hoạch công tác năm (cơ quan thường trực, Trưởng Ban)',
      params: P,
      body: CreatePlanBody,
      response: { 201: PlanDetail },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createPlan(db, requireActor(req), req.params.id, req.body)),
  });
  app.get('/committees/:id/plans', {
    config,
    schema: {
      tags,
      summary: 'Các kế hoạch công tác năm của Ban Chỉ đạo',
      params: P,
      response: { 200: PlanList },
    },
    handler: (req) => listPlans(db, requireActor(req), req.params.id),
  });
  app.get('/committees/:id/plans/review', {
    config,
    schema: {
      tags,
      summary:
        'Số liệu sơ kết 6 tháng, tổng kết năm: nhiệm vụ hoàn thành đúng hạn, quá hạn, đang thực hiện, quá hạn, đã hủy theo lĩnh vực và đơn vị chủ trì',
      params: P,
      querystring: ReviewQuery,
      response: { 200: PlanReview },
    },
    handler: (req) => planReview(db, requireActor(req), req.params.id, req.query),
  });
  app.get('/plans/:id', {
    config,
    schema: {
      tags,
      summary: 'Kế hoạch công tác năm với các nhiệm vụ',
      params: P,
      response: { 200: PlanDetail },
    },
    handler: (req) => getPlan(db, requireActor(req), req.params.id),
  });
  app.put('/plans/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa dự thảo kế hoạch: tên, mục đích và toàn bộ danh sách nhiệm vụ',
      params: P,
      body: UpdatePlanBody,
      response: { 200: PlanDetail },
    },
    handler: (req) => updatePlan(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/plans/:id/approve', {
    config,
    schema: {
      tags,
      summary:
        'Phê duyệt kế hoạch (Trưởng Ban, hoặc Phó Trưởng Ban được ủy quyền ký văn bản): giao mỗi nhiệm vụ trong kế hoạch',
      params: P,
      response: { 200: PlanDetail },
    },
    handler: (req) => approvePlan(db, requireActor(req), req.params.id),
  });
  app.post('/plans/:id/cancel', {
    config,
    schema: { tags, summary: 'Hủy dự thảo kế hoạch', params: P, response: { 200: PlanDetail } },
    handler: (req) => cancelPlan(db, requireActor(req), req.params.id),
  });
  app.post('/plans/:id/document', {
    config,
    schema: {
      tags,
      summary: 'Soạn dự thảo văn bản Kế hoạch từ các nhiệm vụ (bảng theo lĩnh vực, quý, thời hạn)',
      params: P,
      response: { 200: PlanDetail },
    },
    handler: (req) => draftPlanDocument(db, requireActor(req), req.params.id),
  });
};
