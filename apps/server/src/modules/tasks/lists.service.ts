import type { ListTasksQuery, MyTasksQuery } from '@steerco/contract/tasks';
import * as clock from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { withDefaultSettings } from '../committees/committees.service.ts';
import { findMySeats, seatHolders } from '../committees/seats.service.ts';
import { unitNames } from '../units/units.service.ts';
import {
  countCommitteeTasks,
  countMyTasks,
  countTasks,
  encodeCursor,
  type Filters,
  filterConditions,
  findMyTaskPage,
  findTaskPage,
  findTasksMatching,
  ofCommittee,
} from './lists.repo.ts';
import { windowOf } from './standing.service.ts';
import { type DeadlineWindow, deadlineWindow, type SelectedTask, toTaskDto } from './tasks.repo.ts';

/** A page of rows as the contract shows it: each row with its committee's window, and the next cursor. */
function pageOf(
  rows: SelectedTask[],
  total: number,
  limit: number,
  windowOf: (committeeId: string) => DeadlineWindow,
) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => toTaskDto(r, windowOf(r.t.committeeId))),
    total,
    nextCursor: rows.length > limit && last ? encodeCursor(last.t.deadline, last.t.id) : null,
  };
}

/** The committee's tasks with filters, ordered by deadline, keyset-paged, with the total. */
export async function listTasks(db: Db, actor: Actor, committeeId: string, query: ListTasksQuery) {
  await loadCommitteeAccess(db, actor, committeeId);
  const w = await windowOf(db, committeeId);
  const where = [ofCommittee(committeeId), ...filterConditions(query, w)];
  const { rows, total } = await findTaskPage(db, where, query.cursor, query.limit);
  return pageOf(rows, total, query.limit, () => w);
}

/** Every matching task of the committee, for the export (bounded). */
export async function findTasksForExport(db: Db, actor: Actor, committeeId: string, query: Filters) {
  const { committee } = await loadCommitteeAccess(db, actor, committeeId);
  const w = await windowOf(db, committeeId);
  const rows = await findTasksMatching(
    db,
    [ofCommittee(committeeId), ...filterConditions(query, w)],
    EXPORT_LIMIT,
  );
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
  const mine = await myTaskScope(db, actor);
  if (!mine) return { items: [], total: 0, nextCursor: null };
  const { rows, total } = await findMyTaskPage(db, mine.scope, query, mine.window);
  return pageOf(rows, total, query.limit, (committeeId) => mine.windows.get(committeeId)!);
}

/**
 * The counters of "my tasks" the dashboard shows (open, the review queue, each display status), in one
 * statement over the same roles as the list: each equals the total of the list with that filter.
 */
export async function myTaskCounters(db: Db, actor: Actor) {
  const mine = await myTaskScope(db, actor);
  if (!mine)
    return {
      open: 0,
      reviewer: 0,
      onTime: 0,
      dueSoon: 0,
      overdue: 0,
      doneOnTime: 0,
      doneLate: 0,
      cancelled: 0,
    };
  return countMyTasks(db, mine.scope, mine.window);
}

/** A committee's tasks by status and by domain (codes), for those who see the committee. */
export async function committeeTaskCounters(db: Db, committeeId: string) {
  const { byStatus, byDomain } = await countCommitteeTasks(db, committeeId);
  return {
    byStatus: new Map(byStatus.map((r) => [r.key, r.n])),
    byDomain: new Map(byDomain.map((r) => [r.key, r.n])),
  };
}

/** Where "my tasks" come from: the actor's seats today, with each committee's deadline window. */
async function myTaskScope(db: Db, actor: Actor) {
  const today = clock.today();
  const [seats, calendar] = await Promise.all([findMySeats(db, actor.userId, today), getWorkingCalendar(db)]);
  if (!seats.length) return null;
  // Every task found belongs to one of these committees: each row shows its own committee's window.
  const windows = new Map(
    seats.map((s) => [
      s.committeeId,
      deadlineWindow(calendar, withDefaultSettings(s.settings).taskDueSoonWorkingDays ?? 3, today),
    ]),
  );
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
  const unitSeats = seats.flatMap((s) =>
    s.unitId ? [{ committeeId: s.committeeId, unitId: s.unitId }] : [],
  );
  const scope = {
    userId: actor.userId,
    seatIds: seats.map((s) => s.id),
    unitSeats,
    committeeIds: seats.map((s) => s.committeeId),
    reviewCommittees,
    extensionCommittees,
  };
  // Filters by display status use the first committee's window; each row shows its own committee's.
  return { scope, windows, window: windows.get(seats[0]!.committeeId)! };
}

/** Per-unit and per-member counters (assigned, done on time / late, overdue, open) with the same filters. */
export async function taskStats(db: Db, actor: Actor, committeeId: string, query: Partial<Filters>) {
  await loadCommitteeAccess(db, actor, committeeId);
  const w = await windowOf(db, committeeId);
  const { totals, byUnit, byMember } = await countTasks(
    db,
    [ofCommittee(committeeId), ...filterConditions(query, w)],
    w,
  );
  const [units, members] = await Promise.all([
    unitNames(
      db,
      byUnit.map((u) => u.key),
    ),
    seatHolders(
      db,
      byMember.map((m) => m.key),
    ),
  ]);
  const named = <T extends { key: string }>(rows: T[], nameOf: (id: string) => string | undefined) =>
    rows
      .map(({ key, ...c }) => ({ id: key, name: nameOf(key) ?? '', ...c }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const zero = { assigned: 0, done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 };
  return {
    totals: totals ?? zero,
    byUnit: named(byUnit, (id) => units.get(id)),
    byMember: named(byMember, (id) => members.get(id)?.name),
  };
}
