import { Id } from '@steerco/contract/common';
import { CascadeBody, CascadeResult, CascadeRollup, StatusCounters } from '@steerco/contract/tasks';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { cascadeRollup, cascadeTask, subtreeCounters } from './cascade.service.ts';

const tags = ['Nhiệm vụ'];
const P = z.object({ id: Id }).strict();
// Decided in the service from the committee the task belongs to (and the committees above it).
const config = { permission: 'authenticated' as const };

export const cascadeRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.post('/tasks/:id/cascade', {
    config,
    schema: {
      tags,
      summary: 'Giao nhiệm vụ cho Ban Chỉ đạo cấp dưới (mỗi Ban một bản, đơn vị chủ trì là UBND cấp dưới)',
      params: P,
      body: CascadeBody,
      response: { 200: CascadeResult },
    },
    handler: (req) => cascadeTask(db, requireActor(req), req.params.id, req.body),
  });
  app.get('/tasks/:id/rollup', {
    config,
    schema: {
      tags,
      summary: 'Tổng hợp tiến độ nhiệm vụ đã giao ở các Ban Chỉ đạo cấp dưới',
      params: P,
      response: { 200: CascadeRollup },
    },
    handler: (req) => cascadeRollup(db, requireActor(req), req.params.id),
  });
  app.get('/committees/:id/tasks/counters', {
    config,
    schema: {
      tags,
      summary: 'Số nhiệm vụ theo trạng thái của Ban Chỉ đạo và mọi Ban cấp dưới (cấp quốc gia: cả nước)',
      params: P,
      response: { 200: StatusCounters },
    },
    handler: (req) => subtreeCounters(db, requireActor(req), req.params.id),
  });
};
