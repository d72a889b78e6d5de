import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { seatsView } from '../committees/seats.service.ts';
import { type DeadlineWindow, derivedCondition } from './tasks.repo.ts';
import { tasks } from './tasks.schema.ts';

/**
 * The review counters of the committee's tasks due in [from, to] (only `taskIds`, when given), by display
 * status as of the window's today: in total, by domain and by lead (the unit; a task led by a member counts for
 * the member's unit, or for the member without one).
 */
export async function countReviewFigures(
  db: DbOrTx,
  q: { committeeId: string; from: string; to: string; taskIds?: string[] },
  w: DeadlineWindow,
) {
  const where: SQL[] = [
    eq(tasks.committeeId, q.committeeId),
    sql`${tasks.deadline} between ${q.from}::date and ${q.to}::date`,
  ];
  if (q.taskIds) where.push(sql`${tasks.id} = any(${sql.param(q.taskIds)}::uuid[])`);
  const counters = {
    total: sql<number>`count(*)::int`,
    doneOnTime: sql<number>`count(*) filter (where ${derivedCondition('doneOnTime', w)})::int`,
    doneLate: sql<number>`count(*) filter (where ${derivedCondition('doneLate', w)})::int`,
    openOnTime: sql<number>`count(*) filter (where ${derivedCondition('onTime', w)} or ${derivedCondition('dueSoon', w)})::int`,
    overdue: sql<number>`count(*) filter (where ${derivedCondition('overdue', w)})::int`,
    cancelled: sql<number>`count(*) filter (where ${derivedCondition('cancelled', w)})::int`,
  };
  const lead = seatsView('review_lead_seat');
  const seatUnit = sql`(select ${lead.unitId} from ${lead} where ${lead.id} = ${tasks.leadMembershipId})`;
  // Unit first; a member without a unit is a row of their own.
  const leadKey = sql<string>`coalesce(${tasks.leadUnitId}, ${seatUnit}, ${tasks.leadMembershipId})::text`;
  const domainKey = sql<string>`coalesce(${tasks.domain}, '')`;
  const base = and(...where);
  const [[totals], byDomain, byLead] = await Promise.all([
    db.select(counters).from(tasks).where(base),
    db
      .select({ key: domainKey, ...counters })
      .from(tasks)
      .where(base)
      .groupBy(domainKey),
    db
      .select({ key: leadKey, ...counters })
      .from(tasks)
      .where(base)
      .groupBy(leadKey),
  ]);
  return { totals, byDomain, byLead };
}

/** Status, deadline and completion date of these tasks of the committee. */
export async function findTaskStates(db: DbOrTx, committeeId: string, ids: string[]) {
  return db
    .select({ id: tasks.id, status: tasks.status, deadline: tasks.deadline, completedOn: tasks.completedOn })
    .from(tasks)
    .where(and(eq(tasks.committeeId, committeeId), sql`${tasks.id} = any(${sql.param(ids)}::uuid[])`));
}
