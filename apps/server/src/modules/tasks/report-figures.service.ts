import type { DbOrTx } from '../../db/client.ts';
import {
  countExtensions,
  countTaskFigures,
  findTaskFigureRecords,
  TASK_FIGURES,
  type TaskFigure,
} from './report-figures.repo.ts';

// The follow-up's public figures for reports (R16): what the committees' tasks show for a cut-off window.

/** The figure keys this module answers, e.g. `tasks.doneOnTime`, and by domain `tasks.doneOnTime.CCHC`. */
export const TASK_FIGURE_KEYS = [...TASK_FIGURES, 'extensions'].map((f) => `tasks.${f}`);

/**
 * Each committee's task figures for the window [from, to]: assigned, done on time, done late, overdue and open
 * at the window's end, plan items done, extensions approved — in total and by domain (`tasks.<figure>.<domain>`).
 */
export async function taskReportFigures(db: DbOrTx, committeeIds: string[], from: string, to: string) {
  const out = new Map<string, Record<string, number>>();
  for (const id of committeeIds)
    out.set(id, Object.fromEntries(TASK_FIGURE_KEYS.map((k) => [k, 0] as [string, number])));
  if (!committeeIds.length) return out;
  const [rows, extensions] = await Promise.all([
    countTaskFigures(db, committeeIds, from, to),
    countExtensions(db, committeeIds, from, to),
  ]);
  for (const r of rows) {
    const figures = out.get(r.committeeId)!;
    for (const f of TASK_FIGURES) {
      figures[r.domain === null ? `tasks.${f}` : `tasks.${f}.${r.domain || 'none'}`] = r.counts[f];
    }
  }
  for (const [id, n] of extensions) out.get(id)!['tasks.extensions'] = n;
  return out;
}

/** The tasks a figure key counts (`tasks.overdue`, `tasks.doneLate.DA06`), for the drill-down; null: not ours. */
export async function taskFigureRecords(
  db: DbOrTx,
  q: { committeeId: string; from: string; to: string; key: string },
) {
  const [prefix, figure, domain] = q.key.split('.');
  if (
    prefix !== 'tasks' ||
    !figure ||
    !(TASK_FIGURES as readonly string[]).concat('extensions').includes(figure)
  )
    return null;
  const rows = await findTaskFigureRecords(db, {
    ...q,
    figure: figure as TaskFigure,
    domain: domain === undefined ? null : domain === 'none' ? '' : domain,
  });
  return rows.map((r) => ({ id: r.id, kind: 'task', title: r.title, date: r.date }));
}

/** The follow-up as a source of report figures (registered with the reports module in src/wiring.ts). */
export const taskFigureSource = {
  name: 'tasks',
  counts: true,
  owns: (key: string) => {
    const [prefix, figure] = key.split('.');
    return prefix === 'tasks' && TASK_FIGURE_KEYS.includes(`tasks.${figure}`);
  },
  keys: () => TASK_FIGURE_KEYS,
  figures: (db: DbOrTx, ids: string[], w: { from: string; to: string }) =>
    taskReportFigures(db, ids, w.from, w.to),
  records: (db: DbOrTx, q: { committeeId: string; key: string; from: string; to: string }) =>
    taskFigureRecords(db, q),
};
