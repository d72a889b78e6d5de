import type { PlanReview, ReviewCounts, ReviewQuery } from '@steerco/contract/plans';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { committeeDomains, memberships } from '../committees/committees.schema.ts';
import { derivedCondition } from '../tasks/tasks.repo.ts';
import { tasks } from '../tasks/tasks.schema.ts';
import { windowOf } from '../tasks/tasks.service.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import { workPlans } from './plans.schema.ts';

/**
 * Figures for the 6-month (sơ kết) and annual (tổng kết) review meetings (R5, R8): the committee's tasks whose
 * deadline falls in the period (1 January – 30 June, or the whole year) — or only those of one plan — counted
 * by display status as of today: done on time, done late, open and not overdue, overdue, cancelled; by domain
 * and by lead unit (a task led by a member counts for the member's unit, or for the member without one).
 */
export async function planReview(
  db: Db,
  actor: Actor,
  committeeId: string,
  q: ReviewQuery,
): Promise<PlanReview> {
  await loadCommitteeAccess(db, actor, committeeId);
  const from = `${q.year}-01-01`;
  const to = q.period === 'firstHalf' ? `${q.year}-06-30` : `${q.year}-12-31`;
  const where: SQL[] = [
    eq(tasks.committeeId, committeeId),
    sql`${tasks.deadline} between ${from}::date and ${to}::date`,
  ];
  if (q.planId) {
    const [plan] = await db
      .select({ id: workPlans.id })
      .from(workPlans)
      .where(and(eq(workPlans.id, q.planId), eq(workPlans.committeeId, committeeId)));
    if (!plan) throw new AppError('plan.notFound');
    where.push(sql`${tasks.id} in (select i.task_id from work_plan_items i where i.plan_id = ${q.planId})`);
  }
  const w = await windowOf(db, committeeId);
  const counters = {
    total: sql<number>`count(*)::int`,
    doneOnTime: sql<number>`count(*) filter (where ${derivedCondition('doneOnTime', w)})::int`,
    doneLate: sql<number>`count(*) filter (where ${derivedCondition('doneLate', w)})::int`,
    openOnTime: sql<number>`count(*) filter (where ${derivedCondition('onTime', w)} or ${derivedCondition('dueSoon', w)})::int`,
    overdue: sql<number>`count(*) filter (where ${derivedCondition('overdue', w)})::int`,
    cancelled: sql<number>`count(*) filter (where ${derivedCondition('cancelled', w)})::int`,
  };
  const seatUnit = sql`(select m.unit_id from memberships m where m.id = ${tasks.leadMembershipId})`;
  // Unit first; a member without a unit is a row of their own.
  const leadKey = sql<string>`coalesce(${tasks.leadUnitId}, ${seatUnit}, ${tasks.leadMembershipId})::text`;
  const domainKey = sql<string>`coalesce(${tasks.domain}, '')`;
  const base = and(...where);
  const [[totals], byDomain, byLead, domains] = await Promise.all([
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
    db
      .select({
        code: committeeDomains.code,
        name: committeeDomains.name,
        position: committeeDomains.position,
      })
      .from(committeeDomains)
      .where(eq(committeeDomains.committeeId, committeeId)),
  ]);
  const keys = byLead.map((r) => r.key);
  const [unitNames, memberNames] = keys.length
    ? await Promise.all([
        db
          .select({ id: administrativeUnits.id, name: administrativeUnits.name })
          .from(administrativeUnits)
          .where(inArray(administrativeUnits.id, keys)),
        db
          .select({ id: memberships.id, name: users.fullName })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(inArray(memberships.id, keys)),
      ])
    : [[], []];
  const names = new Map([...unitNames, ...memberNames].map((n) => [n.id, n.name]));
  const position = (code: string) =>
    domains.find((d) => d.code === code)?.position ?? Number.MAX_SAFE_INTEGER;
  const zero: ReviewCounts = {
    total: 0,
    doneOnTime: 0,
    doneLate: 0,
    openOnTime: 0,
    overdue: 0,
    cancelled: 0,
  };
  return {
    from,
    to,
    asOf: w.today,
    totals: totals ?? zero,
    byDomain: byDomain
      .map((r) => ({
        ...r,
        name: r.key ? (domains.find((d) => d.code === r.key)?.name ?? r.key) : 'Chưa xác định lĩnh vực',
      }))
      .sort((a, b) => position(a.key) - position(b.key) || a.name.localeCompare(b.name, 'vi')),
    byLead: byLead
      .map((r) => ({ ...r, name: names.get(r.key) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}
