import { Health } from '@steerco/contract/health';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pingDatabase } from '../../db/client.ts';
import type { ModuleOptions } from '../../http/module.ts';

export const VERSION = '0.1.0';

// A ping that hangs (a server that stopped answering without closing the socket) counts as down.
const PING_TIMEOUT_MS = 2_000;

export const healthRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  const check = async () => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const ok = await Promise.race([
      pingDatabase(db).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      }),
    ]).catch(() => false);
    clearTimeout(timer);
    return {
      status: ok ? ('ok' as const) : ('degraded' as const),
      version: VERSION,
      database: { ok, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
      time: new Date().toISOString(),
    };
  };

  // Liveness: the process answers. A database outage is reported in the body but is not a reason to restart
  // the instance (the pool reconnects by itself), so the status stays 200.
  app.get('/health', {
    config: { permission: 'public' },
    schema: {
      tags: ['Hệ thống'],
      summary: 'Máy chủ còn hoạt động (liveness); tình trạng cơ sở dữ liệu trong nội dung',
      response: { 200: Health },
    },
    handler: async () => check(),
  });

  // Readiness: send this instance traffic only while its database answers.
  app.get('/health/ready', {
    config: { permission: 'public' },
    schema: {
      tags: ['Hệ thống'],
      summary: 'Sẵn sàng phục vụ (readiness): 503 khi không kết nối được cơ sở dữ liệu',
      response: { 200: Health, 503: Health },
    },
    handler: async (_request, reply) => {
      const body = await check();
      if (!body.database.ok) reply.header('retry-after', '2');
      return reply.status(body.database.ok ? 200 : 503).send(body);
    },
  });
};
