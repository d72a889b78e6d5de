import { readFileSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';
import { registerAuthHook } from '../src/http/auth-hook.ts';
import { createTestContext, expectProblem, type TestContext } from './context.ts';
import { signedInUser } from './factories.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('every API route declares who may call it', () => {
  it('refuses to register a /api/v1 route without a permission declaration', async () => {
    const app = Fastify();
    registerAuthHook(app, async () => null);
    expect(() => app.get('/api/v1/forgotten', async () => 'oops')).toThrow(
      /does not declare config.permission/,
    );
  });

  it('answers 401 problem+json to an anonymous caller on every non-public route', async () => {
    const someId = '01900000-0000-7000-8000-000000000000';
    let checked = 0;
    for (const [route, permission] of ctx.app.routePermissions) {
      if (permission === 'public') continue;
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/:[A-Za-z]+/g, someId);
      const res = await ctx.app.inject({
        method: method as 'GET',
        url,
        payload: method === 'GET' ? undefined : {},
      });
      expectProblem(res, 401, 'auth.required');
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(60);
    // The only public API routes: signing in, whether this browser is signed in (answers null, never another
    // person's data), the invitation's signed personal link, the chair's signed link to a late-notice request, and
    // a person's calendar feed (its secret token is the credential, revocable; issue 19).
    const publicRoutes = [...ctx.app.routePermissions].filter(([, p]) => p === 'public').map(([r]) => r);
    expect(publicRoutes.sort()).toEqual([
      'GET /api/v1/auth/session',
      'GET /api/v1/calendar-feeds/:token',
      'GET /api/v1/late-notice',
      'GET /api/v1/rsvp',
      'POST /api/v1/auth/login',
      'POST /api/v1/late-notice',
      'POST /api/v1/rsvp',
    ]);
  });
});

describe('problem+json', () => {
  it('404 for an unknown route, in the same format', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/khong-co' });
    const body = expectProblem(res, 404, 'route.notFound');
    expect(body.requestId).toBe(res.headers['x-request-id']);
  });

  it('400 for malformed JSON, wrong types, over-long strings and unknown fields — nothing written', async () => {
    const admin = await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' });
    const before = (await ctx.db.execute(sql`select count(*)::int as n from administrative_units`)).rows[0]!
      .n;
    const send = (payload: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: { ...admin.session.headers, 'content-type': 'application/json' },
        payload,
      });
    expectProblem(await send('{"level": "province", "name": '), 400, 'request.malformedJson');
    expectProblem(
      await send(JSON.stringify({ level: 7, name: 'X', parentId: null })),
      400,
      'request.validation',
    );
    const long = expectProblem(
      await send(JSON.stringify({ level: 'national', name: 'X'.repeat(201), parentId: null })),
      400,
      'request.validation',
    );
    expect(long.errors?.[0]).toMatchObject({ path: 'body.name', code: 'too_big' });
    const unknown = expectProblem(
      await send(JSON.stringify({ level: 'national', name: 'X', parentId: null, secret: 1 })),
      400,
      'request.validation',
    );
    expect(unknown.errors?.[0]?.path).toBe('body.secret');
    expect((await ctx.db.execute(sql`select count(*)::int as n from administrative_units`)).rows[0]!.n).toBe(
      before,
    );
  });

  it('415 for a body that is not JSON', async () => {
    const admin = await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { ...admin.session.headers, 'content-type': 'text/plain' },
      payload: 'level=national',
    });
    expectProblem(res, 415, 'request.unsupportedMediaType');
  });
});

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = res.json();
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
  });

  it('matches the committed copy the web client types are generated from (npm run api:generate)', async () => {
    const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'apps/web/src/api/openapi.json'), 'utf8'));
    expect(ctx.app.swagger()).toEqual(committed);
  });

  it('names its servers, gives every operation a stable unique operationId and documents its problem answers (#19)', () => {
    const document = ctx.app.swagger() as unknown as {
      servers: { url: string }[];
      paths: Record<
        string,
        Record<string, { operationId: string; responses: Record<string, { content: object }> }>
      >;
    };
    expect(document.servers.length).toBeGreaterThan(0);
    const operations = Object.entries(document.paths).flatMap(([p, item]) =>
      Object.entries(item).map(([method, op]) => ({ p, method, op })),
    );
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.paths['/api/v1/committees/{id}/members']!.get!.operationId).toBe(
      'getCommitteesIdMembers',
    );
    for (const { op } of operations)
      expect(op.responses['4XX']!.content).toHaveProperty('application/problem+json');
  });

  it('has an API reference page', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('health', () => {
  it('reports the database as reachable', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('is ready while the database answers (readiness, apart from liveness)', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });
});
