import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { mayActForHead } from '../committees/delegations.service.ts';
import { findInvitationOf } from './attendees.repo.ts';
import { vnDate } from './meeting-time.ts';
import { canManage } from './meetings.policy.ts';
import { findMeeting, type MeetingRow, seatHolder } from './meetings.repo.ts';

/** A meeting as the actor may see it: the row, the actor's standing on its committee, and their invitation. */
export type LoadedMeeting = Awaited<ReturnType<typeof loadMeeting>>;

/**
 * Loads the meeting for the actor: every meeting request starts here. Members of the committee (and those above
 * it) see its meetings; guests see the meetings they are invited to, nothing else of the committee. Anyone else
 * is told it does not exist.
 */
export async function loadMeeting(db: DbOrTx, actor: Actor, meetingId: string) {
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) throw new AppError('meeting.notFound');
  const invited = await findInvitationOf(db, meetingId, actor.userId);
  const access = await loadCommitteeAccess(db, actor, meeting.committeeId).catch((err) => {
    if (invited) return null;
    throw err instanceof AppError && err.code === 'committee.notFound'
      ? new AppError('meeting.notFound')
      : err;
  });
  return { meeting, access: access?.access ?? null, myAttendeeId: invited };
}

/** The meeting's chair, the head, or a delegate to approve absences on the meeting day (R11). */
export async function actorChairs(db: DbOrTx, actor: Actor, m: MeetingRow) {
  const chair = await seatHolder(db, m.chairMembershipId);
  if (chair?.userId === actor.userId) return true;
  const answer = await mayActForHead(db, {
    committeeId: m.committeeId,
    userId: actor.userId,
    scope: 'approveAbsences',
    date: vnDate(m.startsAt),
  });
  return answer.allowed;
}

/** May the actor read everyone's opinions, the attendance and the minutes in draft: the standing agency and the chair. */
export async function managesOrChairs(db: DbOrTx, actor: Actor, loaded: LoadedMeeting) {
  return canManage(actor, loaded.access) || (await actorChairs(db, actor, loaded.meeting));
}
