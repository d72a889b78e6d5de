import { periodLabel } from '@steerco/contract/indicators';
import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findApprovedForMonth, findCodesOfYear } from './report-figures.repo.ts';

// Indicators as a source of report figures (R19 → R16): a regime's field whose source is `indicators.<code>`
// (e.g. `indicators.DA06.VNEID`) is pre-filled with the reporter's approved value of the indicator for the
// period the report's cut-off window ends in — the month, quarter or year of its last day (Decree 09 windows
// end on the 14th of the period's last month), in that year's framework version. Registered in src/wiring.ts.

const PREFIX = 'indicators.';
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

const monthOf = (to: string) => ({ year: Number(to.slice(0, 4)), month: Number(to.slice(5, 7)) });

/** Each committee's approved indicator values of the window's period, as `indicators.<code>` figures. */
export async function indicatorReportFigures(db: DbOrTx, committeeIds: string[], w: { to: string }) {
  const out = new Map<string, Record<string, number | null>>(committeeIds.map((id) => [id, {}]));
  if (!committeeIds.length) return out;
  const { year, month } = monthOf(w.to);
  for (const r of await findApprovedForMonth(db, committeeIds, year, month)) {
    const figures = out.get(r.committeeId)!;
    const key = `${PREFIX}${r.code}`;
    if (!(key in figures)) figures[key] = r.value;
  }
  return out;
}

/** The approved value behind an indicator figure (the drill-down); null: not an indicator key. */
export async function indicatorFigureRecords(
  db: DbOrTx,
  q: { committeeId: string; key: string; to: string },
) {
  if (!q.key.startsWith(PREFIX)) return null;
  const code = q.key.slice(PREFIX.length);
  const { year, month } = monthOf(q.to);
  const rows = await findApprovedForMonth(db, [q.committeeId], year, month);
  return rows
    .filter((r) => r.code === code)
    .slice(0, 1)
    .map((r) => ({
      id: r.id,
      kind: 'indicatorValue',
      title: `${r.name} — ${periodLabel(r.frequency, r.period, year)}: ${r.value}`,
      date: r.decidedAt ? new Date(r.decidedAt.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : null,
    }));
}

/** The indicators as a source of report figures (registered with the reports module in src/wiring.ts). */
export const indicatorFigureSource = {
  name: 'indicators',
  owns: (key: string) => key.startsWith(PREFIX) && CODE.test(key.slice(PREFIX.length)),
  keys: async (db: DbOrTx) =>
    (await findCodesOfYear(db, Number(clock.today().slice(0, 4)))).map((c) => `${PREFIX}${c}`),
  figures: (db: DbOrTx, ids: string[], w: { from: string; to: string }) => indicatorReportFigures(db, ids, w),
  records: (db: DbOrTx, q: { committeeId: string; key: string; from: string; to: string }) =>
    indicatorFigureRecords(db, q),
};
