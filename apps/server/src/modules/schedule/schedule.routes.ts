import { Schedule, ScheduleQuery } from '@steerco/contract/schedule';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { scheduleOf } from './schedule.service.ts';

export const scheduleRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/schedule', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['Cuộc họp'],
      summary: 'Lịch công tác: cuộc họp và hạn nhiệm vụ trong một tuần hoặc một tháng, lọc theo Ban Chỉ đạo',
      querystring: ScheduleQuery,
      response: { 200: Schedule },
    },
    handler: (req) => scheduleOf(db, requireActor(req), req.query),
  });
};
