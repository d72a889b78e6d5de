import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { conclusions, meetingAttendees, meetingMinutes } from '../meetings/meetings.schema.ts';
import { usersView } from '../users/users.service.ts';

// TEMPORARY (issue #14, step 5): the meeting records a document is drafted from, read from the meetings
// module's tables until that module's split publishes them in its services. Baselined in the boundary check.

const attendee = usersView('attendee');

/** Who was invited (name, member or guest), their answer and whether they checked in. */
export async function findAttendance(db: DbOrTx, meetingId: string) {
  return db
    .select({
      name: attendee.fullName,
      kind: meetingAttendees.kind,
      response: meetingAttendees.response,
      checkedInAt: meetingAttendees.checkedInAt,
    })
    .from(meetingAttendees)
    .innerJoin(attendee, eq(attendee.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meetingId));
}

const submitter = usersView('submitter');

/** The name of whoever submitted the minutes (the standing agency's secretary), if they were submitted. */
export async function findMinutesSubmitter(db: DbOrTx, meetingId: string) {
  const [row] = await db
    .select({ name: submitter.fullName })
    .from(meetingMinutes)
    .innerJoin(submitter, eq(submitter.id, meetingMinutes.submittedBy))
    .where(eq(meetingMinutes.meetingId, meetingId));
  return row?.name ?? null;
}

export async function findConclusionsOf(db: DbOrTx, meetingId: string) {
  return db
    .select()
    .from(conclusions)
    .where(eq(conclusions.meetingId, meetingId))
    .orderBy(asc(conclusions.position));
}
