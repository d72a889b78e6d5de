import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { usersView } from '../users/users.service.ts';
import { lateNoticeRequests, meetingAttendees, meetingMinutes, meetings } from './meetings.schema.ts';

// What waits in meetings for one person (the inbox, issue 19): each query reads the pending rows through their
// own index and is bounded by the person's committees or their own id.

const inCommittees = (ids: string[]) => sql`${meetings.committeeId} = any(${sql.param(ids)}::uuid[])`;

/** R11: absences and substitutes waiting for the chair's decision in these committees' open meetings. */
export async function findPendingAbsences(db: DbOrTx, committeeIds: string[]) {
  if (!committeeIds.length) return [];
  const person = usersView('absentee');
  return db
    .select({
      id: meetingAttendees.id,
      response: meetingAttendees.response,
      reason: meetingAttendees.reason,
      substituteName: meetingAttendees.substituteName,
      respondedAt: meetingAttendees.respondedAt,
      name: person.fullName,
      meeting: meetings,
    })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .innerJoin(person, eq(person.id, meetingAttendees.userId))
    .where(
      and(
        eq(meetingAttendees.approval, 'pending'),
        inArray(meetings.status, ['noticeSent', 'held']),
        inCommittees(committeeIds),
      ),
    )
    .orderBy(desc(meetingAttendees.respondedAt));
}

/** R9: late-notice requests sent to this chair and not yet decided. */
export async function findPendingLateNotices(db: DbOrTx, chairUserId: string) {
  const requester = usersView('requester');
  return db
    .select({
      id: lateNoticeRequests.id,
      reason: lateNoticeRequests.reason,
      requestedAt: lateNoticeRequests.requestedAt,
      requestedBy: requester.fullName,
      meetingId: meetings.id,
      title: meetings.title,
      committeeId: meetings.committeeId,
    })
    .from(lateNoticeRequests)
    .innerJoin(meetings, eq(meetings.id, lateNoticeRequests.meetingId))
    .innerJoin(requester, eq(requester.id, lateNoticeRequests.requestedBy))
    .where(and(eq(lateNoticeRequests.chairUserId, chairUserId), eq(lateNoticeRequests.status, 'pending')));
}

/** R5, R13: minutes submitted for approval in these committees. */
export async function findSubmittedMinutes(db: DbOrTx, committeeIds: string[]) {
  if (!committeeIds.length) return [];
  const submitter = usersView('submitter');
  return db
    .select({ submittedAt: meetingMinutes.submittedAt, submittedBy: submitter.fullName, meeting: meetings })
    .from(meetingMinutes)
    .innerJoin(meetings, eq(meetings.id, meetingMinutes.meetingId))
    .leftJoin(submitter, eq(submitter.id, meetingMinutes.submittedBy))
    .where(and(eq(meetingMinutes.status, 'submitted'), inCommittees(committeeIds)));
}

/** R10: the person's invitations to noticed meetings still to come that they have not answered. */
export async function findUnansweredInvitations(db: DbOrTx, userId: string, now: Date) {
  return db
    .select({ id: meetingAttendees.id, meeting: meetings })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(
      and(
        eq(meetingAttendees.userId, userId),
        isNull(meetingAttendees.response),
        eq(meetings.status, 'noticeSent'),
        sql`${meetings.startsAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
}
