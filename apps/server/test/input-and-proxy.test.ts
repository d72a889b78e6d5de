import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createTestContext, expectProblem, type TestContext } from './context.ts';
import { createUser, multipartFile, type Session, signedInUser, TEST_PASSWORD } from './factories.ts';

// Issue #17, defects 2 (NUL and unpaired surrogates gave 500) and 6 (X-Forwarded-For believed from anyone).

describe('the input rule: no NUL, no unpaired surrogate, anywhere', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestContext({ seed: true });
    admin = (await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' })).session;
  });
  afterAll(() => ctx.close());

  it('refuses a NUL in a query string with 400 naming the parameter', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/users?q=a%00b', headers: admin.headers });
    const body = expectProblem(res, 400, 'request.invalidText');
    expect(body.errors?.[0]?.path).toBe('query.q');
  });

  it('refuses a lone surrogate or a NUL in a JSON body, naming the field', async () => {
    for (const name of ['Phường \uD800', 'Phường\u0000X', 'x\uDC00']) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers,
        payload: { level: 'national', name, parentId: null },
      });
      const body = expectProblem(res, 400, 'request.invalidText');
      expect(body.errors?.[0]?.path).toBe('body.name');
    }
    // Paired surrogates (an emoji) and Vietnamese are fine.
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers,
      payload: { level: 'national', name: 'Đơn vị 😀', parentId: null },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a NUL in a path parameter and in an uploaded file name', async () => {
    const path = await ctx.app.inject({ method: 'GET', url: '/api/v1/units/a%00b', headers: admin.headers });
    expect(path.statusCode).toBe(400);
    const { rows } = await ctx.db.execute<{ id: string }>(sql`select id from committees limit 1`);
    const file = multipartFile(
      'file',
      'bien\u0000ban.pdf',
      Buffer.from('%PDF-1.4\n%%EOF\n'),
      'application/pdf',
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/committees/${rows[0]!.id}/files`,
      headers: { ...admin.headers, 'content-type': file.contentType },
      payload: file.payload,
    });
    const body = expectProblem(res, 400, 'request.invalidText');
    expect(body.errors?.[0]?.path).toBe('file.filename');
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default and takes a list of addresses or CIDRs', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
  });

  const sessionIp = async (ctx: TestContext, username: string) => {
    const { rows } = await ctx.db.execute<{ ip: string }>(
      sql`select s.ip from sessions s join users u on u.id = s.user_id where u.username = ${username}`,
    );
    return rows.map((r) => r.ip);
  };

  it('ignores X-Forwarded-For from a client that is not a named proxy', async () => {
    const ctx = await createTestContext();
    try {
      const { username } = await createUser(ctx.db);
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        payload: { username, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(await sessionIp(ctx, username)).toEqual(['127.0.0.1']);
    } finally {
      await ctx.close();
    }
  });

  it('believes the named proxy', async () => {
    const ctx = await createTestContext({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const { username } = await createUser(ctx.db);
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        payload: { username, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(await sessionIp(ctx, username)).toEqual(['203.0.113.9']);
    } finally {
      await ctx.close();
    }
  });
});
