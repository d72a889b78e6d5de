import type { DerivedTaskStatus, ListTasksQuery, MyTasksQuery } from '@steerco/contract/tasks';
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { preparedByText } from '../../db/prepared.ts';
import { AppError } from '../../http/errors.ts';
import { seatsView } from '../committees/seats.service.ts';
import {
  type DeadlineWindow,
  derivedCondition,
  OPEN_SQL,
  type SelectedTask,
  selectTasks,
  tasksByIds,
} from './tasks.repo.ts';
import { tasks } from './tasks.schema.ts';

export type Filters = Omit<ListTasksQuery, 'cursor' | 'limit'>;

/** Accent-insensitive "contains" on the title ("lam sach" finds "Làm sạch"). */
const titleContains = (q: string) => {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`steerco_fold(${tasks.title}) like '%' || steerco_fold(${escaped}) || '%'`;
};

export function filterConditions(f: Partial<Filters>, w: DeadlineWindow): SQL[] {
  const where: SQL[] = [];
  if (f.status === 'open') where.push(sql`${tasks.status} in ${OPEN_SQL}`);
  else if (f.status) where.push(eq(tasks.status, f.status));
  if (f.derived) where.push(derivedCondition(f.derived, w));
  if (f.domain) where.push(eq(tasks.domain, f.domain));
  if (f.source) where.push(eq(tasks.sourceKind, f.source));
  if (f.dueFrom) where.push(sql`${tasks.deadline} >= ${f.dueFrom}::date`);
  if (f.dueTo) where.push(sql`${tasks.deadline} <= ${f.dueTo}::date`);
  if (f.q) where.push(titleContains(f.q));
  if (f.leadUnitId) where.push(eq(tasks.leadUnitId, f.leadUnitId));
  if (f.membershipId) {
    where.push(
      sql`(${tasks.leadMembershipId} = ${f.membershipId} or ${tasks.responsibleMembershipId} = ${f.membershipId}
        or ${tasks.id} in (select task_id from task_cooperators where membership_id = ${f.membershipId}))`,
    );
  }
  return where;
}

// Keyset paging on (deadline, id): stable under inserts and as fast on page 500 as on page 1.
export const encodeCursor = (deadline: string, id: string) =>
  Buffer.from(`${deadline}|${id}`).toString('base64url');
function decodeCursor(cursor: string) {
  const [deadline, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!deadline || !id || !/^\d{4}-\d{2}-\d{2}$/.test(deadline) || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError('request.validation', {
      detail: 'Con trỏ phân trang không hợp lệ.',
      errors: [{ path: 'querystring.cursor', message: 'Con trỏ không hợp lệ', code: 'invalid_cursor' }],
    });
  return { deadline, id };
}

/**
 * A page of tasks matching `where`, in (deadline, id) order after `cursor`, one more than `limit` to tell
 * whether more follow, and the total.
 */
export async function findTaskPage(db: DbOrTx, where: SQL[], cursor: string | undefined, limit: number) {
  const base = and(...where);
  const after = cursor ? decodeCursor(cursor) : null;
  const [rows, [total]] = await Promise.all([
    selectTasks(db)
      .where(
        and(
          base,
          after
            ? sql`(${tasks.deadline}, ${tasks.id}) > (${after.deadline}::date, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(tasks.deadline), asc(tasks.id))
      .limit(limit + 1),
    db.select({ n: count() }).from(tasks).where(base),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export const ofCommittee = (committeeId: string) => eq(tasks.committeeId, committeeId);

/** Every matching task (bounded), for the export. */
export async function findTasksMatching(db: DbOrTx, where: SQL[], limit: number) {
  return selectTasks(db)
    .where(and(...where))
    .orderBy(asc(tasks.deadline), asc(tasks.id))
    .limit(limit);
}

export interface MyTaskScope {
  userId: string;
  seatIds: string[];
  /** (committee, unit) of the person's seats that belong to a unit. */
  unitSeats: { committeeId: string; unitId: string }[];
  committeeIds: string[];
  /** Committees where the person reviews completion reports. */
  reviewCommittees: string[];
  /** Committees where the person decides extension requests (the head, or a delegate). */
  extensionCommittees: string[];
}

/** The ids of "my tasks" by role, as subqueries: responsible (lead or responsible), co-operating, reviewer. */
function myTaskIdQueries(scope: MyTaskScope) {
  // Lists are one array parameter each, so the statement's text (and its prepared plan) fits any member.
  const uuids = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;
  const mySeats = uuids(scope.seatIds);
  const unitPairs = sql`select * from unnest(${uuids(scope.unitSeats.map((s) => s.committeeId))}, ${uuids(
    scope.unitSeats.map((s) => s.unitId),
  )})`;
  return {
    responsible: [
      sql`select id from tasks where responsible_membership_id = any(${mySeats})`,
      sql`select id from tasks where lead_membership_id = any(${mySeats})`,
      ...(scope.unitSeats.length
        ? [sql`select id from tasks where (committee_id, lead_unit_id) in (${unitPairs})`]
        : []),
    ],
    cooperating: [
      sql`select task_id from task_cooperators where membership_id = any(${mySeats})`,
      ...(scope.unitSeats.length
        ? [
            sql`select c.task_id from task_cooperators c join tasks ct on ct.id = c.task_id
              where (ct.committee_id, c.unit_id) in (${unitPairs})`,
          ]
        : []),
    ],
    reviewer: [
      ...(scope.reviewCommittees.length
        ? [
            sql`select id from tasks where committee_id = any(${uuids(scope.reviewCommittees)}) and status = 'submittedDone'`,
          ]
        : []),
      sql`select id from tasks where committee_id = any(${uuids(scope.committeeIds)})
        and status = 'extensionRequested'
        and (committee_id = any(${uuids(scope.extensionCommittees)}) or assigned_by = ${scope.userId})`,
    ],
  };
}

/**
 * A page of "my tasks": their ids and the total in one statement, then the rows by id (a statement planned
 * once per connection). Each part reads one index (by seat, by (committee, unit), by (committee, status));
 * their union is small (a member's few hundred tasks) and is looked up as an id list on the primary key, never
 * a scan of all tasks. An id list rather than `in (union)`: the prepared statement's generic plan of a
 * semi-join guessed a large union and read the whole table.
 */
export async function findMyTaskPage(
  db: Db,
  scope: MyTaskScope,
  query: MyTasksQuery,
  window: DeadlineWindow,
): Promise<{ rows: SelectedTask[]; total: number }> {
  const parts = myTaskIdQueries(scope);
  const chosen =
    query.role === 'all'
      ? [...parts.responsible, ...parts.cooperating, ...parts.reviewer]
      : parts[query.role];
  const roleCondition = sql`${tasks.id} = any(array(${sql.join(chosen, sql` union `)}))`;
  const where = and(roleCondition, ...filterConditions(query, window));
  const after = query.cursor ? decodeCursor(query.cursor) : null;

  // The page's ids and the total in one statement (the matching (id, deadline) pairs are read once: the CTE
  // is used twice, so PostgreSQL materialises it), then the page's rows by id.
  const matching = db
    .$with('matching')
    .as(db.select({ id: tasks.id, deadline: tasks.deadline }).from(tasks).where(where));
  const pageIds = await preparedByText(
    db
      .with(matching)
      .select({ id: matching.id, total: sql<number>`(select count(*)::int from ${matching})` })
      .from(matching)
      .where(
        after
          ? sql`(${matching.deadline}, ${matching.id}) > (${after.deadline}::date, ${after.id}::uuid)`
          : undefined,
      )
      .orderBy(asc(matching.deadline), asc(matching.id))
      .limit(query.limit + 1),
    'steerco_my_task_ids',
  ).execute();
  const rows = pageIds.length
    ? await tasksByIds(
        db,
        pageIds.map((p) => p.id),
      )
    : [];
  // No row on this page: the total has to be counted on its own (a cursor past the end).
  const total = pageIds.length
    ? pageIds[0]!.total
    : after
      ? ((await db.select({ n: count() }).from(tasks).where(where))[0]?.n ?? 0)
      : 0;
  return { rows, total };
}

/**
 * The dashboard's counters of "my tasks" in one statement: open ones, the review queue, and every display
 * status, counted over the same union of roles as the list (`role=all`; the review queue as `role=reviewer`).
 */
export async function countMyTasks(db: DbOrTx, scope: MyTaskScope, window: DeadlineWindow) {
  const parts = myTaskIdQueries(scope);
  const union = (queries: SQL[]) => sql`${tasks.id} = any(array(${sql.join(queries, sql` union `)}))`;
  const open = sql`${tasks.status} in ${OPEN_SQL}`;
  const derived = (d: DerivedTaskStatus) =>
    sql<number>`count(*) filter (where ${derivedCondition(d, window)})::int`;
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${open})::int`,
      reviewer: sql<number>`count(*) filter (where ${open} and ${union(parts.reviewer)})::int`,
      onTime: derived('onTime'),
      dueSoon: derived('dueSoon'),
      overdue: derived('overdue'),
      doneOnTime: derived('doneOnTime'),
      doneLate: derived('doneLate'),
      cancelled: derived('cancelled'),
    })
    .from(tasks)
    .where(union([...parts.responsible, ...parts.cooperating, ...parts.reviewer]));
  return row!;
}

/** A committee's own tasks counted by status and by domain (the dashboard's charts). */
export async function countCommitteeTasks(db: DbOrTx, committeeId: string) {
  const [byStatus, byDomain] = await Promise.all([
    db
      .select({ key: tasks.status, n: count() })
      .from(tasks)
      .where(ofCommittee(committeeId))
      .groupBy(tasks.status),
    db
      .select({ key: sql<string>`${tasks.domain}`, n: count() })
      .from(tasks)
      .where(and(ofCommittee(committeeId), sql`${tasks.domain} is not null`))
      .groupBy(tasks.domain),
  ]);
  return { byStatus, byDomain };
}

/**
 * Counters (assigned, done, done on time / late, overdue, open) of the tasks matching `where`: in total, by
 * lead unit (a task led by a member counts for the member's unit too) and by member answering for it.
 */
export async function countTasks(db: DbOrTx, where: SQL[], w: DeadlineWindow) {
  const condition = and(...where);
  const counters = {
    assigned: sql<number>`count(*) filter (where ${tasks.status} <> 'cancelled')::int`,
    done: sql<number>`count(*) filter (where ${tasks.status} = 'done')::int`,
    doneOnTime: sql<number>`count(*) filter (where ${derivedCondition('doneOnTime', w)})::int`,
    doneLate: sql<number>`count(*) filter (where ${derivedCondition('doneLate', w)})::int`,
    overdue: sql<number>`count(*) filter (where ${derivedCondition('overdue', w)})::int`,
    open: sql<number>`count(*) filter (where ${tasks.status} in ${OPEN_SQL})::int`,
  };
  const leadSeat = seatsView('stats_lead_seat');
  const unitKey = sql<string>`coalesce(${tasks.leadUnitId}, (select ${leadSeat.unitId} from ${leadSeat} where ${leadSeat.id} = ${tasks.leadMembershipId}))`;
  const memberKey = sql<string>`coalesce(${tasks.responsibleMembershipId}, ${tasks.leadMembershipId})`;
  const [totals, byUnit, byMember] = await Promise.all([
    db.select(counters).from(tasks).where(condition),
    db
      .select({ key: unitKey, ...counters })
      .from(tasks)
      .where(and(condition, sql`${unitKey} is not null`))
      .groupBy(unitKey),
    db
      .select({ key: memberKey, ...counters })
      .from(tasks)
      .where(and(condition, sql`${memberKey} is not null`))
      .groupBy(memberKey),
  ]);
  return { totals: totals[0], byUnit, byMember };
}
