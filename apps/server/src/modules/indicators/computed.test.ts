import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { login, type Session } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { today } from '../../clock.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { refreshComputedIndicators } from './computed.service.ts';
import { COMPUTED_FORMULAS, periodWindow } from './computed.ts';

// R19: the indicators computed from steerco's own records (tasks done on time, overdue tasks, meetings with an
// on-time notice — R9, reports sent on time — R16), per committee and quarter, equal counts made here in SQL
// without the modules' queries; the summaries above them follow; the run is safe twice at once.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let ctx: TestContext;
const s = {} as Record<'phucLa' | 'member' | 'haDong' | 'vanQuan', Session>;
const committee = {} as Record<'haDong' | 'phucLa' | 'vanQuan', string>;
const ind = {} as Record<string, string>;
const year = () => Number(today().slice(0, 4));

beforeAll(async () => {
  // The seed and these checks are dated from the clock: pinned to a day in its last quarter, Q1–Q3 closed, whatever day the suite
  // runs on (CI also runs it on 31/12 and in Tết).
  clock.setClock('2026-10-15T09:00:00+07:00');
  ctx = await createTestContext({ seed: true });
  await ctx.db.execute(sql`update users set must_change_password = false`);
  s.phucLa = await login(ctx.app, 'huan.vt', DEMO_PASSWORD);
  s.member = await login(ctx.app, 'anh.tp', DEMO_PASSWORD);
  s.haDong = await login(ctx.app, 'quan.hd', DEMO_PASSWORD);
  s.vanQuan = await login(ctx.app, 'vq.hd', DEMO_PASSWORD);
  const ids = await ctx.db.execute<{ short_name: string; id: string }>(
    sql`select short_name, id from committees where status = 'active'`,
  );
  const id = (n: string) => ids.rows.find((r) => r.short_name === n)!.id;
  committee.haDong = id('BCĐ quận Hà Đông');
  committee.phucLa = id('BCĐ phường Phúc La');
  committee.vanQuan = id('BCĐ phường Văn Quán');
  const rows = await ctx.db.execute<{ id: string; code: string }>(
    sql`select i.id, i.code from indicators i join indicator_frameworks f on f.id = i.framework_id
        where f.year = ${year()} and i.source = 'computed'`,
  );
  for (const r of rows.rows) ind[r.code] = r.id;
});
afterAll(async () => {
  await ctx.close();
  clock.setClock(TEST_NOW);
});

const one = async (q: ReturnType<typeof sql>) => (await ctx.db.execute<{ n: number }>(q)).rows[0]!.n;

/** The window's counts written here from the tables, not through the tasks, meetings or reports modules. */
async function independent(committeeId: string, from: string, to: string) {
  const done = sql`committee_id = ${committeeId} and status = 'done' and completed_on between ${from}::date and ${to}::date`;
  const held = sql`committee_id = ${committeeId} and status in ('held','closed') and not recorded_afterwards
    and notice_sent_at is not null
    and (starts_at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date`;
  const owed = sql`from report_regime_reporters rr join report_periods p on p.regime_id = rr.regime_id
    left join reports r on r.period_id = p.id and r.reporter_committee_id = rr.reporter_committee_id
    where rr.reporter_committee_id = ${committeeId} and p.deadline between ${from}::date and ${to}::date`;
  return {
    tasksDoneOnTime: await one(
      sql`select count(*)::int as n from tasks where ${done} and completed_on <= deadline`,
    ),
    tasksDoneLate: await one(
      sql`select count(*)::int as n from tasks where ${done} and completed_on > deadline`,
    ),
    tasksOverdue: await one(
      sql`select count(*)::int as n from tasks where committee_id = ${committeeId} and source_date <= ${to}::date
        and status <> 'cancelled' and deadline < ${to}::date
        and not (status = 'done' and completed_on <= ${to}::date)`,
    ),
    meetingsNoticed: await one(sql`select count(*)::int as n from meetings where ${held}`),
    meetingsNoticeOnTime: await one(
      sql`select count(*)::int as n from meetings where ${held} and late_notice_reason is null`,
    ),
    reportsDue: await one(
      sql`select count(*)::int as n ${owed} and (r.first_submitted_at is not null or p.deadline < ${today()}::date)`,
    ),
    reportsOnTime: await one(
      sql`select count(*)::int as n ${owed}
        and (r.first_submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= p.deadline`,
    ),
  };
}

async function storedValues(committeeId: string) {
  const rows = await ctx.db.execute<{ code: string; period: number; value: number; source: string }>(
    sql`select i.code, v.period, v.value, v.source from indicator_values v join indicators i on i.id = v.indicator_id
        join indicator_frameworks f on f.id = i.framework_id
        where v.committee_id = ${committeeId} and v.status = 'approved' and i.source = 'computed' and f.year = ${year()}`,
  );
  return rows.rows;
}

describe('periods and formulas (pure, R19)', () => {
  it('cuts the running period at today and skips periods not begun', () => {
    expect(periodWindow('quarterly', 2026, 1, '2026-10-15')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(periodWindow('quarterly', 2026, 4, '2026-10-15')).toEqual({
      from: '2026-10-01',
      to: '2026-10-15',
    });
    expect(periodWindow('monthly', 2026, 11, '2026-10-15')).toBeNull();
    expect(periodWindow('monthly', 2024, 2, '2026-10-15')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodWindow('yearly', 2025, 1, '2026-10-15')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
  it('computes each indicator by hand; nothing to count is no value, not 0 %', () => {
    const f = {
      tasksDoneOnTime: 2,
      tasksDoneLate: 1,
      tasksOverdue: 3,
      meetingsNoticed: 3,
      meetingsNoticeOnTime: 2,
      reportsDue: 0,
      reportsOnTime: 0,
    };
    expect(COMPUTED_FORMULAS['BCD.DUNGHAN']!(f)).toBe(33.33); // 2 of 6
    expect(COMPUTED_FORMULAS['BCD.QUAHAN']!(f)).toBe(3);
    expect(COMPUTED_FORMULAS['BCD.GIAYMOI']!(f)).toBe(66.67);
    expect(COMPUTED_FORMULAS['BCD.BAOCAO']!(f)).toBeNull();
  });
});

describe('computed indicators (R19)', () => {
  it("a seeded ward's computed values equal independent SQL counts, quarter by quarter", async () => {
    expect(Object.keys(ind).sort()).toEqual(['BCD.BAOCAO', 'BCD.DUNGHAN', 'BCD.GIAYMOI', 'BCD.QUAHAN']);
    let checked = 0;
    for (const c of [committee.phucLa, committee.vanQuan]) {
      const stored = await storedValues(c);
      expect(stored.every((r) => r.source === 'computed')).toBe(true);
      for (let q = 1; q <= 4; q++) {
        const w = periodWindow('quarterly', year(), q, today());
        const counts = w ? await independent(c, w.from, w.to) : null;
        for (const code of Object.keys(ind)) {
          const got = stored.find((r) => r.code === code && r.period === q)?.value ?? null;
          const want = counts ? COMPUTED_FORMULAS[code]!(counts) : null;
          expect(got, `${code} Q${q}`).toBe(want);
          if (want !== null) checked++;
        }
        if (!counts) continue;
        // The formulas by hand, on the same counts.
        const dueOrDone = counts.tasksDoneOnTime + counts.tasksDoneLate + counts.tasksOverdue;
        const byHand = stored.find((r) => r.code === 'BCD.DUNGHAN' && r.period === q)?.value ?? null;
        expect(byHand).toBe(
          dueOrDone ? Math.round((10_000 * counts.tasksDoneOnTime) / dueOrDone) / 100 : null,
        );
        expect(stored.find((r) => r.code === 'BCD.QUAHAN' && r.period === q)?.value).toBe(
          counts.tasksOverdue,
        );
      }
    }
    // The seed has tasks done on time, late and overdue in the running quarter: something was computed.
    expect(checked).toBeGreaterThan(4);
  });

  it("the district's summary adds up its wards' overdue tasks (sum rule), kept consistent", async () => {
    const q = Math.ceil(Number(today().slice(5, 7)) / 3);
    const wards = await ctx.db.execute<{ id: string }>(
      sql`select id from committees where parent_id = ${committee.haDong} and status = 'active'`,
    );
    let total = 0;
    for (const w of wards.rows) {
      const win = periodWindow('quarterly', year(), q, today())!;
      total += (await independent(w.id, win.from, win.to)).tasksOverdue;
    }
    const r = (
      await call(
        ctx.app,
        s.haDong,
        'GET',
        `/api/v1/committees/${committee.haDong}/indicators/${ind['BCD.QUAHAN']}/ranking?period=${q}`,
      )
    ).json();
    expect(r.aggregate).toBe(total);
    expect(r.items).toHaveLength(wards.rows.length);
  });

  it('recomputes on request: a cancelled overdue task leaves the count, up to the district', async () => {
    const q = Math.ceil(Number(today().slice(5, 7)) / 3);
    const overdueNow = sql`committee_id = ${committee.vanQuan} and status not in ('done','cancelled')
      and deadline < ${today()}::date`;
    const [task] = (
      await ctx.db.execute<{ id: string }>(sql`select id from tasks where ${overdueNow} order by id limit 1`)
    ).rows;
    expect(task, 'the seed has an overdue task in Văn Quán').toBeDefined();
    const quahan = async () =>
      (await storedValues(committee.vanQuan)).find((r) => r.code === 'BCD.QUAHAN' && r.period === q)!.value;
    const before = await quahan();
    const rankingUrl = `/api/v1/committees/${committee.haDong}/indicators/${ind['BCD.QUAHAN']}/ranking?period=${q}`;
    const districtBefore = (await call(ctx.app, s.haDong, 'GET', rankingUrl)).json().aggregate;
    // Cancelled outside the API (the change itself is not what is tested): only the computation moves it.
    await ctx.db.execute(sql`update tasks set status = 'cancelled' where id = ${task!.id}`);

    // A member who is neither the standing agency nor the head may not trigger it.
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/committees/${committee.phucLa}/computed-indicators/refresh`,
        headers: s.member.headers,
      }),
      403,
      'permission.denied',
    );
    // The head of Văn Quán asks for it now.
    const res = await call(
      ctx.app,
      s.vanQuan,
      'POST',
      `/api/v1/committees/${committee.vanQuan}/computed-indicators/refresh`,
      undefined,
      200,
    );
    expect(res.json()).toMatchObject({ asOf: today() });
    expect(res.json().written).toBeGreaterThan(0);
    expect(await quahan()).toBe(before - 1);
    expect((await call(ctx.app, s.haDong, 'GET', rankingUrl)).json().aggregate).toBe(districtBefore - 1);
    // The standing agency of Phúc La may ask too (nothing changed there: nothing written).
    expect(
      (
        await call(
          ctx.app,
          s.phucLa,
          'POST',
          `/api/v1/committees/${committee.phucLa}/computed-indicators/refresh`,
          undefined,
          200,
        )
      ).json(),
    ).toMatchObject({ written: 0, removed: 0 });
    // Phúc La's scorecard shows the computed value, not enterable.
    const card = (
      await call(ctx.app, s.phucLa, 'GET', `/api/v1/committees/${committee.phucLa}/scorecard`)
    ).json();
    const row = card.frameworks
      .find((f: { code: string }) => f.code === 'BCD')
      .groups[0].rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'BCD.QUAHAN');
    expect(row.latest.value).toBe(
      (await storedValues(committee.phucLa)).find(
        (r) => r.code === 'BCD.QUAHAN' && r.period === row.latest.period,
      )!.value,
    );
    expect(row.canEnter).toBe(false);
  });

  it('two runs at once (two instances, or the job and a request) leave the same values, written once', async () => {
    const snapshot = async () =>
      (
        await ctx.db.execute<{ k: string }>(
          sql`select string_agg(committee_id::text || indicator_id::text || period || ':' || value, ',' order by committee_id, indicator_id, period) as k
              from indicator_values where source = 'computed' and status = 'approved'`,
        )
      ).rows[0]!.k;
    const summaries = async () =>
      (
        await ctx.db.execute<{ k: string }>(
          sql`select string_agg(committee_id::text || indicator_id::text || period || ':' || coalesce(value, -1), ',' order by committee_id, indicator_id, period) as k
              from indicator_summaries`,
        )
      ).rows[0]!.k;
    const [values, sums] = [await snapshot(), await summaries()];
    const [a, b] = await Promise.all([refreshComputedIndicators(ctx.db), refreshComputedIndicators(ctx.db)]);
    // Nothing changed since the last computation: neither run writes anything.
    expect([a.written, a.removed, b.written, b.removed]).toEqual([0, 0, 0, 0]);
    expect(await snapshot()).toBe(values);
    expect(await summaries()).toBe(sums);
  });
});
