import { Health } from '@steerco/contract/health';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pingDatabase } from '../../db/client.ts';
import type { ModuleOptions } from '../../http/module.ts';

export const VERSION = '0.1.0';

export const healthRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/health', {
    config: { permission: 'public' },
    schema: {
      tags: ['Hệ thống'],
      summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
      response: { 200: Health, 503: Health },
    },
    handler: async (_request, reply) => {
      const started = performance.now();
      const ok = await pingDatabase(db).then(
        () => true,
        () => false,
      );
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        version: VERSION,
        database: { ok, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
        time: new Date().toISOString(),
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  });
};
