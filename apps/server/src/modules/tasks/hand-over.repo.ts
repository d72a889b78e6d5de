import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { OPEN_SQL } from './tasks.repo.ts';
import { taskCooperators, tasks } from './tasks.schema.ts';

/**
 * Moves the open tasks of the committee from one seat to another — as lead, as responsible member and as
 * co-operating member (keeping one row when the new seat already co-operates) — and answers the tasks moved.
 */
export async function moveOpenTaskSeats(tx: DbOrTx, committeeId: string, fromSeat: string, toSeat: string) {
  const moved = new Set<string>();
  const open = and(eq(tasks.committeeId, committeeId), sql`${tasks.status} in ${OPEN_SQL}`);
  const lead = await tx
    .update(tasks)
    .set({ leadMembershipId: toSeat, updatedAt: sql`now()` })
    .where(and(open, eq(tasks.leadMembershipId, fromSeat)))
    .returning({ id: tasks.id });
  const responsible = await tx
    .update(tasks)
    .set({ responsibleMembershipId: toSeat, updatedAt: sql`now()` })
    .where(and(open, eq(tasks.responsibleMembershipId, fromSeat)))
    .returning({ id: tasks.id });
  for (const r of [...lead, ...responsible]) moved.add(r.id);
  const coops = await tx
    .update(taskCooperators)
    .set({ membershipId: toSeat })
    .where(
      and(
        eq(taskCooperators.membershipId, fromSeat),
        sql`${taskCooperators.taskId} in (select id from tasks where committee_id = ${committeeId} and status in ${OPEN_SQL})`,
        // The replacement may already co-operate on the task: keep that row rather than duplicate it.
        sql`not exists (select 1 from task_cooperators x where x.task_id = ${taskCooperators.taskId} and x.membership_id = ${toSeat})`,
      ),
    )
    .returning({ taskId: taskCooperators.taskId });
  for (const r of coops) moved.add(r.taskId);
  return [...moved];
}
