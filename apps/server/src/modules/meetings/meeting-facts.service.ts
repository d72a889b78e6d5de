import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { hasStarted, vnDate } from './meeting-time.ts';
import { findMeeting, minutesApprovedAt, minuteTakerName } from './meetings.repo.ts';
import { confirmationDeadlineOf } from './meetings.service.ts';

/**
 * What other modules need to know about a meeting's times (the official documents drafted from it, the tasks
 * its conclusions create): the meeting day, whether it was recorded afterwards and why, the confirmation
 * deadline (R10), the date its conclusions were (or would be, today) approved, and who took the minutes.
 */
export async function meetingTimeline(db: DbOrTx, meetingId: string) {
  const m = await findMeeting(db, meetingId);
  if (!m) throw new AppError('meeting.notFound');
  const meetingDay = vnDate(m.startsAt);
  const approvedAt = await minutesApprovedAt(db, meetingId);
  const today = clock.today();
  return {
    startsAt: m.startsAt,
    meetingDay,
    started: hasStarted(m, clock.now()),
    recordedAfterwards: m.recordedAfterwards
      ? { reason: m.recordedReason ?? '', recordedOn: vnDate(m.recordedAt ?? m.createdAt) }
      : null,
    confirmationDeadline: await confirmationDeadlineOf(db, m),
    /** Tasks from the conclusions are assigned on this day: the approval's, or today's until approved. */
    assignedOn: approvedAt ? vnDate(approvedAt) : today > meetingDay ? today : meetingDay,
    minuteTaker: await minuteTakerName(db, meetingId),
  };
}
