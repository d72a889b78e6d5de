import { todayInVietnam } from '@steerco/contract/datetime';
import type { CarriedTask } from '@steerco/contract/tasks';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getMeeting, loadMeetingToManage, replaceCarriedOverSection } from '../meetings/meetings.service.ts';
import { findOpenTasksDueBy, insertCarriedTasks, MAX_CARRIED } from './carry-over.repo.ts';
import { windowOf } from './standing.service.ts';
import { derivedStatusOf } from './tasks.repo.ts';

/** The agenda section's title, as Vietnamese committees write it. */
export const CARRY_OVER_TITLE = 'Nhiệm vụ chưa hoàn thành từ các kỳ trước';
const PERIODIC = new Set(['quarterly', 'halfYearReview', 'annualReview']);

/**
 * R8: the committee's tasks still open that were due by the meeting day — unfinished and overdue work the
 * periodic meeting must review — oldest deadline first.
 */
export async function proposeCarryOver(db: Db, actor: Actor, meetingId: string): Promise<CarriedTask[]> {
  const { meeting } = await loadMeetingToManage(db, actor, meetingId);
  const meetingDay = todayInVietnam(meeting.startsAt);
  const rows = await findOpenTasksDueBy(db, meeting.committeeId, meetingDay, MAX_CARRIED);
  const window = await windowOf(db, meeting.committeeId);
  return rows.map((r) => ({
    taskId: r.t.id,
    title: r.t.title,
    leadName: r.leadUnitName ?? r.leadName ?? null,
    deadline: r.t.deadline,
    status: r.t.status,
    derivedStatus: derivedStatusOf(r.t, window),
    progress: r.t.progress,
  }));
}

/**
 * Puts the chosen open tasks (all proposed ones when none are named) into the meeting's carried-over agenda
 * section, created first in the agenda or replaced. Only while the meeting is being prepared: after the notice
 * the agenda is frozen (R9) and changes go through an amended notice.
 */
export async function applyCarryOver(db: Db, actor: Actor, meetingId: string, body: { taskIds?: string[] }) {
  const { meeting } = await loadMeetingToManage(db, actor, meetingId);
  if (meeting.status !== 'draft') throw new AppError('meeting.noticeAlreadySent');
  if (!PERIODIC.has(meeting.kind)) throw new AppError('task.carryOverPeriodicOnly');
  const proposed = await proposeCarryOver(db, actor, meetingId);
  const chosen = body.taskIds
    ? body.taskIds.map((id) => {
        const found = proposed.find((p) => p.taskId === id);
        if (!found) {
          throw new AppError('task.notCarriable', {
            detail: 'Chỉ đưa vào được nhiệm vụ của Ban Chỉ đạo chưa hoàn thành và đến hạn trước ngày họp.',
          });
        }
        return found;
      })
    : proposed;
  await db.transaction(async (tx) => {
    // One carried-over section per meeting: the old one goes, the new one (when tasks are chosen) comes first.
    const itemId = await replaceCarriedOverSection(
      tx,
      meetingId,
      chosen.length ? { title: CARRY_OVER_TITLE, presenter: 'Cơ quan thường trực' } : null,
    );
    if (itemId) await insertCarriedTasks(tx, itemId, chosen);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.carryOver',
      entityType: 'meeting',
      entityId: meetingId,
      data: { taskIds: chosen.map((c) => c.taskId) },
    });
  });
  return getMeeting(db, actor, meetingId);
}
