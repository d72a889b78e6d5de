import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { taskEvents, tasks } from './tasks.schema.ts';

// The follow-up's figures of a report's cut-off window [from, to] (both days included), for many committees in
// one statement per group: counted from the tasks' dates, so that a report drafted later counts the same.

export const TASK_FIGURES = [
  'assigned',
  'doneOnTime',
  'doneLate',
  'overdue',
  'open',
  'planItemsDone',
] as const;
export type TaskFigure = (typeof TASK_FIGURES)[number] | 'extensions';

/** The condition of one figure for the window. */
function conditionOf(figure: (typeof TASK_FIGURES)[number], from: string, to: string) {
  const openAtEnd = sql`${tasks.sourceDate} <= ${to}::date and ${tasks.status} <> 'cancelled'
    and not (${tasks.status} = 'done' and ${tasks.completedOn} <= ${to}::date)`;
  const done = sql`${tasks.status} = 'done' and ${tasks.completedOn} between ${from}::date and ${to}::date`;
  switch (figure) {
    case 'assigned':
      return sql`${tasks.sourceDate} between ${from}::date and ${to}::date`;
    case 'doneOnTime':
      return sql`${done} and ${tasks.completedOn} <= ${tasks.deadline}`;
    case 'doneLate':
      return sql`${done} and ${tasks.completedOn} > ${tasks.deadline}`;
    case 'overdue':
      return sql`${openAtEnd} and ${tasks.deadline} < ${to}::date`;
    case 'open':
      return sql`${openAtEnd} and ${tasks.deadline} >= ${to}::date`;
    case 'planItemsDone':
      return sql`${done} and ${tasks.sourceKind} = 'planItem'`;
  }
}

export interface TaskFigureRow {
  committeeId: string;
  /** The domain's code; null for the committee's total. */
  domain: string | null;
  counts: Record<(typeof TASK_FIGURES)[number], number>;
}

/** Each committee's figures in total and by domain ('' for tasks without one), in one statement. */
export async function countTaskFigures(db: DbOrTx, committeeIds: string[], from: string, to: string) {
  const cols = TASK_FIGURES.map(
    (f) => sql`count(*) filter (where ${conditionOf(f, from, to)})::int as ${sql.identifier(f)}`,
  );
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    select ${tasks.committeeId} as committee_id, coalesce(${tasks.domain}, '') as domain,
      grouping(coalesce(${tasks.domain}, ''))::int as total_row, ${sql.join(cols, sql`, `)}
    from ${tasks}
    where ${tasks.committeeId} = any(${sql.param(committeeIds)}::uuid[]) and ${tasks.sourceDate} <= ${to}::date
    group by ${tasks.committeeId}, grouping sets ((coalesce(${tasks.domain}, '')), ())`);
  return rows.map(
    (r): TaskFigureRow => ({
      committeeId: r.committee_id as string,
      domain: r.total_row ? null : (r.domain as string),
      counts: Object.fromEntries(TASK_FIGURES.map((f) => [f, Number(r[f])])) as TaskFigureRow['counts'],
    }),
  );
}

/** Extensions approved in the window, per committee. */
export async function countExtensions(db: DbOrTx, committeeIds: string[], from: string, to: string) {
  const { rows } = await db.execute<{ committee_id: string; n: number }>(sql`
    select t.committee_id, count(*)::int as n
    from ${tasks} t join ${taskEvents} e on e.task_id = t.id
    where t.committee_id = any(${sql.param(committeeIds)}::uuid[]) and e.kind = 'extensionApproved'
      and e.created_at >= (${from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
      and e.created_at < (${to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'
    group by t.committee_id`);
  return new Map(rows.map((r) => [r.committee_id, r.n]));
}

/** The tasks one figure counts (drill-down), at most 500, by deadline. */
export async function findTaskFigureRecords(
  db: DbOrTx,
  q: { committeeId: string; from: string; to: string; figure: TaskFigure; domain?: string | null },
) {
  const domain =
    q.domain === undefined || q.domain === null
      ? sql`true`
      : sql`coalesce(${tasks.domain}, '') = ${q.domain}`;
  if (q.figure === 'extensions') {
    const { rows } = await db.execute<{ id: string; title: string; date: string }>(sql`
      select distinct t.id, t.title, t.deadline::text as date
      from ${tasks} t join ${taskEvents} e on e.task_id = t.id
      where t.committee_id = ${q.committeeId} and e.kind = 'extensionApproved'
        and e.created_at >= (${q.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
        and e.created_at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'
      order by date, t.id limit 500`);
    return rows;
  }
  const { rows } = await db.execute<{ id: string; title: string; date: string }>(sql`
    select ${tasks.id} as id, ${tasks.title} as title, ${tasks.deadline}::text as date from ${tasks}
    where ${tasks.committeeId} = ${q.committeeId} and ${conditionOf(q.figure, q.from, q.to)} and ${domain}
    order by ${tasks.deadline}, ${tasks.id} limit 500`);
  return rows;
}
