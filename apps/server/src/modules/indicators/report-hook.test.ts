import { DEFAULT_REPORT_OUTLINE } from '@steerco/contract/reports';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { login, type Session } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { today } from '../../clock.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';

// R19 → R16: a report regime's data table takes a field from an indicator for the period — the field whose
// source is `indicators.<code>` is pre-filled with the reporter's approved value of the quarter its window ends in.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let ctx: TestContext;
const s = {} as Record<'haDong' | 'vanQuan' | 'phucLa', Session>;
const committee = {} as Record<'haDong' | 'vanQuan' | 'phucLa', string>;
const year = () => Number(today().slice(0, 4));

beforeAll(async () => {
  // The seed and these checks are dated from the clock: pinned to a day after the third quarter's cut-off, so its report is open, whatever day the suite
  // runs on (CI also runs it on 31/12 and in Tết).
  clock.setClock('2026-10-15T09:00:00+07:00');
  ctx = await createTestContext({ seed: true });
  await ctx.db.execute(sql`update users set must_change_password = false`);
  s.haDong = await login(ctx.app, 'quan.hd', DEMO_PASSWORD);
  s.vanQuan = await login(ctx.app, 'vq.hd', DEMO_PASSWORD);
  s.phucLa = await login(ctx.app, 'huan.vt', DEMO_PASSWORD);
  const ids = await ctx.db.execute<{ short_name: string; id: string }>(
    sql`select short_name, id from committees where status = 'active'`,
  );
  const id = (n: string) => ids.rows.find((r) => r.short_name === n)!.id;
  committee.haDong = id('BCĐ quận Hà Đông');
  committee.vanQuan = id('BCĐ phường Văn Quán');
  committee.phucLa = id('BCĐ phường Phúc La');
});
afterAll(async () => {
  await ctx.close();
  clock.setClock(TEST_NOW);
});

/** The approved value of the committee's indicator for the quarter, read here from the table. */
async function approved(committeeId: string, code: string, quarter: number) {
  const { rows } = await ctx.db.execute<{ value: number }>(
    sql`select v.value from indicator_values v join indicators i on i.id = v.indicator_id
        join indicator_frameworks f on f.id = i.framework_id
        where v.committee_id = ${committeeId} and i.code = ${code} and f.year = ${year()}
          and v.period = ${quarter} and v.status = 'approved'`,
  );
  return rows[0]?.value ?? null;
}

const field = (key: string, source: string, type = 'percent', rollup = 'avg') => ({
  key,
  label: `Chỉ tiêu ${key}`,
  type,
  rollup,
  source,
});

describe('report fields taken from indicators (R19 → R16)', () => {
  it("pre-fills a regime's indicator fields with the reporter's approved value of the period", async () => {
    const regimeUrl = `/api/v1/committees/${committee.haDong}/report-regimes`;
    const body = {
      name: 'Báo cáo quý kèm chỉ số Đề án 06',
      frequency: 'quarterly',
      outline: DEFAULT_REPORT_OUTLINE,
      cutoffDay: 15,
      deadline: { kind: 'dayOfMonth', day: 20 },
      fromYear: year(),
      fields: [
        field('vneid', 'indicators.DA06.VNEID'),
        field('quahan', 'indicators.BCD.QUAHAN', 'integer', 'sum'),
        field('par', 'indicators.PAR.CD.1', 'decimal'),
      ],
    };
    // A source that is not an indicator code is refused like any unknown source.
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: regimeUrl,
        headers: s.haDong.headers,
        payload: { ...body, fields: [field('x', 'indicators.không có mã')] },
      }),
      422,
      'report.invalidFields',
    );
    const regime = (await call(ctx.app, s.haDong, 'POST', regimeUrl, body, 201)).json();
    const periods = (
      await call(ctx.app, s.vanQuan, 'GET', `/api/v1/report-regimes/${regime.id}/periods`, undefined, 200)
    ).json().items as { id: string; label: string; to: string }[];
    // Quý III: the window 15/6–14/9 ends in the third quarter.
    const q3 = periods.find((p) => p.label === `Quý III/${year()}`)!;
    expect(q3.to).toBe(`${year()}-09-14`);

    const open = async (who: Session, committeeId: string) =>
      (
        await call(
          ctx.app,
          who,
          'POST',
          `/api/v1/report-periods/${q3.id}/reports`,
          { reporterCommitteeId: committeeId },
          200,
        )
      ).json() as { id: string; figures: { key: string; value: number | null; computed: number | null }[] };
    const figure = (r: Awaited<ReturnType<typeof open>>, key: string) =>
      r.figures.find((f) => f.key === key)!.computed;

    const vq = await open(s.vanQuan, committee.vanQuan);
    const vneid = await approved(committee.vanQuan, 'DA06.VNEID', 3);
    expect(vneid, 'the seed approved Văn Quán’s third quarter').not.toBeNull();
    expect(figure(vq, 'vneid')).toBe(vneid);
    // A computed indicator (overdue tasks) is an approved value like any other.
    expect(figure(vq, 'quahan')).toBe(await approved(committee.vanQuan, 'BCD.QUAHAN', 3));
    expect(figure(vq, 'quahan')).not.toBeNull();
    // A yearly PAR INDEX criterion without an approved value stays empty, not 0.
    expect(figure(vq, 'par')).toBeNull();
    // The drill-down shows the approved value behind the figure.
    const records = (
      await call(ctx.app, s.vanQuan, 'GET', `/api/v1/reports/${vq.id}/figures/vneid`, undefined, 200)
    ).json();
    expect(records.items).toHaveLength(1);
    expect(records.items[0]).toMatchObject({ kind: 'indicatorValue' });
    expect(records.items[0].title).toContain('Quý III');

    // Phúc La's third quarter was left for its police to enter (the journey): nothing approved, nothing filled.
    expect(await approved(committee.phucLa, 'DA06.VNEID', 3)).toBeNull();
    const pl = await open(s.phucLa, committee.phucLa);
    expect(figure(pl, 'vneid')).toBeNull();
  });
});
