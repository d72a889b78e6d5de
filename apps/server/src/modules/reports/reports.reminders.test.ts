import { DEFAULT_REPORT_OUTLINE } from '@steerco/contract/reports';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, type TestContext } from '../../../test/context.ts';
import { login } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import { setClock } from '../../clock.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { runReportReminders } from './reminders.service.ts';

// R16: reports are chased on working days with the follow-up's rules, each reminder once however many runners.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  await ctx.db.execute(sql`update users set must_change_password = false`);
});
afterAll(async () => {
  setClock(TEST_NOW);
  await ctx.close();
});

const at8 = (day: string) => new Date(`${day}T08:00:00+07:00`);
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10));
  return out;
};

describe('report reminders', () => {
  it('chases the reporters of February 2026 (due in Tết, so on the first day back), once each with two runners', async () => {
    const haDong = await login(ctx.app, 'quan.hd', DEMO_PASSWORD);
    const vanQuan = await login(ctx.app, 'vq.hd', DEMO_PASSWORD);
    const ids = await ctx.db.execute<{ short_name: string; id: string }>(
      sql`select short_name, id from committees where status = 'active'`,
    );
    const id = (n: string) => ids.rows.find((r) => r.short_name === n)!.id;
    const regime = (
      await call(
        ctx.app,
        haDong,
        'POST',
        `/api/v1/committees/${id('BCĐ quận Hà Đông')}/report-regimes`,
        {
          name: 'Báo cáo tháng',
          frequency: 'monthly',
          outline: DEFAULT_REPORT_OUTLINE,
          fields: [],
          deadline: { kind: 'dayOfMonth', day: 20 },
          fromYear: 2026,
        },
        201,
      )
    ).json();
    const periods = (
      await call(ctx.app, haDong, 'GET', `/api/v1/report-regimes/${regime.id}/periods`, undefined, 200)
    ).json().items as { id: string; label: string; deadline: string; opensOn: string }[];
    const feb = periods.find((p) => p.label === 'Tháng 2/2026')!;
    // The 20th is in Tết (14–22/02/2026): due on Monday 23/02; open from 15/02.
    expect(feb).toMatchObject({ deadline: '2026-02-23', opensOn: '2026-02-15' });

    // Văn Quán sends its report on the first day back, before the run: it is not chased.
    setClock('2026-02-23T07:30:00+07:00');
    const report = (
      await call(
        ctx.app,
        vanQuan,
        'POST',
        `/api/v1/report-periods/${feb.id}/reports`,
        { reporterCommitteeId: id('BCĐ phường Văn Quán') },
        200,
      )
    ).json();
    await call(ctx.app, vanQuan, 'POST', `/api/v1/reports/${report.id}/submit`, undefined, 200);
    setClock(TEST_NOW);

    const perDay: Record<string, number> = {};
    for (const day of days('2026-02-09', '2026-03-06')) {
      const [a, b] = await Promise.all([
        runReportReminders(ctx.db, { now: at8(day) }),
        runReportReminders(ctx.db, { now: at8(day) }),
      ]);
      const claimed = a.reminders + b.reminders;
      if (claimed) perDay[day] = claimed;
    }
    // Four wards owe it: due on 23/02, overdue on 24/02, escalation on the 3rd working day after (26/02);
    // nothing before the period opened, nothing on days off, nothing twice.
    const rows = (
      await ctx.db.execute<{ kind: string; sent_on: string; n: number }>(sql`
        select kind, sent_on::text, count(*)::int as n from report_reminders where period_id = ${feb.id}
        group by kind, sent_on order by sent_on, kind`)
    ).rows;
    expect(rows).toEqual([
      { kind: 'due', sent_on: '2026-02-23', n: 4 },
      { kind: 'overdue', sent_on: '2026-02-24', n: 4 },
      { kind: 'escalation', sent_on: '2026-02-26', n: 4 },
    ]);
    // January's period (due 20/01) is past the catch-up window: nothing of it goes out in February.
    expect(perDay).toEqual({ '2026-02-23': 4, '2026-02-24': 4, '2026-02-26': 4 });

    // In the app: a ward head hears each of its three once; Hà Đông's head hears of the four escalations.
    const notes = (
      await ctx.db.execute<{ username: string; kind: string; n: number }>(sql`
        select u.username, n.kind, count(*)::int as n from notifications n join users u on u.id = n.user_id
        where n.kind like 'report.%' and n.data->>'periodId' = ${feb.id} group by u.username, n.kind order by 1, 2`)
    ).rows;
    expect(notes).toContainEqual({ username: 'ml.hd', kind: 'report.reminder', n: 2 });
    expect(notes).toContainEqual({ username: 'ml.hd', kind: 'report.escalation', n: 1 });
    expect(notes).toContainEqual({ username: 'quan.hd', kind: 'report.escalation', n: 4 });
    expect(notes.filter((r) => r.username === 'vq.hd')).toEqual([]);
  });
});
