import { Id } from '@steerco/contract/common';
import { MeetingDetail } from '@steerco/contract/meetings';
import { CarriedTaskList, CarryOverBody } from '@steerco/contract/tasks';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { applyCarryOver, proposeCarryOver } from './carry-over.service.ts';

const tags = ['Cuộc họp'];
const M = z.object({ id: Id }).strict();
// Who may prepare the meeting is decided in the service (the committee's standing agency, R8).
const config = { permission: 'authenticated' as const };

export const carryOverRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/meetings/:id/carry-over', {
    config,
    schema: {
      tags,
      summary: 'Đề xuất nhiệm vụ chưa hoàn thành đưa vào chương trình họp định kỳ (R8)',
      params: M,
      response: { 200: CarriedTaskList },
    },
    handler: async (req) => ({ items: await proposeCarryOver(db, requireActor(req), req.params.id) }),
  });
  app.put('/meetings/:id/carry-over', {
    config,
    schema: {
      tags,
      summary: 'Đưa nhiệm vụ chưa hoàn thành vào chương trình họp (mục đầu tiên; khi chưa gửi giấy mời)',
      params: M,
      body: CarryOverBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) => applyCarryOver(db, requireActor(req), req.params.id, req.body),
  });
};
