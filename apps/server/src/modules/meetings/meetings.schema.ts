import type { TaskProposal } from '@steerco/contract/meetings';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { committees, memberships } from '../committees/committees.schema.ts';
import { files } from '../files/files.schema.ts';
import { users } from '../users/users.schema.ts';

const at = () => timestamp({ withTimezone: true });

export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    kind: text().notNull().$type<'quarterly' | 'halfYearReview' | 'annualReview' | 'adHoc' | 'thematic'>(),
    title: text().notNull(),
    status: text()
      .notNull()
      .default('draft')
      .$type<'draft' | 'noticeSent' | 'held' | 'closed' | 'cancelled'>(),
    partial: boolean().notNull().default(false),
    chairMembershipId: uuid().references(() => memberships.id),
    place: text(),
    onlineLink: text(),
    startsAt: at().notNull(),
    endsAt: at().notNull(),
    /** Bumped on every change sent to attendees: the ICS SEQUENCE. */
    sequence: integer().notNull().default(0),
    noticeVersion: integer().notNull().default(0),
    noticeSentAt: at(),
    lateNoticeRequiredBy: date(),
    lateNoticeWorkingDays: integer(),
    lateNoticeReason: text(),
    cancelledReason: text(),
    /** When the automatic reminder before the confirmation deadline (R10) went out; at most once per meeting. */
    autoReminderSentAt: at(),
    /** Entered after it took place ("ghi nhận sau"): no notice, no confirmation; why, who and when. */
    recordedAfterwards: boolean().notNull().default(false),
    recordedReason: text(),
    recordedBy: uuid().references(() => users.id),
    recordedAt: at(),
    /** Held on a day off (weekend, holiday, local override) as the chair confirmed, and why. */
    dayOffReason: text(),
    dayOffConfirmedBy: uuid().references(() => users.id),
    dayOffConfirmedAt: at(),
    createdBy: uuid().references(() => users.id),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    check(
      'meetings_kind_check',
      sql`${t.kind} in ('quarterly','halfYearReview','annualReview','adHoc','thematic')`,
    ),
    check('meetings_status_check', sql`${t.status} in ('draft','noticeSent','held','closed','cancelled')`),
    check('meetings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'meetings_recorded_reason_check',
      sql`not ${t.recordedAfterwards} or ${t.recordedReason} is not null`,
    ),
    index('meetings_committee_idx').on(t.committeeId, t.startsAt),
    // The header's search (issue 19): accent-folded title, trigram GIN (LIKE '%word%').
    index('meetings_title_search_idx').using('gin', sql`steerco_fold(${t.title}) gin_trgm_ops`),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    presenter: text(),
    durationMinutes: integer(),
    takesOpinions: boolean().notNull().default(false),
    carriedOver: boolean().notNull().default(false),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

/** Documents attached to an agenda item (the draft reports, plans and data the members read before the meeting). */
export const agendaItemDocuments = pgTable(
  'agenda_item_documents',
  {
    agendaItemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => files.id),
    position: integer().notNull(),
    addedBy: uuid().references(() => users.id),
    addedAt: at().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.fileId] })],
);

/** Who is invited, how they answered (R10), and the chair's decision on absences and substitutes (R11). */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    membershipId: uuid().references(() => memberships.id),
    kind: text().notNull().$type<'member' | 'guest'>(),
    response: text().$type<'attend' | 'absent' | 'substitute'>(),
    reason: text(),
    substituteName: text(),
    substitutePosition: text(),
    substituteUserId: uuid().references(() => users.id),
    substituteBriefed: boolean(),
    respondedAt: at(),
    respondedBy: uuid().references(() => users.id),
    respondedLate: boolean().notNull().default(false),
    approval: text().$type<'pending' | 'approved' | 'rejected'>(),
    approvalBy: uuid().references(() => users.id),
    approvalAt: at(),
    approvalNote: text(),
    checkedInAt: at(),
    checkedInBy: uuid().references(() => users.id),
    /** Last time this attendee was chased for an answer (R10), by the secretary or the automatic reminder. */
    remindedAt: at(),
    /** The one who takes the minutes (thư ký cuộc họp): present by being marked. */
    minuteTaker: boolean().notNull().default(false),
  },
  (t) => [
    unique('meeting_attendees_person_key').on(t.meetingId, t.userId),
    index('meeting_attendees_user_idx').on(t.userId),
    uniqueIndex('meeting_attendees_minute_taker_key').on(t.meetingId).where(sql`${t.minuteTaker}`),
  ],
);

/**
 * R9: a notice that would be late goes out only by the chair's decision. The secretary's reason becomes a
 * request to the chair (in the app and by e-mail with a signed link); the chair approves (the notice goes out,
 * the reason recorded as of then) or refuses with a comment. At most one request waits per meeting.
 */
export const lateNoticeRequests = pgTable(
  'late_notice_requests',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    reason: text().notNull(),
    requestedBy: uuid()
      .notNull()
      .references(() => users.id),
    requestedAt: at().notNull(),
    /** The chair the request went to (the link in the e-mail decides as this person). */
    chairUserId: uuid()
      .notNull()
      .references(() => users.id),
    status: text().notNull().default('pending').$type<'pending' | 'approved' | 'refused'>(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: at(),
    comment: text(),
  },
  (t) => [
    check('late_notice_requests_status_check', sql`${t.status} in ('pending','approved','refused')`),
    uniqueIndex('late_notice_requests_pending_key').on(t.meetingId).where(sql`${t.status} = 'pending'`),
    index('late_notice_requests_meeting_idx').on(t.meetingId, t.requestedAt),
  ],
);

/** Every notice sent (R9): the first, each amendment with what changed, and the cancellation. */
export const meetingNotices = pgTable(
  'meeting_notices',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    kind: text().notNull().$type<'notice' | 'amendment' | 'cancellation'>(),
    sentAt: at().notNull().defaultNow(),
    sentBy: uuid().references(() => users.id),
    snapshot: jsonb().notNull(),
    changes: jsonb().$type<string[]>(),
  },
  (t) => [unique('meeting_notices_version_key').on(t.meetingId, t.version)],
);

/** R12: an absent member's (or one sending a substitute) written opinion on an agenda item taking opinions. */
export const writtenOpinions = pgTable(
  'written_opinions',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    attendeeId: uuid()
      .notNull()
      .references(() => meetingAttendees.id, { onDelete: 'cascade' }),
    text: text().notNull(),
    fileId: uuid().references(() => files.id),
    submittedAt: at().notNull().defaultNow(),
  },
  (t) => [unique('written_opinions_item_attendee_key').on(t.agendaItemId, t.attendeeId)],
);

/** The minutes the standing agency drafts and the chair approves (R5); one per meeting. */
export const meetingMinutes = pgTable(
  'meeting_minutes',
  {
    meetingId: uuid()
      .primaryKey()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    status: text().notNull().default('draft').$type<'draft' | 'submitted' | 'returned' | 'approved'>(),
    summary: text(),
    notes: jsonb().$type<{ agendaItemId: string; text: string }[]>().notNull().default([]),
    returnComment: text(),
    submittedBy: uuid().references(() => users.id),
    submittedAt: at(),
    approvedBy: uuid().references(() => users.id),
    approvedAt: at(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    check('meeting_minutes_status_check', sql`${t.status} in ('draft','submitted','returned','approved')`),
  ],
);

/** Conclusions of the head or deputy (R13), with the task proposals the follow-up module turns into tasks. */
export const conclusions = pgTable(
  'conclusions',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    text: text().notNull(),
    domain: text(),
    tasks: jsonb().$type<TaskProposal[]>().notNull().default([]),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [index('conclusions_meeting_idx').on(t.meetingId, t.position)],
);

/**
 * A person's subscribable calendar of meetings (issue 19): the secret token of its address, kept as a SHA-256
 * hash (the address is shown once, when made); revoking or making a new one ends the old address (404).
 */
export const meetingFeeds = pgTable('meeting_feeds', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique(),
  createdAt: at().notNull(),
});
