import type { LateNoticeRequest } from '@steerco/contract/meetings';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { memberships } from '../committees/committees.schema.ts';
import { users } from '../users/users.schema.ts';
import { lateNoticeRequests, meetingAttendees, meetingMinutes, meetings } from './meetings.schema.ts';

/*
 * The SQL of the meetings module's newer use cases (late-notice requests, the minute-taker, the times a meeting
 * follows). The older queries still live in meetings.service.ts and minutes.service.ts until they are split.
 */

export type MeetingRow = typeof meetings.$inferSelect;
type RequestRow = typeof lateNoticeRequests.$inferSelect;

export async function findMeeting(db: DbOrTx, meetingId: string, opts: { forUpdate?: boolean } = {}) {
  const query = db.select().from(meetings).where(eq(meetings.id, meetingId));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function userName(db: DbOrTx, userId: string | null) {
  if (!userId) return null;
  const [row] = await db.select({ name: users.fullName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

/** The person holding a seat (the chair's seat of a meeting). */
export async function seatHolder(db: DbOrTx, membershipId: string | null) {
  if (!membershipId) return null;
  const [row] = await db
    .select({ userId: users.id, fullName: users.fullName, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, membershipId));
  return row ?? null;
}

/** When the chair approved the minutes and conclusions, if they did. */
export async function minutesApprovedAt(db: DbOrTx, meetingId: string) {
  const [row] = await db
    .select({ approvedAt: meetingMinutes.approvedAt })
    .from(meetingMinutes)
    .where(and(eq(meetingMinutes.meetingId, meetingId), eq(meetingMinutes.status, 'approved')));
  return row?.approvedAt ?? null;
}

// ——— Late-notice requests (R9) ———

const requester = alias(users, 'requester');
const chair = alias(users, 'request_chair');
const decider = alias(users, 'decider');

const selectRequests = (db: DbOrTx) =>
  db
    .select({
      r: lateNoticeRequests,
      requestedBy: requester.fullName,
      chairName: chair.fullName,
      decidedBy: decider.fullName,
    })
    .from(lateNoticeRequests)
    .innerJoin(requester, eq(requester.id, lateNoticeRequests.requestedBy))
    .innerJoin(chair, eq(chair.id, lateNoticeRequests.chairUserId))
    .leftJoin(decider, eq(decider.id, lateNoticeRequests.decidedBy));

export function toLateNoticeRequestDto(row: {
  r: RequestRow;
  requestedBy: string | null;
  chairName: string | null;
  decidedBy: string | null;
}): LateNoticeRequest {
  return {
    id: row.r.id,
    status: row.r.status,
    reason: row.r.reason,
    requestedBy: row.requestedBy,
    requestedAt: row.r.requestedAt.toISOString(),
    chairName: row.chairName,
    decidedBy: row.decidedBy,
    decidedAt: row.r.decidedAt?.toISOString() ?? null,
    comment: row.r.comment,
  };
}

/** The meeting's latest request, as the meeting page shows it. */
export async function latestLateNoticeRequest(db: DbOrTx, meetingId: string) {
  const [row] = await selectRequests(db)
    .where(eq(lateNoticeRequests.meetingId, meetingId))
    .orderBy(desc(lateNoticeRequests.requestedAt), desc(lateNoticeRequests.id))
    .limit(1);
  return row ? toLateNoticeRequestDto(row) : null;
}

export async function findLateNoticeRequest(
  db: DbOrTx,
  requestId: string,
  opts: { forUpdate?: boolean } = {},
) {
  const query = db.select().from(lateNoticeRequests).where(eq(lateNoticeRequests.id, requestId));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function lateNoticeRequestDto(db: DbOrTx, requestId: string) {
  const [row] = await selectRequests(db).where(eq(lateNoticeRequests.id, requestId));
  return row ? toLateNoticeRequestDto(row) : null;
}

export async function pendingLateNoticeRequest(db: DbOrTx, meetingId: string) {
  const [row] = await db
    .select()
    .from(lateNoticeRequests)
    .where(and(eq(lateNoticeRequests.meetingId, meetingId), eq(lateNoticeRequests.status, 'pending')));
  return row;
}

export async function insertLateNoticeRequest(db: DbOrTx, row: typeof lateNoticeRequests.$inferInsert) {
  await db.insert(lateNoticeRequests).values(row);
}

/** Records the chair's decision on a request still pending; returns it, or nothing if it was already decided. */
export async function decideLateNoticeRequest(
  db: DbOrTx,
  requestId: string,
  decision: { status: 'approved' | 'refused'; decidedBy: string; decidedAt: Date; comment: string | null },
) {
  const [row] = await db
    .update(lateNoticeRequests)
    .set(decision)
    .where(and(eq(lateNoticeRequests.id, requestId), eq(lateNoticeRequests.status, 'pending')))
    .returning();
  return row;
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
    .select({ name: users.fullName })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.minuteTaker, true)));
  return row?.name ?? null;
}
