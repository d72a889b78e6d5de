import { DEFAULT_CONCLUSION_TASK_WORKING_DAYS } from '@steerco/contract/meetings';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import * as clock from '../../clock.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { Actor } from '../../http/permissions.ts';
import { type HandOver, registerOpenItemMover } from '../committees/personnel.service.ts';
import { conclusions, meetings } from '../meetings/meetings.schema.ts';
import { onConclusionsApproved } from '../meetings/minutes.service.ts';
import { OPEN_SQL } from './tasks.repo.ts';
import { taskCooperators, taskEvents, tasks } from './tasks.schema.ts';
import { insertTask } from './tasks.service.ts';

/** A conclusion's task without a deadline is due this many working days after it is assigned. */
export { DEFAULT_CONCLUSION_TASK_WORKING_DAYS };

/**
 * R13/R5: when the chair approves the conclusions, each task proposal becomes a task linked to its conclusion
 * and meeting, assigned on the approval date ("Ngày giao") and counted from it. Runs inside the approval
 * transaction: a bad proposal (e.g. a deadline before that date) fails the approval with a 4xx and nothing is
 * written.
 */
export async function createTasksFromConclusions(tx: DbOrTx, meetingId: string, actor: Actor) {
  const [meeting] = await tx
    .select({ committeeId: meetings.committeeId, title: meetings.title })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  if (!meeting) return;
  const items = await tx
    .select()
    .from(conclusions)
    .where(eq(conclusions.meetingId, meetingId))
    .orderBy(asc(conclusions.position));
  // Approval happens once (approved conclusions are locked), but never create a conclusion's tasks twice.
  const done = new Set(
    (
      await tx
        .selectDistinct({ id: tasks.conclusionId })
        .from(tasks)
        .where(
          inArray(
            tasks.conclusionId,
            items.map((c) => c.id),
          ),
        )
    ).map((r) => r.id),
  );
  // Approved now, after the meeting started: the day the tasks are given.
  const assignedOn = clock.today();
  for (const c of items) {
    if (done.has(c.id)) continue;
    for (const p of c.tasks) {
      const byDefault = !p.deadline && !p.deadlineWorkingDays;
      await insertTask(
        tx,
        actor,
        {
          committeeId: meeting.committeeId,
          title: p.title,
          content: c.text,
          domain: c.domain,
          sourceKind: 'conclusion',
          conclusionId: c.id,
          meetingId,
          sourceDate: assignedOn,
          leadUnitId: p.leadUnitId ?? null,
          leadMembershipId: p.leadMembershipId ?? null,
          cooperatingUnitIds: p.cooperatingUnitIds ?? [],
          cooperatingMembershipIds: [],
          deadline: p.deadline ?? null,
          deadlineWorkingDays:
            p.deadlineWorkingDays ?? (byDefault ? DEFAULT_CONCLUSION_TASK_WORKING_DAYS : null),
        },
        `Từ kết luận ${c.position} của cuộc họp “${meeting.title}”${
          byDefault ? ` (hạn mặc định ${DEFAULT_CONCLUSION_TASK_WORKING_DAYS} ngày làm việc)` : ''
        }`,
      );
    }
  }
}

/**
 * R14: the outgoing member's open tasks (as lead, responsible or co-operating member) move to the replacement;
 * done and cancelled tasks keep the old seat, so history stays. Each moved task records a hand-over event.
 */
export async function moveOpenTasks(tx: Tx, h: HandOver) {
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
        createdAt: clock.now(),
        reason: `Chuyển giao theo thay đổi nhân sự từ ngày ${h.effectiveDate.split('-').reverse().join('/')}`,
        data: { fromMembershipId: h.fromMembershipId, toMembershipId: h.toMembershipId },
      })),
    );
  }
  return moved.size;
}

let registered = false;

/** Plugs the follow-up module into meetings (conclusions → tasks) and personnel changes (R14). Idempotent. */
export function registerTaskHooks() {
  if (registered) return;
  registered = true;
  onConclusionsApproved.push(createTasksFromConclusions);
  registerOpenItemMover('tasks', moveOpenTasks);
}
