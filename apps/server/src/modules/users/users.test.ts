import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { login, type Session, signedInUser, unitByName } from '../../../test/factories.ts';

let ctx: TestContext;
let admin: Session;
let phucLaId: string;
let haNoiId: string;

beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  phucLaId = (await unitByName(ctx.db, 'Phường Phúc La')).id;
  haNoiId = (await unitByName(ctx.db, 'Thành phố Hà Nội')).id;
  admin = (await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' })).session;
});
afterAll(() => ctx.close());

const countUsers = async () =>
  (await ctx.db.execute(sql`select count(*)::int as n from users`)).rows[0]!.n as number;

describe('system administrator manages accounts', () => {
  it('creates an account with a one-time initial password the person must change at first login', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        username: 'Trang.NT',
        fullName: 'Nguyễn Thu Trang',
        position: 'Công chức Văn phòng',
        unitId: phucLaId,
        email: 'trang@phucla.vn',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({
      username: 'trang.nt',
      unitName: 'Phường Phúc La',
      mustChangePassword: true,
      active: true,
    });
    expect(initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);

    const s = await login(ctx.app, 'trang@phucla.vn', initialPassword);
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: '/api/v1/units', headers: s.headers }),
      403,
      'auth.passwordChangeRequired',
    );

    const audit = await ctx.db.execute(
      sql`select action from audit_log where entity_id = ${user.id} and action = 'user.created'`,
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('answers 409 for a taken username or e-mail and writes nothing', async () => {
    const before = await countUsers();
    const dupUser = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'hang.ntt', fullName: 'Trùng tên', unitId: phucLaId },
    });
    expectProblem(dupUser, 409, 'user.usernameTaken');
    const dupEmail = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        username: 'moi.hoan',
        fullName: 'Trùng email',
        unitId: phucLaId,
        email: 'HOAN.TX@phucla.demo.steerco.vn',
      },
    });
    expectProblem(dupEmail, 409, 'user.emailTaken');
    expect(await countUsers()).toBe(before);
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const before = await countUsers();
    const cases = [
      { username: 'có dấu', fullName: 'A', unitId: phucLaId },
      { username: 'ok.name', fullName: 'x'.repeat(121), unitId: phucLaId },
      { username: 'ok.name', fullName: 'A', unitId: 'not-a-uuid' },
      { username: 'ok.name', fullName: 'A', unitId: phucLaId, email: 'khong-phai-email' },
      { username: 'ok.name', fullName: 'A', unitId: phucLaId, isAdmin: true },
      { username: 42, fullName: 'A', unitId: phucLaId },
    ];
    for (const payload of cases) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload,
      });
      const problem = expectProblem(res, 400, 'request.validation');
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
    expect(await countUsers()).toBe(before);
  });

  it('orders people the Vietnamese way: by given name, in the Vietnamese alphabet', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/users?unitId=${phucLaId}`,
      headers: admin.headers,
    });
    const seeded = new Set(['Bình', 'Hằng', 'Hoa', 'Lan', 'Minh', 'Tuấn']); // other tests add people to the ward
    const given = res
      .json()
      .items.map((u: { fullName: string }) => u.fullName.split(' ').at(-1))
      .filter((g: string) => seeded.has(g));
    expect(given).toEqual(['Bình', 'Hằng', 'Hoa', 'Lan', 'Minh', 'Tuấn']); // ă before o: Hằng before Hoa
  });

  it('searches names without diacritics, filters and pages', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=thu%20hang',
      headers: admin.headers,
    });
    expect(res.json().items.map((u: { fullName: string }) => u.fullName)).toEqual(['Nguyễn Thị Thu Hằng']);
    const paged = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/users?pageSize=3&page=2',
      headers: admin.headers,
    });
    expect(paged.json()).toMatchObject({ page: 2, pageSize: 3 });
    expect(paged.json().items).toHaveLength(3);
    expect(paged.json().total).toBeGreaterThan(6);
  });

  it('edits, deactivates (ending sessions), reactivates and resets the password', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'vinh.lt', fullName: 'Lê Thế Vinh', unitId: phucLaId },
    });
    const { user, initialPassword } = created.json();
    const s = await login(ctx.app, 'vinh.lt', initialPassword);

    const edited = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { position: 'Tổ trưởng tổ dân phố số 3', phone: '0912 345 678' },
    });
    expect(edited.json()).toMatchObject({ position: 'Tổ trưởng tổ dân phố số 3', phone: '0912 345 678' });

    const off = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/deactivate`,
      headers: admin.headers,
    });
    expect(off.json().active).toBe(false);
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers }),
      401,
      'auth.required',
    );
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'vinh.lt', password: initialPassword },
      }),
      403,
      'auth.inactive',
    );

    const on = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/activate`,
      headers: admin.headers,
    });
    expect(on.json().active).toBe(true);
    const reset = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/reset-password`,
      headers: admin.headers,
    });
    const fresh = reset.json().initialPassword;
    expect(fresh).not.toBe(initialPassword);
    expect((await login(ctx.app, 'vinh.lt', fresh)).csrf).toBeTruthy();
  });

  it('does not let an administrator deactivate their own account', async () => {
    const self = await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/users/${self.id}/deactivate`,
      headers: self.session.headers,
    });
    expectProblem(res, 422, 'user.cannotDeactivateSelf');
  });

  it('answers 404 for an unknown account', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/users/01900000-0000-7000-8000-000000000000',
      headers: admin.headers,
    });
    expectProblem(res, 404, 'user.notFound');
  });
});

describe('unit administrator', () => {
  it('sees and manages only the accounts of its own unit subtree', async () => {
    const unitAdmin = await signedInUser(ctx.app, ctx.db, { systemRole: 'unitAdmin', unitId: phucLaId });
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/users?pageSize=200',
      headers: unitAdmin.session.headers,
    });
    const names = list.json().items.map((u: { fullName: string }) => u.fullName);
    expect(names).toContain('Vũ Trọng Huân'); // sits in the ward Office, below Phúc La
    expect(names).not.toContain('Quản trị hệ thống');

    const outsider = await signedInUser(ctx.app, ctx.db, { unitId: haNoiId });
    const hidden = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/users/${outsider.id}`,
      headers: unitAdmin.session.headers,
    });
    expectProblem(hidden, 404, 'user.notFound'); // outside its reach, the account does not exist for it

    const outside = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: unitAdmin.session.headers,
      payload: { username: 'ngoai.pham.vi', fullName: 'Ngoài phạm vi', unitId: haNoiId },
    });
    expectProblem(outside, 403, 'permission.denied');

    const escalate = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: unitAdmin.session.headers,
      payload: { username: 'leo.quyen', fullName: 'Leo quyền', unitId: phucLaId, systemRole: 'systemAdmin' },
    });
    expectProblem(escalate, 403, 'user.roleNotAllowed');

    const inside = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: unitAdmin.session.headers,
      payload: { username: 'trong.pham.vi', fullName: 'Trong phạm vi', unitId: phucLaId },
    });
    expect(inside.statusCode).toBe(201);
  });
});

describe('ordinary user', () => {
  it('cannot list or create accounts', async () => {
    const plain = await signedInUser(ctx.app, ctx.db, { unitId: phucLaId });
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: '/api/v1/users', headers: plain.session.headers }),
      403,
      'permission.denied',
    );
    const create = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: plain.session.headers,
      payload: { username: 'x.y', fullName: 'X', unitId: phucLaId },
    });
    expectProblem(create, 403, 'permission.denied');
  });
});
