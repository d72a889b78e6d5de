import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { SeatReplaced } from '../committees/committees.events.ts';
import { OPEN_SQL } from './tasks.repo.ts';
import { taskCooperators, taskEvents, tasks } from './tasks.schema.ts';

/**
 * R14, the reaction to a replaced seat (src/wiring.ts): the outgoing member's open tasks (as lead, responsible
 * or co-operating member) move to the replacement; done and cancelled tasks keep the old seat, so history
 * stays. Each moved task records a hand-over event. Returns how many tasks moved.
 */
export async function moveOpenTasks(tx: DbOrTx, h: SeatReplaced) {
  const moved = new Set<string>();
  const open = and(eq(tasks.committeeId, h.committeeId), sql`${tasks.status} in ${OPEN_SQL}`);
  const lead = await tx
    .update(tasks)
    .set({ leadMembershipId: h.toMembershipId, updatedAt: sql`now()` })
    .where(and(open, eq(tasks.leadMembershipId, h.fromMembershipId)))
    .returning({ id: tasks.id });
  const responsible = await tx
    .update(tasks)
    .set({ responsibleMembershipId: h.toMembershipId, updatedAt: sql`now()` })
    .where(and(open, eq(tasks.responsibleMembershipId, h.fromMembershipId)))
    .returning({ id: tasks.id });
  for (const r of [...lead, ...responsible]) moved.add(r.id);
  const coops = await tx
    .update(taskCooperators)
    .set({ membershipId: h.toMembershipId })
    .where(
      and(
        eq(taskCooperators.membershipId, h.fromMembershipId),
        sql`${taskCooperators.taskId} in (select id from tasks where committee_id = ${h.committeeId} and status in ${OPEN_SQL})`,
        // The replacement may already co-operate on the task: keep that row rather than duplicate it.
        sql`not exists (select 1 from task_cooperators x where x.task_id = ${taskCooperators.taskId} and x.membership_id = ${h.toMembershipId})`,
      ),
    )
    .returning({ taskId: taskCooperators.taskId });
  for (const r of coops) moved.add(r.taskId);
  if (moved.size) {
    await tx.insert(taskEvents).values(
      [...moved].map((taskId) => ({
        id: uuidv7(),
        taskId,
        kind: 'handedOver' as const,
        reason: `Chuyển giao theo thay đổi nhân sự từ ngày ${h.effectiveDate.split('-').reverse().join('/')} (R14)`,
        data: { fromMembershipId: h.fromMembershipId, toMembershipId: h.toMembershipId },
      })),
    );
  }
  return moved.size;
}
