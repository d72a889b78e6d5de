import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { SESSION_COOKIE } from '@steerco/contract/auth';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { registerAuthHook } from './http/auth-hook.ts';
import { AppError, registerErrorHandling } from './http/errors.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { registerInputTextRule } from './http/input-text.ts';
import type { ModuleOptions } from './http/module.ts';
import { completeOpenApi } from './http/openapi.ts';
import { responseSerializerCompiler } from './http/serializer.ts';
import { registerTestClock } from './http/test-clock.ts';
import type { JobQueue } from './jobs/queue.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { actorOfSession } from './modules/auth/auth.service.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { committeeRoutes } from './modules/committees/committees.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { documentRoutes } from './modules/documents/documents.routes.ts';
import { evaluationRoutes } from './modules/evaluations/evaluations.routes.ts';
import { fileRoutes } from './modules/files/files.routes.ts';
import { healthRoutes, VERSION } from './modules/health/health.routes.ts';
import { inboxRoutes } from './modules/inbox/inbox.routes.ts';
import { indicatorRoutes } from './modules/indicators/indicators.routes.ts';
import { meetingFeedRoutes } from './modules/meetings/feed.routes.ts';
import { meetingRoutes } from './modules/meetings/meetings.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { planRoutes } from './modules/plans/plans.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';
import { scheduleRoutes } from './modules/schedule/schedule.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { carryOverRoutes } from './modules/tasks/carry-over.routes.ts';
import { cascadeRoutes } from './modules/tasks/cascade.routes.ts';
import { taskRoutes } from './modules/tasks/tasks.routes.ts';
import { unitRoutes } from './modules/units/units.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { wireModules } from './wiring.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** Started by main (or a test) before the app; omitted or null when jobs are disabled. */
  jobs?: JobQueue | null;
}

/** The API modules mounted under /api/v1. Each declares a permission on every route (see auth-hook). */
const API_MODULES = [
  authRoutes,
  userRoutes,
  unitRoutes,
  calendarRoutes,
  committeeRoutes,
  meetingRoutes,
  documentRoutes,
  fileRoutes,
  notificationRoutes,
  taskRoutes,
  carryOverRoutes,
  cascadeRoutes,
  planRoutes,
  reportRoutes,
  indicatorRoutes,
  evaluationRoutes,
  dashboardRoutes,
  inboxRoutes,
  searchRoutes,
  scheduleRoutes,
  meetingFeedRoutes,
];

export async function buildApp({ db, config, logger, jobs = null }: AppDeps): Promise<FastifyInstance> {
  // The modules' reactions to each other's events, before any request can emit one.
  wireModules();
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY (issue #17): otherwise any client
    // could pick its own address, escape the per-IP login limit and write a false one into the audit log.
    trustProxy: config.TRUST_PROXY === false ? false : config.TRUST_PROXY,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(config.NODE_ENV === 'test'));

  // The API speaks JSON only: other media types get 415 instead of reaching validation as strings.
  app.removeContentTypeParser(['text/plain', 'application/json']);
  // A POST without a body (e.g. /users/:id/deactivate) is fine even when a client labels it JSON.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch (err) {
      done(new AppError('request.malformedJson', { detail: (err as Error).message }), undefined);
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  registerInputTextRule(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.FILE_MAX_MB * 1024 * 1024, files: 1, fields: 20 },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('request.rateLimited', {
        detail: `Đã vượt quá ${ctx.max} yêu cầu mỗi phút. Vui lòng thử lại sau ${Math.ceil(ctx.ttl / 1000)} giây.`,
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'steerco API',
        version: VERSION,
        description:
          'API của steerco — hệ thống điều hành Ban Chỉ đạo CCHC, CĐS và Đề án 06. Lỗi trả về theo RFC 9457 (application/problem+json).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documents) =>
      completeOpenApi(
        (documents as { openapiObject: Parameters<typeof completeOpenApi>[0] }).openapiObject,
        config.PUBLIC_URL,
      ) as never,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // The auth module says who a session is; the hook (http/) knows no module.
  registerAuthHook(app, (token) => actorOfSession(db, config, token));
  // Creating writes retried with the same Idempotency-Key answer once (routes with config.idempotent).
  registerIdempotency(app, db);
  const options: ModuleOptions = { db, config, jobs };
  await app.register(healthRoutes, { ...options, prefix: '/api' });
  await app.register(
    async (v1) => {
      for (const mod of API_MODULES) await v1.register(mod, options);
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (config.TEST_CLOCK) registerTestClock(app);

  registerWebAppAndNotFound(app, config.webDistDir);
  return app;
}

/**
 * Serves the built single-page app when it exists; unknown non-API GETs get index.html so client routes
 * survive a reload. Everything else unknown is a 404 problem.
 */
function registerWebAppAndNotFound(app: FastifyInstance, distDir: string) {
  const hasWeb = existsSync(path.join(distDir, 'index.html'));
  if (hasWeb) {
    app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside every text asset (vite.config.ts): sent as the browser accepts.
      preCompressed: true,
      // Our own Cache-Control below; @fastify/static's (max-age=0) would overwrite the one set in setHeaders.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Vite puts a content hash in every asset name: they never change, so cache them for a year. The rest
        // (index.html above all, which names the current assets) is checked with the server on every use.
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    throw new AppError('route.notFound', { detail: `${request.method} ${request.url.split('?')[0]}` });
  });
}
