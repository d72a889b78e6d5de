import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { setMinuteTaker } from './meetings.repo.ts';
import { assertManage, loadMeeting } from './meetings.service.ts';
import { assertCheckInOpen, getAttendance } from './minutes.service.ts';

/**
 * The minute-taker (thư ký cuộc họp, R5: the standing agency keeps the minutes): one attendee, marked by the
 * standing agency when check-in is open, and so present — never "absent without leave" for being busy writing.
 * The minutes name them as "Thư ký (người ghi biên bản)".
 */
export async function markMinuteTaker(db: Db, actor: Actor, meetingId: string, attendeeId: string) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  await assertCheckInOpen(db, meeting, false);
  await db.transaction(async (tx) => {
    const marked = await setMinuteTaker(tx, meetingId, attendeeId, { userId: actor.userId, at: clock.now() });
    if (!marked) throw new AppError('meeting.notInvited');
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.minuteTakerMarked',
      entityType: 'meeting',
      entityId: meetingId,
      data: { attendeeId },
    });
  });
  return getAttendance(db, actor, meetingId);
}
