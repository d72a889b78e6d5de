import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { taskCooperators, taskEvents, tasks } from './tasks.schema.ts';

// A member's year of tasks for the annual evaluation (R17): the tasks the seats answer for (lead or
// responsible member) or co-operate on, due or completed in the window, and their returns and extensions.

export interface MemberTaskRow {
  id: string;
  title: string;
  membershipId: string;
  role: 'lead' | 'cooperate';
  deadline: string;
  originalDeadline: string;
  status: string;
  completedOn: string | null;
}

/** The committee's tasks (not cancelled) of these seats due or completed in [from, to]. */
export async function findMemberTasks(
  db: DbOrTx,
  committeeId: string,
  membershipIds: string[],
  from: string,
  to: string,
) {
  const ids = sql.param(membershipIds);
  const inWindow = sql`(t.deadline between ${from}::date and ${to}::date
    or (t.status = 'done' and t.completed_on between ${from}::date and ${to}::date))`;
  const { rows } = await db.execute<{
    id: string;
    title: string;
    membership_id: string;
    role: 'lead' | 'cooperate';
    deadline: string;
    original_deadline: string;
    status: string;
    completed_on: string | null;
  }>(sql`
    select t.id, t.title, coalesce(t.responsible_membership_id, t.lead_membership_id) as membership_id,
      'lead' as role, t.deadline::text, t.original_deadline::text, t.status, t.completed_on::text
    from ${tasks} t
    where t.committee_id = ${committeeId} and t.status <> 'cancelled' and ${inWindow}
      and coalesce(t.responsible_membership_id, t.lead_membership_id) = any(${ids}::uuid[])
    union all
    select t.id, t.title, c.membership_id, 'cooperate', t.deadline::text, t.original_deadline::text, t.status,
      t.completed_on::text
    from ${taskCooperators} c join ${tasks} t on t.id = c.task_id
    where c.membership_id = any(${ids}::uuid[]) and t.committee_id = ${committeeId}
      and t.status <> 'cancelled' and ${inWindow}
    order by deadline, id`);
  return rows.map(
    (r): MemberTaskRow => ({
      id: r.id,
      title: r.title,
      membershipId: r.membership_id,
      role: r.role,
      deadline: r.deadline,
      originalDeadline: r.original_deadline,
      status: r.status,
      completedOn: r.completed_on,
    }),
  );
}

/** The returns for rework and approved extensions of these tasks, oldest first. */
export async function findReturnsAndExtensions(db: DbOrTx, taskIds: string[]) {
  if (!taskIds.length) return [];
  const { rows } = await db.execute<{
    id: string;
    task_id: string;
    kind: 'returned' | 'extensionApproved';
    reason: string | null;
    created_at: string;
  }>(sql`
    select e.id, e.task_id, e.kind, e.reason, e.created_at::text
    from ${taskEvents} e
    where e.task_id = any(${sql.param(taskIds)}::uuid[]) and e.kind in ('returned', 'extensionApproved')
    order by e.created_at, e.id`);
  return rows;
}
