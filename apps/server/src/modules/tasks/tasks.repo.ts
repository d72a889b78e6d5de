import type { WorkingCalendar } from '@steerco/calendar';
import type { DerivedTaskStatus, Task, TaskStatus } from '@steerco/contract/tasks';
import { OPEN_TASK_STATUSES } from '@steerco/contract/tasks';
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import * as clock from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { memberships } from '../committees/committees.schema.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import { tasks } from './tasks.schema.ts';

export type TaskRow = typeof tasks.$inferSelect;

const leadSeat = alias(memberships, 'lead_seat');
const leadUser = alias(users, 'lead_user');
const respSeat = alias(memberships, 'resp_seat');
const respUser = alias(users, 'resp_user');

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
      leadUnitName: administrativeUnits.name,
      leadUserId: leadSeat.userId,
      leadName: leadUser.fullName,
      respUserId: respSeat.userId,
      respName: respUser.fullName,
      cooperators: sql<{ unitId: string | null; membershipId: string | null; name: string }[]>`(
        select coalesce(json_agg(json_build_object('unitId', c.unit_id, 'membershipId', c.membership_id,
          'name', coalesce(cu.name, cuser.full_name)) order by coalesce(cu.name, cuser.full_name)), '[]'::json)
        from task_cooperators c
        left join administrative_units cu on cu.id = c.unit_id
        left join memberships cm on cm.id = c.membership_id
        left join users cuser on cuser.id = cm.user_id
        where c.task_id = ${tasks.id})`,
    })
    .from(tasks)
    .leftJoin(administrativeUnits, eq(administrativeUnits.id, tasks.leadUnitId))
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
  return selectTasks(db)
    .where(sql`${tasks.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .orderBy(asc(tasks.deadline), asc(tasks.id))
    .prepare('steerco_tasks_by_ids')
    .execute({ ids });
}

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
