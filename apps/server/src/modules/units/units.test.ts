import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { type Session, signedInUser, unitByName } from '../../../test/factories.ts';

let ctx: TestContext;
let admin: Session;
let member: Session;

beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  admin = (await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' })).session;
  member = (await signedInUser(ctx.app, ctx.db)).session;
});
afterAll(() => ctx.close());

const get = (url: string, s = member) => ctx.app.inject({ method: 'GET', url, headers: s.headers });
const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((u) => u.name);

describe('administrative unit tree', () => {
  it('walks from the country down to Phúc La ward, level by level', async () => {
    const top = await get('/api/v1/units');
    expect(names(top)).toEqual(['Việt Nam']);
    const vn = top.json().items[0];
    expect(vn).toMatchObject({ level: 'national', code: 'VN', childCount: 2 });

    const provinces = await get(`/api/v1/units?parentId=${vn.id}`);
    expect(names(provinces)).toEqual(['Thành phố Hà Nội', 'Tỉnh Bình Định']); // ordered by official code 01, 52

    const phucLa = await unitByName(ctx.db, 'Phường Phúc La');
    const detail = await get(`/api/v1/units/${phucLa.id}`);
    expect(detail.json()).toMatchObject({ level: 'commune', isSample: true });
    expect(detail.json().ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Việt Nam',
      'Thành phố Hà Nội',
      'Quận Hà Đông',
    ]);
  });

  it('finds units by name without diacritics, or by code', async () => {
    expect(names(await get('/api/v1/units?q=phuc%20la'))).toContain('Phường Phúc La');
    expect(names(await get('/api/v1/units?q=268'))).toEqual(['Quận Hà Đông']);
  });

  it('lets a system administrator add a ward under a district, and refuses a wrong level or a taken code', async () => {
    const haDong = await unitByName(ctx.db, 'Quận Hà Đông');
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers,
      payload: {
        level: 'commune',
        code: 'MAU-YENNGHIA',
        name: 'Phường Yên Nghĩa',
        parentId: haDong.id,
        isSample: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().ancestors).toHaveLength(3);

    const before = (await ctx.db.execute(sql`select count(*)::int as n from administrative_units`)).rows[0]!
      .n;
    const wrongLevel = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers,
      payload: { level: 'province', name: 'Tỉnh dưới quận', parentId: haDong.id },
    });
    expectProblem(wrongLevel, 422, 'unit.invalidParent');
    const taken = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers,
      payload: { level: 'commune', code: '268', name: 'Trùng mã', parentId: haDong.id },
    });
    expectProblem(taken, 409, 'unit.codeTaken');
    const after = (await ctx.db.execute(sql`select count(*)::int as n from administrative_units`)).rows[0]!.n;
    expect(after).toBe(before);
  });

  it('renames a unit, and only system administrators may change units', async () => {
    const binhDinh = await unitByName(ctx.db, 'Tỉnh Bình Định');
    const denied = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${binhDinh.id}`,
      headers: member.headers,
      payload: { shortName: 'BĐ' },
    });
    expectProblem(denied, 403, 'permission.denied');
    const ok = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${binhDinh.id}`,
      headers: admin.headers,
      payload: { shortName: 'BĐ' },
    });
    expect(ok.json().shortName).toBe('BĐ');
  });
});
