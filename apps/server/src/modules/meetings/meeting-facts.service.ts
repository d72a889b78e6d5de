import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { findAttendanceFacts, minuteTakerName } from './attendees.repo.ts';
import { confirmationDeadlineOf } from './deadlines.service.ts';
import { hasStarted, vnDate } from './meeting-time.ts';
import { findMeeting } from './meetings.repo.ts';
import { findConclusions, minutesApprovedAt, minutesSubmitterName } from './minutes.repo.ts';

// The facts of a meeting other modules build on (the official documents drafted from it, the tasks its
// conclusions create), published through meetings.service.ts.

/**
 * What other modules need to know about a meeting's times: the meeting day, whether it was recorded afterwards
 * and why, the confirmation deadline (R10), the date its conclusions were (or would be, today) approved, and who
 * took the minutes.
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

/** Who was invited (name, member or guest), their answer and whether they checked in. */
export const attendanceFacts = findAttendanceFacts;

/** The name of whoever submitted the minutes (the standing agency's secretary), if they were submitted. */
export const minutesSubmitter = minutesSubmitterName;

/** The conclusions of the meeting in their order, each with its task proposals (R13). */
export const conclusionsOf = findConclusions;
