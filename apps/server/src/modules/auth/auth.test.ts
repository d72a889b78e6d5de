import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser, login, TEST_PASSWORD } from '../../../test/factories.ts';
import { users } from '../users/users.schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_LOCKOUT_THRESHOLD: '3', LOGIN_LOCKOUT_MINUTES: '15' } });
});
afterAll(() => ctx.close());

const loginRequest = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('login', () => {
  it('signs in with the username or the e-mail and sets an httpOnly, SameSite session cookie', async () => {
    const { username } = await createUser(ctx.db, { fullName: 'Nguyễn Thị Thu Hằng' });
    const res = await loginRequest(username.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.fullName).toBe('Nguyễn Thị Thu Hằng');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'steerco_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');

    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `steerco_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(username);
  });

  it('answers a wrong password and an unknown user alike, without saying which', async () => {
    const { username } = await createUser(ctx.db);
    const wrong = expectProblem(
      await loginRequest(username, 'sai-mat-khau-1'),
      401,
      'auth.invalidCredentials',
    );
    expect(wrong.detail).toContain('Còn 2 lần thử');
    expectProblem(await loginRequest('khong.ton.tai', 'sai-mat-khau-1'), 401, 'auth.invalidCredentials');
  });

  it('locks the account after repeated failures, even for the right password, and says until when', async () => {
    const { username } = await createUser(ctx.db);
    await loginRequest(username, 'sai-1');
    await loginRequest(username, 'sai-2');
    const third = expectProblem(await loginRequest(username, 'sai-3'), 423, 'auth.locked');
    expect(third.detail).toMatch(/thử lại sau \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    const locked = await loginRequest(username, TEST_PASSWORD);
    expectProblem(locked, 423, 'auth.locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    // Once the lock has passed, the right password works again and the counter resets.
    await ctx.db
      .update(users)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(sql`username = ${username}`);
    expect((await loginRequest(username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a deactivated account', async () => {
    const { username } = await createUser(ctx.db, { active: false });
    expectProblem(await loginRequest(username, TEST_PASSWORD), 403, 'auth.inactive');
  });

  it('rejects malformed login bodies with 400 and unknown fields by name', async () => {
    const res = await loginRequest('', '');
    expectProblem(res, 400, 'request.validation');
    const extra = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 'b', admin: true },
    });
    const body = expectProblem(extra, 400, 'request.validation');
    expect(body.errors?.map((e) => e.path)).toContain('body.admin');
  });
});

describe('rate limit', () => {
  it('answers 429 problem+json past the per-minute login limit', async () => {
    const limited = await createTestContext({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'x', password: 'y' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      expectProblem(await attempt(), 429, 'request.rateLimited');
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('ends at logout', async () => {
    const { username } = await createUser(ctx.db);
    const s = await login(ctx.app, username);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } }),
      401,
      'auth.required',
    );
  });

  it('expires after its lifetime and after being idle', async () => {
    const lifetime = await createUser(ctx.db);
    const idle = await createUser(ctx.db);
    const a = await login(ctx.app, lifetime.username);
    const b = await login(ctx.app, idle.username);
    await ctx.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${lifetime.id}`,
    );
    await ctx.db.execute(
      sql`update sessions set last_seen_at = now() - make_interval(mins => ${ctx.config.SESSION_IDLE_MINUTES + 1})
        where user_id = ${idle.id}`,
    );
    for (const s of [a, b]) {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
      expectProblem(res, 401, 'auth.required');
    }
  });

  it('rejects a forged cookie', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: 'steerco_session=forged' },
    });
    expectProblem(res, 401, 'auth.required');
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the session CSRF token, and accepts it with', async () => {
    const { username } = await createUser(ctx.db);
    const s = await login(ctx.app, username);
    const payload = { currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2026' };
    const without = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: s.cookie },
      payload,
    });
    expectProblem(without, 403, 'auth.csrf');
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrf.length) },
      payload,
    });
    expectProblem(wrong, 403, 'auth.csrf');
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload,
    });
    expect(ok.statusCode).toBe(204);
  });
});

describe('initial password', () => {
  it('must be changed before anything else, then the account works normally', async () => {
    const { username } = await createUser(ctx.db, { mustChangePassword: true, systemRole: 'systemAdmin' });
    const s = await login(ctx.app, username);
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: s.headers }),
      403,
      'auth.passwordChangeRequired',
    );
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).json().user
        .mustChangePassword,
    ).toBe(true);

    const weak = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' },
    });
    const problem = expectProblem(weak, 400, 'request.validation');
    expect(problem.errors?.[0]?.path).toBe('body.newPassword');

    const wrongCurrent = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload: { currentPassword: 'khong-dung-1', newPassword: 'Mat-khau-moi-2026' },
    });
    expectProblem(wrongCurrent, 422, 'auth.wrongPassword');

    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: s.headers })).statusCode,
    ).toBe(200);
    expect((await login(ctx.app, username, 'Mat-khau-moi-2026')).csrf).toBeTruthy();
  });
});
