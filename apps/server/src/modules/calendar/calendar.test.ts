import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { type Session, signedInUser } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import { buildApp } from '../../app.ts';

let ctx: TestContext;
let admin: Session;
let user: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = (await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' })).session;
  user = (await signedInUser(ctx.app, ctx.db)).session;
});
afterAll(() => ctx.close());

const get = (url: string) => call(ctx.app, user, 'GET', url);

describe('working-day calendar API', () => {
  it('lists Tết 2026 for civil servants: off from Saturday 14/02 to Sunday 22/02', async () => {
    const res = await get('/api/v1/calendar/days?from=2026-02-13&to=2026-02-23');
    expect(res.statusCode).toBe(200);
    const days = res.json().days as { date: string; working: boolean; kind: string; name?: string }[];
    expect(days.filter((d) => d.working).map((d) => d.date)).toEqual(['2026-02-13', '2026-02-23']);
    expect(days.find((d) => d.date === '2026-02-17')).toMatchObject({
      kind: 'holiday',
      name: expect.stringContaining('Tết'),
    });
  });

  it('adds and counts working days across holidays (R9 deadlines)', async () => {
    expect((await get('/api/v1/calendar/add-working-days?date=2026-02-12&days=2')).json()).toEqual({
      date: '2026-02-23',
    });
    expect((await get('/api/v1/calendar/add-working-days?date=2026-02-23&days=-2')).json()).toEqual({
      date: '2026-02-12',
    });
    expect((await get('/api/v1/calendar/working-days-between?from=2026-02-12&to=2026-02-23')).json()).toEqual(
      { count: 2 },
    );
    // 2025: Saturday 26/04 is a make-up working day (Friday 02/05 off by swap).
    const swapped = (await get('/api/v1/calendar/days?from=2025-04-26&to=2025-04-26')).json().days[0];
    expect(swapped).toMatchObject({ working: true, kind: 'swappedWorkday' });
  });

  it('lists a year with its sources', async () => {
    const y = (await get('/api/v1/calendar/holidays?year=2026')).json();
    expect(y.source).toContain('9441/TB-BNV');
    expect(y.daysOff.map((d: { date: string }) => d.date)).toContain('2026-04-27'); // nghỉ bù Giỗ Tổ
  });

  it.each([
    ['/api/v1/calendar/days?from=2026-02-30&to=2026-03-01', 'invalid date'],
    ['/api/v1/calendar/days?from=2026-03-10&to=2026-03-01', 'reversed range'],
    ['/api/v1/calendar/days?from=2025-01-01&to=2026-03-01', 'over 400 days'],
    ['/api/v1/calendar/add-working-days?date=2026-01-05&days=1.5', 'non-integer'],
    ['/api/v1/calendar/add-working-days?date=2026-01-05&days=abc', 'not a number'],
    ['/api/v1/calendar/add-working-days?date=2199-12-30&days=60', 'beyond the supported years'],
    ['/api/v1/calendar/working-days-between?from=2026-1-5&to=2026-01-09', 'not ISO'],
  ])('answers 400 problem+json for %s (%s)', async (url) => {
    expectProblem(await get(url), 400, 'request.validation');
  });
});

describe('calendar overrides', () => {
  it('a system admin adds a local holiday; every instance sees it at once', async () => {
    const other = await buildApp({ db: ctx.db, config: ctx.config, logger: pino({ level: 'silent' }) });
    try {
      // Warm the other instance's cache first.
      await other.inject({
        method: 'GET',
        url: '/api/v1/calendar/days?from=2026-03-10&to=2026-03-10',
        headers: user.headers,
      });
      const created = await call(
        ctx.app,
        admin,
        'POST',
        '/api/v1/calendar/overrides',
        {
          date: '2026-03-10',
          kind: 'holiday',
          name: 'Ngày truyền thống địa phương',
          source: 'Công văn 123/UBND-VX',
        },
        201,
      );
      const seen = await other.inject({
        method: 'GET',
        url: '/api/v1/calendar/days?from=2026-03-10&to=2026-03-10',
        headers: user.headers,
      });
      expect(seen.json().days[0]).toMatchObject({
        working: false,
        kind: 'holiday',
        name: 'Ngày truyền thống địa phương',
      });

      expectProblem(
        await call(ctx.app, admin, 'POST', '/api/v1/calendar/overrides', {
          date: '2026-03-10',
          kind: 'workday',
          name: 'Trùng',
        }),
        409,
        'calendar.overrideExists',
      );
      await call(ctx.app, admin, 'DELETE', `/api/v1/calendar/overrides/${created.json().id}`, undefined, 204);
      const back = await other.inject({
        method: 'GET',
        url: '/api/v1/calendar/days?from=2026-03-10&to=2026-03-10',
        headers: user.headers,
      });
      expect(back.json().days[0]).toMatchObject({ working: true, kind: 'workday' });
    } finally {
      await other.close();
    }
  });

  it('only system administrators may change the calendar', async () => {
    expectProblem(
      await call(ctx.app, user, 'POST', '/api/v1/calendar/overrides', {
        date: '2026-03-11',
        kind: 'holiday',
        name: 'X',
      }),
      403,
      'permission.denied',
    );
  });
});
