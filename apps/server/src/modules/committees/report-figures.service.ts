import type { DbOrTx } from '../../db/client.ts';
import { countPersonnelChanges, findPersonnelChanges } from './report-figures.repo.ts';

// The committee's public figures for reports (R16): personnel changes taking effect in a cut-off window (R14).

export const COMMITTEE_FIGURE_KEYS = ['personnel.changes'];

export async function committeeReportFigures(db: DbOrTx, committeeIds: string[], from: string, to: string) {
  const counts = committeeIds.length ? await countPersonnelChanges(db, committeeIds, from, to) : new Map();
  return new Map(committeeIds.map((id) => [id, { 'personnel.changes': counts.get(id) ?? 0 }]));
}

/** The personnel changes the figure counts, for the drill-down; null: not ours. */
export async function committeeFigureRecords(
  db: DbOrTx,
  q: { committeeId: string; from: string; to: string; key: string },
) {
  if (q.key !== 'personnel.changes') return null;
  const rows = await findPersonnelChanges(db, q.committeeId, q.from, q.to);
  return rows.map((r) => ({ ...r, kind: 'personnelChange' }));
}

/** The committee as a source of report figures (registered with the reports module in src/wiring.ts). */
export const committeeFigureSource = {
  name: 'committees',
  counts: true,
  owns: (key: string) => COMMITTEE_FIGURE_KEYS.includes(key),
  keys: () => COMMITTEE_FIGURE_KEYS,
  figures: (db: DbOrTx, ids: string[], w: { from: string; to: string }) =>
    committeeReportFigures(db, ids, w.from, w.to),
  records: (db: DbOrTx, q: { committeeId: string; key: string; from: string; to: string }) =>
    committeeFigureRecords(db, q),
};
