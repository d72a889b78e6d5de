import { DashboardCounters } from '@steerco/contract/dashboard';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { dashboardCounters } from './dashboard.service.ts';

export const dashboardRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/dashboard', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['Tổng quan'],
      summary:
        'Các con số của trang Tổng quan trong một lần hỏi: nhiệm vụ của tôi, nhiệm vụ các Ban tôi quản lý',
      response: { 200: DashboardCounters },
    },
    handler: async (request) => dashboardCounters(db, requireActor(request)),
  });
};
