import type { WorkingCalendar } from '@steerco/calendar';
import type { DerivedTaskStatus, Task, TaskStatus } from '@steerco/contract/tasks';
import { OPEN_TASK_STATUSES } from '@steerco/contract/tasks';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import * as clock from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { committeesView, seatsView } from '../committees/seats.service.ts';
import { unitsView } from '../units/units.service.ts';
import { usersView } from '../users/users.service.ts';
import { taskCooperators, tasks } from './tasks.schema.ts';

export type TaskRow = typeof tasks.$inferSelect;

const leadUnit = unitsView('lead_unit');
const leadSeat = seatsView('lead_seat');
const leadUser = usersView('lead_user');
const respSeat = seatsView('resp_seat');
const respUser = usersView('resp_user');
// The co-operators' names, in the aggregate below.
const coopUnit = unitsView('cu');
const coopSeat = seatsView('cm');
const coopUser = usersView('cuser');

const OPEN_SQL = sql.raw(`('${OPEN_TASK_STATUSES.join("','")}')`);

/**
 * The dates the display status turns on, for today in Viet Nam: a task is "due soon" while its deadline is at
 * most `dueSoonDays` working days away (calendar module), i.e. before the (N+1)-th working day after today.
 */
export function deadlineWindow(calendar: WorkingCalendar, dueSoonDays: number, today = clock.today()) {
  return { today, dueSoonBefore: calendar.addWorkingDays(today, dueSoonDays + 1) };
}
export type DeadlineWindow = ReturnType<typeof deadlineWindow>;

/** A completion report made on or before the deadline is not overdue while it waits for review. */
const reportedInTime = sql`(${tasks.status} = 'submittedDone' and ${tasks.completedOn} <= ${tasks.deadline})`;

/** The SQL condition for one display status (used by list filters, counters and statistics). */
export function derivedCondition(derived: DerivedTaskStatus, w: DeadlineWindow): SQL {
  const open = sql`${tasks.status} in ${OPEN_SQL}`;
  switch (derived) {
    case 'overdue':
      return sql`(${open} and ${tasks.deadline} < ${w.today}::date and not ${reportedInTime})`;
    case 'dueSoon':
      return sql`(${open} and ${tasks.deadline} >= ${w.today}::date and ${tasks.deadline} < ${w.dueSoonBefore}::date)`;
    case 'onTime':
      return sql`(${open} and (${tasks.deadline} >= ${w.dueSoonBefore}::date or (${tasks.deadline} < ${w.today}::date and ${reportedInTime})))`;
    case 'doneOnTime':
      return sql`(${tasks.status} = 'done' and ${tasks.completedOn} <= ${tasks.deadline})`;
    case 'doneLate':
      return sql`(${tasks.status} = 'done' and ${tasks.completedOn} > ${tasks.deadline})`;
    case 'cancelled':
      return sql`(${tasks.status} = 'cancelled')`;
  }
}

export function derivedStatusOf(
  t: Pick<TaskRow, 'status' | 'deadline' | 'completedOn'>,
  w: DeadlineWindow,
): DerivedTaskStatus {
  if (t.status === 'cancelled') return 'cancelled';
  if (t.status === 'done') return t.completedOn && t.completedOn > t.deadline ? 'doneLate' : 'doneOnTime';
  if (t.deadline < w.today) {
    const reportedInTime = t.status === 'submittedDone' && !!t.completedOn && t.completedOn <= t.deadline;
    return reportedInTime ? 'onTime' : 'overdue';
  }
  return t.deadline < w.dueSoonBefore ? 'dueSoon' : 'onTime';
}

/** Selects tasks with the names the DTO shows, in one query (co-operators aggregated per task). */
export function selectTasks(db: DbOrTx) {
  return db
    .select({
      t: tasks,
      leadUnitName: leadUnit.name,
      leadUserId: leadSeat.userId,
      leadName: leadUser.fullName,
      respUserId: respSeat.userId,
      respName: respUser.fullName,
      cooperators: sql<{ unitId: string | null; membershipId: string | null; name: string }[]>`(
        select coalesce(json_agg(json_build_object('unitId', c.unit_id, 'membershipId', c.membership_id,
          'name', coalesce(cu.name, cuser.full_name)) order by coalesce(cu.name, cuser.full_name)), '[]'::json)
        from task_cooperators c
        left join ${coopUnit} on cu.id = c.unit_id
        left join ${coopSeat} on cm.id = c.membership_id
        left join ${coopUser} on cuser.id = cm.user_id
        where c.task_id = ${tasks.id})`,
    })
    .from(tasks)
    .leftJoin(leadUnit, eq(leadUnit.id, tasks.leadUnitId))
    .leftJoin(leadSeat, eq(leadSeat.id, tasks.leadMembershipId))
    .leftJoin(leadUser, eq(leadUser.id, leadSeat.userId))
    .leftJoin(respSeat, eq(respSeat.id, tasks.responsibleMembershipId))
    .leftJoin(respUser, eq(respUser.id, respSeat.userId))
    .$dynamic();
}

/**
 * Tasks by id, ordered by deadline, with the names the DTO shows. A prepared statement whose text never
 * changes: PostgreSQL plans it once per connection (a primary-key lookup of the id list) instead of planning
 * six joins on every page of "my tasks".
 */
export function tasksByIds(db: Db, ids: string[]) {
  return tasksByIdsStatement(db).execute({ ids });
}

const tasksByIdsStatement = preparedOnce((db) =>
  selectTasks(db as Db)
    .where(sql`${tasks.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .orderBy(asc(tasks.deadline), asc(tasks.id))
    .prepare('steerco_tasks_by_ids'),
);

export type SelectedTask = Awaited<ReturnType<ReturnType<typeof selectTasks>['execute']>>[number];

export function toTaskDto(r: SelectedTask, w: DeadlineWindow): Task {
  const t = r.t;
  return {
    id: t.id,
    committeeId: t.committeeId,
    title: t.title,
    content: t.content,
    domain: t.domain,
    sourceKind: t.sourceKind,
    conclusionId: t.conclusionId,
    meetingId: t.meetingId,
    documentId: t.documentId,
    planItemId: t.planItemId,
    sourceDate: t.sourceDate,
    leadUnit: t.leadUnitId ? { id: t.leadUnitId, name: r.leadUnitName ?? '' } : null,
    leadMember:
      t.leadMembershipId && r.leadUserId
        ? { membershipId: t.leadMembershipId, userId: r.leadUserId, fullName: r.leadName ?? '' }
        : null,
    responsible:
      t.responsibleMembershipId && r.respUserId
        ? { membershipId: t.responsibleMembershipId, userId: r.respUserId, fullName: r.respName ?? '' }
        : null,
    cooperators: r.cooperators,
    expectedProduct: t.expectedProduct,
    deadline: t.deadline,
    originalDeadline: t.originalDeadline,
    priority: t.priority,
    dutyId: t.dutyId,
    parentTaskId: t.parentTaskId,
    tags: t.tags,
    status: t.status as TaskStatus,
    derivedStatus: derivedStatusOf(t, w),
    progress: t.progress,
    extensionProposedDeadline: t.extensionProposedDeadline,
    completedOn: t.completedOn,
    doneAt: t.doneAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export { OPEN_SQL };

// ——— One task's rows ———

/** The task row, locked for a change when `lock`. */
export async function findTaskRow(db: DbOrTx, taskId: string, lock = false) {
  const query = db.select().from(tasks).where(eq(tasks.id, taskId));
  const [task] = lock ? await query.for('update') : await query;
  return task;
}

/** The task as the contract shows it, with the names (undefined when it does not exist). */
export async function findTask(db: DbOrTx, taskId: string) {
  const [row] = await selectTasks(db).where(eq(tasks.id, taskId));
  return row;
}

export async function insertTaskRow(tx: DbOrTx, row: typeof tasks.$inferInsert) {
  const [created] = await tx.insert(tasks).values(row).returning();
  return created!;
}

export async function updateTaskRow(tx: DbOrTx, taskId: string, set: PgUpdateSetSource<typeof tasks>) {
  await tx
    .update(tasks)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(tasks.id, taskId));
}

export type Cooperator = { unitId: string | null; membershipId: string | null };

export async function findCooperators(db: DbOrTx, taskId: string): Promise<Cooperator[]> {
  return db
    .select({ unitId: taskCooperators.unitId, membershipId: taskCooperators.membershipId })
    .from(taskCooperators)
    .where(eq(taskCooperators.taskId, taskId));
}

export async function insertCooperators(tx: DbOrTx, taskId: string, rows: Cooperator[]) {
  if (rows.length) await tx.insert(taskCooperators).values(rows.map((c) => ({ id: uuidv7(), taskId, ...c })));
}

export async function replaceCooperators(tx: DbOrTx, taskId: string, rows: Cooperator[]) {
  await tx.delete(taskCooperators).where(eq(taskCooperators.taskId, taskId));
  await insertCooperators(tx, taskId, rows);
}

/** Does the seat (or its unit) co-operate on the task? */
export async function cooperates(db: DbOrTx, taskId: string, seat: { id: string; unitId: string | null }) {
  const [coop] = await db
    .select({ id: taskCooperators.id })
    .from(taskCooperators)
    .where(
      and(
        eq(taskCooperators.taskId, taskId),
        seat.unitId
          ? sql`(${taskCooperators.membershipId} = ${seat.id} or ${taskCooperators.unitId} = ${seat.unitId})`
          : eq(taskCooperators.membershipId, seat.id),
      ),
    )
    .limit(1);
  return !!coop;
}

/** Of these conclusions, those that already have tasks. */
export async function findConclusionsWithTasks(db: DbOrTx, conclusionIds: string[]) {
  if (!conclusionIds.length) return new Set<string>();
  const rows = await db
    .selectDistinct({ id: tasks.conclusionId })
    .from(tasks)
    .where(inArray(tasks.conclusionId, conclusionIds));
  return new Set(rows.map((r) => r.id));
}

const holder = committeesView('holder');

/**
 * Is `parentTaskId` a task of this committee (a breakdown) or of a committee above it (a directive copied
 * down)?
 */
export async function isParentTaskOf(db: DbOrTx, parentTaskId: string, committeeId: string) {
  const [parent] = await db
    .select({ committeeId: tasks.committeeId })
    .from(tasks)
    .innerJoin(holder, eq(holder.id, committeeId))
    .where(
      and(
        eq(tasks.id, parentTaskId),
        sql`(${tasks.committeeId} = ${committeeId} or ${holder.path} like '%/' || ${tasks.committeeId}::text || '/%')`,
      ),
    );
  return !!parent;
}
