import type { DelegationScope } from '@steerco/contract/delegations';
import type { ListTasksQuery, MyTasksQuery } from '@steerco/contract/tasks';
import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import * as clock from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { preparedByText } from '../../db/prepared.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { committeeSettings, memberships } from '../committees/committees.schema.ts';
import { withDefaultSettings } from '../committees/committees.service.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import {
  type DeadlineWindow,
  deadlineWindow,
  derivedCondition,
  OPEN_SQL,
  selectTasks,
  tasksByIds,
  toTaskDto,
} from './tasks.repo.ts';
import { tasks } from './tasks.schema.ts';
import { windowOf } from './tasks.service.ts';

type Filters = Omit<ListTasksQuery, 'cursor' | 'limit'>;

/** Accent-insensitive "contains" on the title ("lam sach" finds "Làm sạch"). */
const titleContains = (q: string) => {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`steerco_fold(${tasks.title}) like '%' || steerco_fold(${escaped}) || '%'`;
};

function filterConditions(f: Partial<Filters>, w: DeadlineWindow): SQL[] {
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
const encodeCursor = (deadline: string, id: string) => Buffer.from(`${deadline}|${id}`).toString('base64url');
function decodeCursor(cursor: string) {
  const [deadline, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!deadline || !id || !/^\d{4}-\d{2}-\d{2}$/.test(deadline) || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError('request.validation', {
      detail: 'Con trỏ phân trang không hợp lệ.',
      errors: [{ path: 'querystring.cursor', message: 'Con trỏ không hợp lệ', code: 'invalid_cursor' }],
    });
  return { deadline, id };
}

async function page(
  db: DbOrTx,
  where: SQL[],
  cursor: string | undefined,
  limit: number,
  window: (committeeId: string) => Promise<DeadlineWindow>,
) {
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
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const windows = new Map<string, DeadlineWindow>();
  for (const r of items)
    if (!windows.has(r.t.committeeId)) windows.set(r.t.committeeId, await window(r.t.committeeId));
  const last = items.at(-1);
  return {
    items: items.map((r) => toTaskDto(r, windows.get(r.t.committeeId)!)),
    total: total?.n ?? 0,
    nextCursor: more && last ? encodeCursor(last.t.deadline, last.t.id) : null,
  };
}

/** The committee's tasks with filters, ordered by deadline, keyset-paged, with the total. */
export async function listTasks(db: Db, actor: Actor, committeeId: string, query: ListTasksQuery) {
  await loadCommitteeAccess(db, actor, committeeId);
  const w = await windowOf(db, committeeId);
  const where = [eq(tasks.committeeId, committeeId), ...filterConditions(query, w)];
  return page(db, where, query.cursor, query.limit, async () => w);
}

/** Every matching task of the committee, for the export (bounded). */
export async function findTasksForExport(db: Db, actor: Actor, committeeId: string, query: Filters) {
  const { committee } = await loadCommitteeAccess(db, actor, committeeId);
  const w = await windowOf(db, committeeId);
  const rows = await selectTasks(db)
    .where(and(eq(tasks.committeeId, committeeId), ...filterConditions(query, w)))
    .orderBy(asc(tasks.deadline), asc(tasks.id))
    .limit(EXPORT_LIMIT);
  return { committee, items: rows.map((r) => toTaskDto(r, w)) };
}
export const EXPORT_LIMIT = 20_000;

/**
 * "Nhiệm vụ của tôi", across the committees the actor sits on today: as lead or responsible member (or member
 * of the lead unit), as co-operating unit/member, and as reviewer (completion reports to review, extension
 * requests to decide).
 *
 * The page every member opens first, so it is built for few round trips: the actor's seats with their
 * committee's settings and the delegations they hold (one query, beside the cached calendar), the page's ids
 * with the total (one statement), then the page's rows by id (a statement planned once per connection).
 */
export async function myTasks(db: Db, actor: Actor, query: MyTasksQuery) {
  const today = clock.today();
  const [seats, calendar] = await Promise.all([
    preparedByText(
      db
        .select({
          id: memberships.id,
          committeeId: memberships.committeeId,
          unitId: memberships.unitId,
          role: memberships.role,
          settings: committeeSettings.settings,
          delegations: sql<{ id: string; scopes: DelegationScope[]; domains: string[] }[]>`(
          select coalesce(json_agg(json_build_object('id', d.id, 'scopes', d.scopes, 'domains', d.domains)), '[]'::json)
          from delegations d where d.to_membership_id = ${memberships.id} and d.revoked_at is null
            and d.valid_from <= ${today}::date and d.valid_to >= ${today}::date)`,
        })
        .from(memberships)
        .leftJoin(committeeSettings, eq(committeeSettings.committeeId, memberships.committeeId))
        .where(
          and(
            eq(memberships.userId, actor.userId),
            sql`${memberships.role} <> 'guest'`,
            sql`${memberships.startDate} <= ${today}::date and (${memberships.endDate} is null or ${memberships.endDate} >= ${today}::date)`,
          ),
        ),
      'steerco_my_seats',
    ).execute(),
    getWorkingCalendar(db),
  ]);
  if (!seats.length) return { items: [], total: 0, nextCursor: null };
  // Every task found below belongs to one of these committees: each row shows its own committee's window.
  const windows = new Map(
    seats.map((s) => [
      s.committeeId,
      deadlineWindow(calendar, withDefaultSettings(s.settings).taskDueSoonWorkingDays ?? 3, today),
    ]),
  );
  // Lists are one array parameter each, so the statement's text (and its prepared plan) fits any member.
  const uuids = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;
  const mySeats = uuids(seats.map((s) => s.id));
  const unitSeats = seats.filter((s) => s.unitId);
  const unitPairs = sql`select * from unnest(${uuids(unitSeats.map((s) => s.committeeId))}, ${uuids(
    unitSeats.map((s) => s.unitId!),
  )})`;

  // Reviewer: the standing agency and heads/deputies review completion reports; the head and delegates (R4),
  // and the assigner, decide extension requests.
  const reviewCommittees: string[] = [];
  const extensionCommittees: string[] = [];
  for (const s of seats) {
    const access = {
      committeeId: s.committeeId,
      unitPath: '',
      membership: { id: s.id, role: s.role },
      delegations: s.delegations,
      oversight: false,
    };
    if (can(actor, 'task.review', { committee: access })) reviewCommittees.push(s.committeeId);
    // The head, or a delegate for extensions (a domain-scoped one is checked per task when deciding).
    if (s.role === 'head' || s.delegations.some((d) => d.scopes.includes('decideTaskExtensions')))
      extensionCommittees.push(s.committeeId);
  }

  // Each part reads one index (by seat, by (committee, unit), by (committee, status)); their union is small
  // (a member's few hundred tasks) and is looked up as an id list on the primary key, never a scan of all
  // tasks. An id list rather than `in (union)`: the prepared statement's generic plan of a semi-join guessed
  // a large union and read the whole table.
  const parts = {
    responsible: [
      sql`select id from tasks where responsible_membership_id = any(${mySeats})`,
      sql`select id from tasks where lead_membership_id = any(${mySeats})`,
      ...(unitSeats.length
        ? [sql`select id from tasks where (committee_id, lead_unit_id) in (${unitPairs})`]
        : []),
    ],
    cooperating: [
      sql`select task_id from task_cooperators where membership_id = any(${mySeats})`,
      ...(unitSeats.length
        ? [
            sql`select c.task_id from task_cooperators c join tasks ct on ct.id = c.task_id
              where (ct.committee_id, c.unit_id) in (${unitPairs})`,
          ]
        : []),
    ],
    reviewer: [
      ...(reviewCommittees.length
        ? [
            sql`select id from tasks where committee_id = any(${uuids(reviewCommittees)}) and status = 'submittedDone'`,
          ]
        : []),
      sql`select id from tasks where committee_id = any(${uuids(seats.map((s) => s.committeeId))})
        and status = 'extensionRequested'
        and (committee_id = any(${uuids(extensionCommittees)}) or assigned_by = ${actor.userId})`,
    ],
  };
  const chosen =
    query.role === 'all'
      ? [...parts.responsible, ...parts.cooperating, ...parts.reviewer]
      : parts[query.role];
  const roleCondition = sql`${tasks.id} = any(array(${sql.join(chosen, sql` union `)}))`;
  // Filters by display status use the first committee's window; each row shows its own committee's.
  const where = and(roleCondition, ...filterConditions(query, windows.get(seats[0]!.committeeId)!));
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
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => toTaskDto(r, windows.get(r.t.committeeId)!)),
    total,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.t.deadline, last.t.id) : null,
  };
}

/** Per-unit and per-member counters (assigned, done on time / late, overdue, open) with the same filters. */
export async function taskStats(db: Db, actor: Actor, committeeId: string, query: Partial<Filters>) {
  await loadCommitteeAccess(db, actor, committeeId);
  const w = await windowOf(db, committeeId);
  const where = and(eq(tasks.committeeId, committeeId), ...filterConditions(query, w));
  const counters = {
    assigned: sql<number>`count(*) filter (where ${tasks.status} <> 'cancelled')::int`,
    done: sql<number>`count(*) filter (where ${tasks.status} = 'done')::int`,
    doneOnTime: sql<number>`count(*) filter (where ${derivedCondition('doneOnTime', w)})::int`,
    doneLate: sql<number>`count(*) filter (where ${derivedCondition('doneLate', w)})::int`,
    overdue: sql<number>`count(*) filter (where ${derivedCondition('overdue', w)})::int`,
    open: sql<number>`count(*) filter (where ${tasks.status} in ${OPEN_SQL})::int`,
  };
  // A task led by a member counts for the member's unit too.
  const leadSeat = sql`(select m.unit_id from memberships m where m.id = ${tasks.leadMembershipId})`;
  const unitKey = sql<string>`coalesce(${tasks.leadUnitId}, ${leadSeat})`;
  const memberKey = sql<string>`coalesce(${tasks.responsibleMembershipId}, ${tasks.leadMembershipId})`;
  const [totals, byUnit, byMember] = await Promise.all([
    db.select(counters).from(tasks).where(where),
    db
      .select({ key: unitKey, ...counters })
      .from(tasks)
      .where(and(where, sql`${unitKey} is not null`))
      .groupBy(unitKey),
    db
      .select({ key: memberKey, ...counters })
      .from(tasks)
      .where(and(where, sql`${memberKey} is not null`))
      .groupBy(memberKey),
  ]);
  const unitNames = byUnit.length
    ? await db
        .select({ id: administrativeUnits.id, name: administrativeUnits.name })
        .from(administrativeUnits)
        .where(
          inArray(
            administrativeUnits.id,
            byUnit.map((u) => u.key),
          ),
        )
    : [];
  const memberNames = byMember.length
    ? await db
        .select({ id: memberships.id, name: users.fullName })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          inArray(
            memberships.id,
            byMember.map((m) => m.key),
          ),
        )
    : [];
  const named = <T extends { key: string }>(rows: T[], names: { id: string; name: string }[]) =>
    rows
      .map(({ key, ...c }) => ({ id: key, name: names.find((n) => n.id === key)?.name ?? '', ...c }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const { key: _k, ...zero } = {
    key: '',
    assigned: 0,
    done: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    open: 0,
  };
  return {
    totals: totals[0] ?? zero,
    byUnit: named(byUnit, unitNames),
    byMember: named(byMember, memberNames),
  };
}
