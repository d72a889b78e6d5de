import type { PlanSummary } from '@steerco/contract/plans';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { seatsView } from '../committees/seats.service.ts';
import { unitsView } from '../units/units.service.ts';
import { usersView } from '../users/users.service.ts';
import { workPlanItems, workPlans } from './plans.schema.ts';

export type PlanRow = typeof workPlans.$inferSelect;
export type ItemRow = typeof workPlanItems.$inferSelect;

const approverOf = usersView('plan_approver');
const approver = sql<
  string | null
>`(select ${approverOf.fullName} from ${approverOf} where ${approverOf.id} = ${workPlans.approvedBy})`;
const itemCount = sql<number>`(select count(*)::int from work_plan_items i where i.plan_id = ${workPlans.id})`;

export function toPlanSummary(p: PlanRow, n: number, approvedByName: string | null): PlanSummary {
  return {
    id: p.id,
    committeeId: p.committeeId,
    year: p.year,
    title: p.title,
    status: p.status,
    itemCount: n,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    approvedByName,
    documentId: p.documentId,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The plan row, locked for a change when `lock`. */
export async function findPlanRow(db: DbOrTx, planId: string, lock = false) {
  const query = db.select().from(workPlans).where(eq(workPlans.id, planId));
  const [plan] = lock ? await query.for('update') : await query;
  return plan;
}

export async function isPlanOf(db: DbOrTx, planId: string, committeeId: string) {
  const [plan] = await db
    .select({ id: workPlans.id })
    .from(workPlans)
    .where(and(eq(workPlans.id, planId), eq(workPlans.committeeId, committeeId)));
  return !!plan;
}

/** The plan an item belongs to: its committee, year and state (or undefined). */
export async function findItemPlan(db: DbOrTx, itemId: string) {
  const [row] = await db
    .select({ committeeId: workPlans.committeeId, year: workPlans.year, status: workPlans.status })
    .from(workPlanItems)
    .innerJoin(workPlans, eq(workPlans.id, workPlanItems.planId))
    .where(eq(workPlanItems.id, itemId));
  return row;
}

/** The committee's plans, latest year first, as summaries. */
export async function findPlans(db: DbOrTx, committeeId: string) {
  const rows = await db
    .select({ p: workPlans, n: itemCount, approvedByName: approver })
    .from(workPlans)
    .where(eq(workPlans.committeeId, committeeId))
    .orderBy(desc(workPlans.year), desc(workPlans.createdAt));
  return rows.map((r) => toPlanSummary(r.p, r.n, r.approvedByName));
}

export async function findApproverName(db: DbOrTx, planId: string) {
  const [row] = await db.select({ name: approver }).from(workPlans).where(eq(workPlans.id, planId));
  return row?.name ?? null;
}

const leadUnit = unitsView('item_lead_unit');
const leadSeat = seatsView('item_lead_seat');
const leadPerson = usersView('item_lead_person');

/** The plan's items in order, with the names of their lead unit or member. */
export async function findPlanItems(db: DbOrTx, planId: string) {
  return db
    .select({ i: workPlanItems, unitName: leadUnit.name, memberName: leadPerson.fullName })
    .from(workPlanItems)
    .leftJoin(leadUnit, eq(leadUnit.id, workPlanItems.leadUnitId))
    .leftJoin(leadSeat, eq(leadSeat.id, workPlanItems.leadMembershipId))
    .leftJoin(leadPerson, eq(leadPerson.id, leadSeat.userId))
    .where(eq(workPlanItems.planId, planId))
    .orderBy(asc(workPlanItems.position));
}

/** The plan's item rows in order. */
export async function findItemRows(db: DbOrTx, planId: string) {
  return db
    .select()
    .from(workPlanItems)
    .where(eq(workPlanItems.planId, planId))
    .orderBy(asc(workPlanItems.position));
}

/** The tasks the plan's items became (once approved). */
export async function findPlanTaskIds(db: DbOrTx, planId: string) {
  const rows = await db
    .select({ taskId: workPlanItems.taskId })
    .from(workPlanItems)
    .where(eq(workPlanItems.planId, planId));
  return rows.flatMap((r) => (r.taskId ? [r.taskId] : []));
}

export async function insertPlan(tx: DbOrTx, row: typeof workPlans.$inferInsert) {
  await tx.insert(workPlans).values(row);
}

export async function updatePlanRow(tx: DbOrTx, planId: string, set: Partial<typeof workPlans.$inferInsert>) {
  await tx
    .update(workPlans)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(workPlans.id, planId));
}

export async function replaceItems(
  tx: DbOrTx,
  planId: string,
  items: Omit<typeof workPlanItems.$inferInsert, 'planId'>[],
) {
  await tx.delete(workPlanItems).where(eq(workPlanItems.planId, planId));
  if (items.length) await tx.insert(workPlanItems).values(items.map((i) => ({ planId, ...i })));
}

export async function linkItemTask(tx: DbOrTx, itemId: string, taskId: string) {
  await tx.update(workPlanItems).set({ taskId }).where(eq(workPlanItems.id, itemId));
}
