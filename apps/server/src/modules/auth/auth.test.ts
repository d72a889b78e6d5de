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

    // The web app's first question: the same session, and null (200, not 401) once signed out.
    const state = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `steerco_session=${cookie?.value}` },
    });
    expect(state.statusCode).toBe(200);
    expect(state.json().session.user.username).toBe(username);
    expect(state.json().session.csrfToken).toBe(body.csrfToken);
    const unknown = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: 'steerco_session=not-a-session' },
    });
    expect(unknown.json()).toEqual({ session: null });
  });

  it('answers a wrong password, an unknown account and a locked one alike, without saying which (#17)', async () => {
    const { username } = await createUser(ctx.db);
    const strip = (b: Record<string, unknown>) => {
      const { requestId: _r, instance: _i, ...rest } = b;
      return rest;
    };
    const wrong = await loginRequest(username, 'sai-mat-khau-1');
    const unknown = await loginRequest('khong.ton.tai', 'sai-mat-khau-1');
    expectProblem(wrong, 401, 'auth.invalidCredentials');
    expectProblem(unknown, 401, 'auth.invalidCredentials');
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.body).not.toMatch(/\d lần thử/);
    await loginRequest(username, 'sai-mat-khau-2');
    await loginRequest(username, 'sai-mat-khau-3'); // locks it
    const locked = await loginRequest(username, 'sai-mat-khau-4');
    expect(locked.statusCode).toBe(401);
    expect(strip(locked.json())).toEqual(strip(unknown.json()));
    expect(locked.headers['retry-after']).toBeUndefined();
  });

  it('takes as long for an unknown account and a locked one as for a wrong password (#17)', async () => {
    const { username } = await createUser(ctx.db);
    const { username: lockedName } = await createUser(ctx.db);
    await ctx.db
      .update(users)
      .set({ lockedUntil: sql`now() + interval '1 hour'` })
      .where(sql`username = ${lockedName}`);
    const time = async (name: string) => {
      const started = performance.now();
      await loginRequest(name, 'sai-mat-khau');
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const wrong: number[] = [];
    const unknown: number[] = [];
    const locked: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Below the lockout threshold (3): reset the counter between rounds.
      await ctx.db.update(users).set({ failedLoginCount: 0 }).where(sql`username = ${username}`);
      wrong.push(await time(username));
      unknown.push(await time('khong.ton.tai.2'));
      locked.push(await time(lockedName));
    }
    // Each answer costs one password verification (tens of milliseconds); a missing one would be far faster.
    // Against the fastest wrong-password answer (the verification's own cost): a loaded machine slows some
    // answers down, never below that.
    const verification = Math.min(...wrong);
    expect(median(unknown)).toBeGreaterThan(verification * 0.4);
    expect(median(locked)).toBeGreaterThan(verification * 0.4);
  });

  it('locks the account after repeated failures, even for the right password, and tells its owner by e-mail', async () => {
    const { username, id } = await createUser(ctx.db);
    await ctx.db
      .update(users)
      .set({ email: `${username}@example.vn` })
      .where(sql`id = ${id}`);
    await loginRequest(username, 'sai-1');
    await loginRequest(username, 'sai-2');
    expectProblem(await loginRequest(username, 'sai-3'), 401, 'auth.invalidCredentials');
    const locked = await loginRequest(username, TEST_PASSWORD);
    expectProblem(locked, 401, 'auth.invalidCredentials');
    const { rows } = await ctx.db.execute<{ subject: string; text: string }>(
      sql`select subject, text from email_outbox where to_address = ${`${username}@example.vn`}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toContain('khóa');
    expect(rows[0]!.text).toMatch(/sau \d\d:\d\d \d\d\/\d\d\/\d{4}/);

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

describe('guessable new passwords (issue #17, defect 8)', () => {
  it('refuses common and breached passwords, a name with a birth year and the person’s own details; keeps the old one', async () => {
    const { username } = await createUser(ctx.db, { username: 'tung.lt', fullName: 'Lê Thanh Tùng' });
    const s = await login(ctx.app, username);
    const change = (newPassword: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: s.headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword },
      });
    for (const guessable of [
      'password123',
      'qwerty123456',
      'nguyenvanan1990',
      'Hoa@15081990',
      'Matkhau@123',
    ]) {
      const problem = expectProblem(await change(guessable), 400, 'auth.weakPassword');
      expect(problem.errors?.[0]).toMatchObject({ path: 'body.newPassword', code: 'weak_password' });
      expect(problem.errors?.[0]?.message).toContain('dễ đoán');
    }
    for (const own of ['tung.lt2026!', 'lethanhtung-2026']) {
      const problem = expectProblem(await change(own), 400, 'auth.weakPassword');
      expect(problem.errors?.[0]?.message).toMatch(/tên|dễ đoán/);
    }
    // Nothing was written: the old password still signs in.
    expect((await login(ctx.app, username)).csrf).toBeTruthy();
    expect((await change('Hoa-sen-no-giua-dong-2026')).statusCode).toBe(204);
    expect((await login(ctx.app, username, 'Hoa-sen-no-giua-dong-2026')).csrf).toBeTruthy();
  });
});
