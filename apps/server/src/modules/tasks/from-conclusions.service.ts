import { DEFAULT_CONCLUSION_TASK_WORKING_DAYS } from '@steerco/contract/meetings';
import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { ConclusionsApproved } from '../meetings/meetings.events.ts';
import { insertTask } from './creation.service.ts';
import { findConclusionsWithTasks } from './tasks.repo.ts';

/** A conclusion's task without a deadline is due this many working days after it is assigned. */
export { DEFAULT_CONCLUSION_TASK_WORKING_DAYS };

/**
 * R13/R5: the reaction to approved conclusions (src/wiring.ts) — each task proposal becomes a task linked to
 * its conclusion and meeting, assigned on the approval date ("Ngày giao") and counted from it. Runs inside the
 * approval transaction: a bad proposal (e.g. a deadline before that date) fails the approval with a 4xx and
 * nothing is written.
 */
export async function createTasksFromConclusions(
  tx: DbOrTx,
  { actor, meeting, conclusions }: ConclusionsApproved,
) {
  // Approval happens once (approved conclusions are locked), but never create a conclusion's tasks twice.
  const done = await findConclusionsWithTasks(
    tx,
    conclusions.map((c) => c.id),
  );
  // Approved now, after the meeting started: the day the tasks are given.
  const assignedOn = clock.today();
  for (const c of conclusions) {
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
          meetingId: meeting.id,
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
