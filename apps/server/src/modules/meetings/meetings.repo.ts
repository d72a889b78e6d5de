import type { WorkingCalendar } from '@steerco/calendar';
import type { Meeting } from '@steerco/contract/meetings';
import type { RuleSettings } from '@steerco/contract/regulation';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { seatsView } from '../committees/seats.service.ts';
import { usersView } from '../users/users.service.ts';
import { confirmationDeadline, dayOffName, effectiveStatus, vnDate } from './meeting-time.ts';
import { meetingNotices, meetings } from './meetings.schema.ts';

// The meeting rows: the meeting itself, its lists and the notices sent for it, and the meeting as the contract
// shows it (toMeetingDto). Attendees, agenda, minutes and late-notice requests have their own repos.

export type MeetingRow = typeof meetings.$inferSelect;
type MeetingInsert = typeof meetings.$inferInsert;

export async function findMeeting(db: DbOrTx, meetingId: string, opts: { forUpdate?: boolean } = {}) {
  const query = db.select().from(meetings).where(eq(meetings.id, meetingId));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Locks the meeting row for the rest of the transaction (minutes and conclusions change one at a time). */
export async function lockMeeting(tx: DbOrTx, meetingId: string) {
  await tx.execute(sql`select 1 from meetings where id = ${meetingId} for update`);
}

export async function insertMeeting(tx: DbOrTx, row: MeetingInsert) {
  await tx.insert(meetings).values(row);
}

/** Changes the meeting's columns (`bumpSequence`: calendars must replace their copy); returns the row. */
export async function updateMeetingRow(
  tx: DbOrTx,
  meetingId: string,
  set: Partial<MeetingInsert>,
  opts: { bumpSequence?: boolean; onlyIfStatus?: MeetingRow['status'] } = {},
) {
  const [row] = await tx
    .update(meetings)
    .set({
      ...set,
      ...(opts.bumpSequence ? { sequence: sql`${meetings.sequence} + 1` } : {}),
      updatedAt: sql`now()`,
    })
    .where(
      and(eq(meetings.id, meetingId), opts.onlyIfStatus ? eq(meetings.status, opts.onlyIfStatus) : undefined),
    )
    .returning();
  return row;
}

// ——— The meeting as the contract shows it ———

const chairSeat = seatsView('chair_seat');
const chairUser = usersView('chair_user');
const recorder = usersView('recorder');
const dayOffChair = usersView('day_off_chair');

export interface MeetingNames {
  chairName: string | null;
  recordedByName: string | null;
  dayOffChairName: string | null;
}

const selectMeetings = (db: DbOrTx) =>
  db
    .select({
      m: meetings,
      chairName: chairUser.fullName,
      recordedByName: recorder.fullName,
      dayOffChairName: dayOffChair.fullName,
    })
    .from(meetings)
    .leftJoin(chairSeat, eq(chairSeat.id, meetings.chairMembershipId))
    .leftJoin(chairUser, eq(chairUser.id, chairSeat.userId))
    .leftJoin(recorder, eq(recorder.id, meetings.recordedBy))
    .leftJoin(dayOffChair, eq(dayOffChair.id, meetings.dayOffConfirmedBy));

/** The names a meeting shows: its chair, who recorded it afterwards, who confirmed its day off. */
export async function findMeetingNames(db: DbOrTx, meetingId: string): Promise<MeetingNames> {
  const [row] = await selectMeetings(db).where(eq(meetings.id, meetingId));
  return {
    chairName: row?.chairName ?? null,
    recordedByName: row?.recordedByName ?? null,
    dayOffChairName: row?.dayOffChairName ?? null,
  };
}

/** Meetings by committee, by invitation of `invitedUserId`, and by day (Viet Nam), oldest first, at most 500. */
export async function findMeetings(
  db: DbOrTx,
  filter: { committeeId?: string; invitedUserId?: string; from?: string; to?: string },
) {
  const where: SQL[] = [];
  if (filter.committeeId) where.push(eq(meetings.committeeId, filter.committeeId));
  if (filter.invitedUserId) {
    where.push(
      sql`${meetings.id} in (select meeting_id from meeting_attendees where user_id = ${filter.invitedUserId})`,
    );
  }
  if (filter.from) where.push(gte(meetings.startsAt, new Date(`${filter.from}T00:00:00+07:00`)));
  if (filter.to) where.push(lte(meetings.startsAt, new Date(`${filter.to}T23:59:59+07:00`)));
  const rows = await selectMeetings(db)
    .where(and(...where))
    .orderBy(asc(meetings.startsAt))
    .limit(500);
  return rows.map(({ m, ...names }) => ({ ...m, ...names }));
}

/** The meeting as lists and the meeting page show it, its status as of `now`. */
export function toMeetingDto(
  m: MeetingRow & MeetingNames,
  settings: Pick<RuleSettings, 'confirmationLeadDays'>,
  calendar: WorkingCalendar,
  now: Date,
): Meeting {
  return {
    id: m.id,
    committeeId: m.committeeId,
    kind: m.kind,
    title: m.title,
    status: effectiveStatus(m, now),
    partial: m.partial,
    chairMembershipId: m.chairMembershipId,
    chairName: m.chairName,
    place: m.place,
    onlineLink: m.onlineLink,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    noticeSentAt: m.noticeSentAt?.toISOString() ?? null,
    noticeVersion: m.noticeVersion,
    lateNotice:
      m.lateNoticeReason && m.lateNoticeRequiredBy
        ? {
            requiredBy: m.lateNoticeRequiredBy,
            workingDaysGiven: m.lateNoticeWorkingDays ?? 0,
            reason: m.lateNoticeReason,
          }
        : null,
    confirmationDeadline: confirmationDeadline(
      m.startsAt,
      settings.confirmationLeadDays,
      calendar,
    ).toISOString(),
    cancelledReason: m.cancelledReason,
    recordedAfterwards:
      m.recordedAfterwards && m.recordedReason
        ? {
            reason: m.recordedReason,
            recordedAt: (m.recordedAt ?? m.createdAt).toISOString(),
            recordedBy: m.recordedByName,
          }
        : null,
    dayOff:
      m.dayOffReason && m.dayOffConfirmedAt
        ? {
            name: dayOffName(calendar, vnDate(m.startsAt)) ?? 'Ngày nghỉ',
            reason: m.dayOffReason,
            confirmedBy: m.dayOffChairName,
            confirmedAt: m.dayOffConfirmedAt.toISOString(),
          }
        : null,
  };
}

// ——— Notices (R9): each version sent, with the snapshot it froze ———

export async function findNotices(db: DbOrTx, meetingId: string) {
  const rows = await db
    .select({
      version: meetingNotices.version,
      kind: meetingNotices.kind,
      sentAt: meetingNotices.sentAt,
      changes: meetingNotices.changes,
    })
    .from(meetingNotices)
    .where(eq(meetingNotices.meetingId, meetingId))
    .orderBy(asc(meetingNotices.version));
  return rows.map((n) => ({ ...n, sentAt: n.sentAt.toISOString(), changes: n.changes ?? [] }));
}

/** The last notice sent: its version and the snapshot of the meeting it froze. */
export async function findLatestNotice(tx: DbOrTx, meetingId: string) {
  const [last] = await tx
    .select({ snapshot: meetingNotices.snapshot, version: meetingNotices.version })
    .from(meetingNotices)
    .where(eq(meetingNotices.meetingId, meetingId))
    .orderBy(sql`${meetingNotices.version} desc`)
    .limit(1);
  return last;
}

export async function insertNotice(tx: DbOrTx, row: typeof meetingNotices.$inferInsert) {
  await tx.insert(meetingNotices).values(row);
}

// ——— The yearly calendar and the automatic reminder ———

/** When the committee's periodic meetings of `year` (not cancelled) start. */
export async function findPeriodicStarts(db: DbOrTx, committeeId: string, year: number) {
  const rows = await db
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.committeeId, committeeId),
        inArray(meetings.kind, ['quarterly', 'halfYearReview', 'annualReview']),
        sql`${meetings.status} <> 'cancelled'`,
        sql`extract(year from ${meetings.startsAt} at time zone 'Asia/Ho_Chi_Minh') = ${year}`,
      ),
    );
  return rows.map((r) => r.startsAt);
}

/** Noticed meetings within 60 days of `now` not yet reminded automatically. */
export async function findReminderCandidates(db: DbOrTx, now: Date) {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.status, 'noticeSent'),
        isNull(meetings.autoReminderSentAt),
        isNotNull(meetings.noticeSentAt),
        sql`${meetings.startsAt} > ${now.toISOString()}::timestamptz`,
        sql`${meetings.startsAt} < ${now.toISOString()}::timestamptz + interval '60 days'`,
      ),
    );
}

/** Claims the meeting's automatic reminder (once, whichever instance runs the job); returns it if claimed. */
export async function claimAutoReminder(tx: DbOrTx, meetingId: string, now: Date) {
  const [claimed] = await tx
    .update(meetings)
    .set({ autoReminderSentAt: now })
    .where(
      and(eq(meetings.id, meetingId), isNull(meetings.autoReminderSentAt), eq(meetings.status, 'noticeSent')),
    )
    .returning();
  return claimed;
}

// ——— Seats and people as meetings use them (the committees' and users' read models) ———

const seat = seatsView('meeting_seat');
const seatInForceOn = (date: string) =>
  sql`${seat.startDate} <= ${date}::date and (${seat.endDate} is null or ${seat.endDate} >= ${date}::date)`;

/** A seat of the committee (id and holder), if `seatId` is one. */
export async function findCommitteeSeat(db: DbOrTx, committeeId: string, seatId: string) {
  const [row] = await db
    .select({ id: seat.id, userId: seat.userId })
    .from(seat)
    .where(and(eq(seat.id, seatId), eq(seat.committeeId, committeeId)));
  return row;
}

/** The head's seat on `date`, if there is one. */
export async function findHeadSeat(db: DbOrTx, committeeId: string, date: string) {
  const [row] = await db
    .select({ id: seat.id })
    .from(seat)
    .where(and(eq(seat.committeeId, committeeId), eq(seat.role, 'head'), seatInForceOn(date)));
  return row?.id ?? null;
}

/** Seats in force on `date` (not guests), optionally only those of `userIds`. */
export async function findSeatsOn(db: DbOrTx, committeeId: string, date: string, userIds?: string[]) {
  return db
    .select({ id: seat.id, userId: seat.userId })
    .from(seat)
    .where(
      and(
        eq(seat.committeeId, committeeId),
        sql`${seat.role} <> 'guest'`,
        seatInForceOn(date),
        userIds ? inArray(seat.userId, userIds) : undefined,
      ),
    );
}

const holder = usersView('seat_holder');

/** The person holding a seat (the chair's seat of a meeting). */
export async function seatHolder(db: DbOrTx, membershipId: string | null) {
  if (!membershipId) return null;
  const [row] = await db
    .select({ userId: holder.id, fullName: holder.fullName, email: holder.email, role: seat.role })
    .from(seat)
    .innerJoin(holder, eq(holder.id, seat.userId))
    .where(eq(seat.id, membershipId));
  return row ?? null;
}
