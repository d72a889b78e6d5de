import type { DerivedTaskStatus, TaskStatus } from '@steerco/contract/tasks';
import type { DbOrTx } from '../../db/client.ts';
import { seatHolders } from '../committees/seats.service.ts';
import { unitNames } from '../units/units.service.ts';
import { countReviewFigures, findTaskStates } from './figures.repo.ts';
import { windowOf } from './standing.service.ts';
import { derivedStatusOf } from './tasks.repo.ts';

// The follow-up's figures for other modules (the plans' six-month and annual reviews).

/**
 * The committee's tasks due in [from, to] (only `taskIds` when given: a plan's), counted by display status as
 * of today: in total, by domain (its code, '' for none) and by lead with the lead's name; and the date counted.
 */
export async function reviewFigures(
  db: DbOrTx,
  q: { committeeId: string; from: string; to: string; taskIds?: string[] },
) {
  const w = await windowOf(db, q.committeeId);
  const { totals, byDomain, byLead } = await countReviewFigures(db, q, w);
  const keys = byLead.map((r) => r.key);
  const [units, seats] = keys.length
    ? await Promise.all([unitNames(db, keys), seatHolders(db, keys)])
    : [new Map<string, string>(), new Map<string, { name: string }>()];
  const nameOf = (id: string) => units.get(id) ?? seats.get(id)?.name ?? '';
  return {
    asOf: w.today,
    totals,
    byDomain,
    byLead: byLead.map((r) => ({ ...r, name: nameOf(r.key) })),
  };
}

/** The status and display status today of these tasks of the committee, by id (e.g. a plan's items' tasks). */
export async function taskStates(db: DbOrTx, committeeId: string, ids: string[]) {
  const out = new Map<string, { status: TaskStatus; derivedStatus: DerivedTaskStatus }>();
  if (!ids.length) return out;
  const [rows, w] = await Promise.all([findTaskStates(db, committeeId, ids), windowOf(db, committeeId)]);
  for (const r of rows)
    out.set(r.id, { status: r.status as TaskStatus, derivedStatus: derivedStatusOf(r, w) });
  return out;
}
