import type { Attendee } from '@steerco/contract/meetings';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { seatsView } from '../committees/seats.service.ts';
import { usersView } from '../users/users.service.ts';
import { meetingAttendees, meetings } from './meetings.schema.ts';

// The people invited to a meeting: the list, their answers (R10, R11), check-in and the minute-taker, and the
// people an invitation e-mail goes to.

export type AttendeeRow = typeof meetingAttendees.$inferSelect;
type AttendeeInsert = typeof meetingAttendees.$inferInsert;

const person = usersView('attendee_person');
const seat = seatsView('attendee_seat');

/** The list of invited people is replaced whole (members by seat, then guests). */
export async function replaceAttendees(tx: DbOrTx, meetingId: string, rows: AttendeeInsert[]) {
  await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
  if (rows.length) await tx.insert(meetingAttendees).values(rows);
}

/** The actor's invitation to the meeting, if any. */
export async function findInvitationOf(db: DbOrTx, meetingId: string, userId: string) {
  const [row] = await db
    .select({ id: meetingAttendees.id })
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, userId)));
  return row?.id ?? null;
}

export async function findAttendee(
  db: DbOrTx,
  meetingId: string,
  attendeeId: string,
  opts: { forUpdate?: boolean } = {},
) {
  const query = db
    .select()
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.id, attendeeId), eq(meetingAttendees.meetingId, meetingId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The attendee and the unit of the seat they were invited on (the substitute policy, R11). */
export async function findAttendeeWithUnit(db: DbOrTx, meetingId: string, attendeeId: string) {
  const [row] = await db
    .select({ a: meetingAttendees, unitId: seat.unitId })
    .from(meetingAttendees)
    .leftJoin(seat, eq(seat.id, meetingAttendees.membershipId))
    .where(and(eq(meetingAttendees.id, attendeeId), eq(meetingAttendees.meetingId, meetingId)));
  return row;
}

/** The attendee a personal link names, with their name and their meeting. */
export async function findAttendeeWithMeeting(db: DbOrTx, attendeeId: string) {
  const [row] = await db
    .select({ a: meetingAttendees, fullName: person.fullName, m: meetings })
    .from(meetingAttendees)
    .innerJoin(person, eq(person.id, meetingAttendees.userId))
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(eq(meetingAttendees.id, attendeeId));
  return row;
}

/** Records an answer, or the chair's decision on it. */
export async function updateAttendee(tx: DbOrTx, attendeeId: string, set: Partial<AttendeeInsert>) {
  await tx.update(meetingAttendees).set(set).where(eq(meetingAttendees.id, attendeeId));
}

export async function attendeeUserIds(db: DbOrTx, meetingId: string) {
  const rows = await db
    .select({ userId: meetingAttendees.userId })
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, meetingId));
  return rows.map((r) => r.userId);
}

/** The invited people as the meeting page lists them: by role, then by name. */
export async function findAttendeeDtos(db: DbOrTx, meetingId: string): Promise<Attendee[]> {
  const rows = await db
    .select({ a: meetingAttendees, fullName: person.fullName, position: person.position, role: seat.role })
    .from(meetingAttendees)
    .innerJoin(person, eq(person.id, meetingAttendees.userId))
    .leftJoin(seat, eq(seat.id, meetingAttendees.membershipId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(
      sql`array_position(array['head','deputyHead','secretary','member','residentialGroupHead'], ${seat.role})`,
      sql`steerco_name_key(${person.fullName}) collate steerco_vi`,
    );
  return rows.map(({ a, fullName, position, role }) => ({
    id: a.id,
    userId: a.userId,
    fullName,
    position,
    kind: a.kind,
    role,
    response: a.response,
    reason: a.reason,
    substitute: a.substituteName
      ? {
          name: a.substituteName,
          position: a.substitutePosition,
          userId: a.substituteUserId,
          briefed: !!a.substituteBriefed,
        }
      : null,
    respondedAt: a.respondedAt?.toISOString() ?? null,
    respondedLate: a.respondedLate,
    approval: a.approval,
    approvalNote: a.approvalNote,
  }));
}

/** The attendees with their names, by name (the attendance list and the written opinions owed). */
export async function findAttendeesByName(db: DbOrTx, meetingId: string) {
  return db
    .select({ a: meetingAttendees, fullName: person.fullName })
    .from(meetingAttendees)
    .innerJoin(person, eq(person.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(sql`steerco_name_key(${person.fullName}) collate steerco_vi`);
}

/** The people an invitation goes to, with their e-mail and whether they answered. */
export async function findInvitees(db: DbOrTx, meetingId: string) {
  return db
    .select({
      attendeeId: meetingAttendees.id,
      userId: meetingAttendees.userId,
      fullName: person.fullName,
      email: person.email,
      response: meetingAttendees.response,
    })
    .from(meetingAttendees)
    .innerJoin(person, eq(person.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(meetingAttendees.id));
}

/**
 * Marks as reminded, now, everyone who has not answered and was not chased in the last `quietMinutes` (the chair
 * aside); returns who.
 */
export async function markNonRespondersReminded(
  tx: DbOrTx,
  m: { id: string; chairMembershipId: string | null },
  now: Date,
  quietMinutes: number,
) {
  const rows = await tx
    .update(meetingAttendees)
    .set({ remindedAt: now })
    .where(
      and(
        eq(meetingAttendees.meetingId, m.id),
        isNull(meetingAttendees.response),
        sql`${meetingAttendees.membershipId} is distinct from ${m.chairMembershipId}`,
        sql`(${meetingAttendees.remindedAt} is null or ${meetingAttendees.remindedAt} < ${now}::timestamptz - make_interval(mins => ${quietMinutes}))`,
      ),
    )
    .returning({ userId: meetingAttendees.userId });
  return rows.map((r) => r.userId);
}

/** Checks the attendee in (the first check-in's time is kept); false if not invited. */
export async function checkInAttendee(
  db: DbOrTx,
  meetingId: string,
  attendeeId: string,
  by: { userId: string; at: Date },
) {
  const updated = await db
    .update(meetingAttendees)
    .set({
      checkedInAt: sql`coalesce(${meetingAttendees.checkedInAt}, ${by.at})`,
      checkedInBy: by.userId,
    })
    .where(and(eq(meetingAttendees.id, attendeeId), eq(meetingAttendees.meetingId, meetingId)))
    .returning({ id: meetingAttendees.id });
  return updated.length > 0;
}

// ——— The minute-taker (thư ký cuộc họp) ———

/** Marks one attendee as the minute-taker (and present), the others no longer. */
export async function setMinuteTaker(
  db: DbOrTx,
  meetingId: string,
  attendeeId: string,
  by: { userId: string; at: Date },
) {
  await db
    .update(meetingAttendees)
    .set({ minuteTaker: false })
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.minuteTaker, true)));
  const [row] = await db
    .update(meetingAttendees)
    .set({
      minuteTaker: true,
      checkedInAt: sql`coalesce(${meetingAttendees.checkedInAt}, ${by.at})`,
      checkedInBy: sql`coalesce(${meetingAttendees.checkedInBy}, ${by.userId}::uuid)`,
    })
    .where(and(eq(meetingAttendees.id, attendeeId), eq(meetingAttendees.meetingId, meetingId)))
    .returning({ id: meetingAttendees.id, userId: meetingAttendees.userId });
  return row;
}

/** The minute-taker's name, for the minutes' "Thư ký (người ghi biên bản)". */
export async function minuteTakerName(db: DbOrTx, meetingId: string) {
  const [row] = await db
    .select({ name: person.fullName })
    .from(meetingAttendees)
    .innerJoin(person, eq(person.id, meetingAttendees.userId))
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.minuteTaker, true)));
  return row?.name ?? null;
}

/** Who was invited (name, member or guest), their answer and whether they checked in: a document's facts. */
export async function findAttendanceFacts(db: DbOrTx, meetingId: string) {
  return db
    .select({
      name: person.fullName,
      kind: meetingAttendees.kind,
      response: meetingAttendees.response,
      checkedInAt: meetingAttendees.checkedInAt,
    })
    .from(meetingAttendees)
    .innerJoin(person, eq(person.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meetingId));
}
