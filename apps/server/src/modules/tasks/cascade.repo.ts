import type { TaskStatus } from '@steerco/contract/tasks';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView } from '../committees/seats.service.ts';
import { unitsView } from '../units/units.service.ts';
import { taskStatusCounts, tasks } from './tasks.schema.ts';

export const ROLLUP_LIMIT = 5_000;

/** Marks the task as (part of) the cascade rooted at `rootId`. */
export async function setCascadeRoot(tx: DbOrTx, taskId: string, rootId: string) {
  await tx.update(tasks).set({ cascadeRootId: rootId }).where(eq(tasks.id, taskId));
}

/** Of these committees, those that already hold a copy of the cascade. */
export async function findCommitteesWithCopy(tx: DbOrTx, rootId: string, committeeIds: string[]) {
  const rows = await tx
    .select({ committeeId: tasks.committeeId })
    .from(tasks)
    .where(and(eq(tasks.cascadeRootId, rootId), inArray(tasks.committeeId, committeeIds)));
  return new Set(rows.map((r) => r.committeeId));
}

const copyCommittee = committeesView('copy_committee');
const copyUnit = unitsView('copy_unit');

/** Every copy of the cascade in the committees under `path`, but `exceptTaskId`, by committee path. */
export async function findCascadeCopies(db: DbOrTx, rootId: string, path: string, exceptTaskId: string) {
  return db
    .select({
      t: tasks,
      committeeName: copyCommittee.name,
      parentCommitteeId: copyCommittee.parentId,
      unitLevel: copyUnit.level,
    })
    .from(tasks)
    .innerJoin(copyCommittee, eq(copyCommittee.id, tasks.committeeId))
    .innerJoin(copyUnit, eq(copyUnit.id, copyCommittee.unitId))
    .where(
      and(
        eq(tasks.cascadeRootId, rootId),
        sql`${copyCommittee.path} like ${`${path}%`}`,
        sql`${tasks.id} <> ${exceptTaskId}`,
      ),
    )
    .orderBy(copyCommittee.path)
    .limit(ROLLUP_LIMIT);
}

const counted = committeesView('counted_committee');

/**
 * Counters by status of the committees under `path`, from the per-committee counts a trigger keeps, and the
 * overdue count through the open-deadline index (overdue depends on `today`).
 */
export async function countSubtreeTasks(db: DbOrTx, path: string, today: string) {
  const prefix = `${path}%`;
  const byStatus = await db
    .select({ status: taskStatusCounts.status, n: sql<number>`sum(${taskStatusCounts.n})::int` })
    .from(taskStatusCounts)
    .innerJoin(counted, eq(counted.id, taskStatusCounts.committeeId))
    .where(sql`${counted.path} like ${prefix}`)
    .groupBy(taskStatusCounts.status);
  // Open tasks past their deadline (a completion report made in time is not overdue), counted from
  // tasks_open_deadline_idx alone, the subtree's committees joined by hash.
  const subtree = committeesView('subtree');
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from tasks
    where status in ('new','inProgress','submittedDone','returned','extensionRequested')
      and deadline < ${today}::date
      and not (status = 'submittedDone' and completed_on is not null and completed_on <= deadline)
      and committee_id in (select subtree.id from ${subtree} where subtree.path like ${prefix})`);
  return {
    byStatus: byStatus as { status: TaskStatus; n: number }[],
    overdue: rows[0]?.n ?? 0,
  };
}
