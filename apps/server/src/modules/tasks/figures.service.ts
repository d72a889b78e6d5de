import type { DerivedTaskStatus, TaskStatus } from '@steerco/contract/tasks';
import type { DbOrTx } from '../../db/client.ts';
import { seatHolders } from '../committees/seats.service.ts';
import { unitNames } from '../units/units.service.ts';
import { countReviewFigures, findTaskStates } from './figures.repo.ts';
import { findMemberTasks, findReturnsAndExtensions } from './member-figures.repo.ts';
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

/**
 * The tasks these seats answered for (lead or responsible member) or co-operated on, due or completed in
 * [from, to], each with its returns for rework and the number of approved extensions: a member's year of work
 * products for the annual evaluation (R17). A task handed over on a personnel change (R14) counts for the seat
 * that holds it now — whoever held the seat when the work was done.
 */
export async function memberTaskRecords(
  db: DbOrTx,
  q: { committeeId: string; membershipIds: string[]; from: string; to: string },
) {
  if (!q.membershipIds.length) return [];
  const rows = await findMemberTasks(db, q.committeeId, q.membershipIds, q.from, q.to);
  const byTask = new Map<string, Awaited<ReturnType<typeof findReturnsAndExtensions>>>();
  for (const e of await findReturnsAndExtensions(db, [...new Set(rows.map((r) => r.id))]))
    byTask.set(e.task_id, [...(byTask.get(e.task_id) ?? []), e]);
  return rows.map((r) => {
    const events = byTask.get(r.id) ?? [];
    return {
      ...r,
      returns: events
        .filter((e) => e.kind === 'returned')
        .map((e) => ({ eventId: e.id, at: e.created_at, reason: e.reason })),
      extensions: events.filter((e) => e.kind === 'extensionApproved').length,
    };
  });
}
