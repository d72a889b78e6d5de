import { DERIVED_STATUS_LABELS, TASK_SOURCE_LABELS, TASK_STATUS_LABELS } from '@steerco/contract/labels';
import type {
  DerivedTaskStatus as TDerived,
  TaskSourceKind as TSource,
  TaskStatus as TStatus,
} from '@steerco/contract/tasks';

// The values of the enumerations without zod (the labels list them in order): this file loads with the first page.
const keysOf = <T extends string>(labels: Record<T, string>) => Object.keys(labels) as T[];

/*
 * Pure helpers of the follow-up pages: the list's state in the URL, the API filters it stands for, and the
 * task page's timeline (history, progress reports and comments in one order).
 */

export const MY_TASKS_ROLES = ['all', 'responsible', 'cooperating', 'reviewer'] as const;
export type MyTasksRole = (typeof MY_TASKS_ROLES)[number];

/** The counters of "my tasks": the open ones, each display status people chase, and my review queue. */
export const MY_TASK_COUNTERS = ['open', 'dueSoon', 'overdue', 'onTime', 'doneLate', 'reviewer'] as const;
export type MyTaskCounter = (typeof MY_TASK_COUNTERS)[number];

/** The filters as the API reads them (`/tasks/mine` and `/committees/{id}/tasks`). */
export interface TaskFilters {
  status?: TStatus | 'open';
  derived?: TDerived;
  domain?: string;
  source?: TSource;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  leadUnitId?: string;
  membershipId?: string;
}

/**
 * `/nhiem-vu` in the URL: without `ban`, my tasks (as `role`); with `ban`, that committee's list. `status`
 * absent means "not finished", `all` means every status.
 */
export interface TasksSearch {
  ban?: string;
  role?: MyTasksRole;
  status?: TStatus | 'open' | 'all';
  derived?: TDerived;
  domain?: string;
  unit?: string;
  member?: string;
  source?: TSource;
  from?: string;
  to?: string;
  q?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const uuid = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);
const date = (v: unknown) => (typeof v === 'string' && ISO_DATE.test(v) ? v : undefined);
const oneOf = <T extends string>(values: readonly T[], v: unknown) =>
  values.includes(v as T) ? (v as T) : undefined;

export function parseTasksSearch(search: Record<string, unknown>): TasksSearch {
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 200) : '';
  const domain = typeof search.domain === 'string' ? search.domain.trim().slice(0, 12) : '';
  return {
    ban: uuid(search.ban),
    role: oneOf(MY_TASKS_ROLES, search.role),
    status: oneOf([...keysOf(TASK_STATUS_LABELS), 'open', 'all'] as const, search.status),
    derived: oneOf(keysOf(DERIVED_STATUS_LABELS), search.derived),
    domain: domain || undefined,
    unit: uuid(search.unit),
    member: uuid(search.member),
    source: oneOf(keysOf(TASK_SOURCE_LABELS), search.source),
    from: date(search.from),
    to: date(search.to),
    q: q || undefined,
  };
}

/** The API filters of a list's URL state; a display-status filter stands alone (it implies its statuses). */
export function filtersOf(search: TasksSearch): TaskFilters {
  const status =
    search.status === 'all' ? undefined : (search.status ?? (search.derived ? undefined : 'open'));
  const filters: TaskFilters = {
    status,
    derived: search.derived,
    domain: search.domain,
    source: search.source,
    dueFrom: search.from,
    dueTo: search.to,
    q: search.q,
  };
  if (search.ban) {
    filters.leadUnitId = search.unit;
    filters.membershipId = search.member;
  }
  return compact(filters);
}

/** Only the filters that are set, so that query keys and query strings stay short and stable. */
export function toQuery(filters: TaskFilters): TaskFilters {
  return compact(filters);
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** True when any filter other than the default "not finished" is set. */
export const hasFilters = (search: TasksSearch) =>
  Object.entries(search).some(([key, value]) => key !== 'ban' && key !== 'role' && value !== undefined);

// ——— The task page's timeline ———

interface EventLike {
  id: string;
  at: string;
}

export type TimelineEntry<E extends EventLike, P extends EventLike, C extends EventLike> =
  | { type: 'event'; at: string; id: string; item: E }
  | { type: 'progress'; at: string; id: string; item: P }
  | { type: 'comment'; at: string; id: string; item: C };

/** History events, progress reports and comments as one story, oldest first (ties keep that order). */
export function timelineOf<E extends EventLike, P extends EventLike, C extends EventLike>(task: {
  events: E[];
  progressReports: P[];
  comments: C[];
}): TimelineEntry<E, P, C>[] {
  const entries: TimelineEntry<E, P, C>[] = [
    ...task.events.map((item) => ({ type: 'event' as const, at: item.at, id: item.id, item })),
    ...task.progressReports.map((item) => ({ type: 'progress' as const, at: item.at, id: item.id, item })),
    ...task.comments.map((item) => ({ type: 'comment' as const, at: item.at, id: item.id, item })),
  ];
  return entries
    .map((entry, index) => ({ entry, index, time: new Date(entry.at).getTime() }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Badge colours of the display status: what a secretary scans the list for. */
export const DERIVED_COLORS: Record<TDerived, string> = {
  onTime: 'blue',
  dueSoon: 'orange',
  overdue: 'red',
  doneOnTime: 'green',
  doneLate: 'yellow',
  cancelled: 'gray',
};

export const STATUS_COLORS: Record<TStatus, string> = {
  new: 'gray',
  inProgress: 'blue',
  submittedDone: 'teal',
  done: 'green',
  returned: 'orange',
  extensionRequested: 'grape',
  cancelled: 'red',
};
