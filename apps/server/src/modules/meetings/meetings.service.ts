import type { WorkingCalendar } from '@steerco/calendar';
import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import type { StoredFile as FileDto } from '@steerco/contract/files';
import {
  type AgendaItem,
  type Attendee,
  type CreateMeetingBody,
  MEETING_KIND_LABELS,
  type Meeting,
  type MeetingDetail,
  type MeetingKind,
  type RespondBody,
  type RsvpBody,
  type UpdateMeetingBody,
} from '@steerco/contract/meetings';
import type { RuleSettings } from '@steerco/contract/regulation';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { createLinkToken, verifyLinkToken } from '../../http/signed-links.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { assertCommittee, loadCommitteeAccess } from '../committees/access.service.ts';
import type { CommitteeAccess } from '../committees/committees.policy.ts';
import { memberships } from '../committees/committees.schema.ts';
import { getSettings } from '../committees/committees.service.ts';
import { mayActForHead } from '../committees/delegations.service.ts';
import { files } from '../files/files.schema.ts';
import { toFileDto } from '../files/files.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { carriedTasksOf } from '../tasks/carry-over.repo.ts';
import { users } from '../users/users.schema.ts';
import { enqueueInvitationEmails, type InvitationMailer, remindNonResponders } from './invitations.ts';
import { checkInOpensAt, confirmationDeadline, effectiveStatus, hasStarted, vnDate } from './meeting-time.ts';
import {
  decideLateNoticeRequest,
  latestLateNoticeRequest,
  pendingLateNoticeRequest,
} from './meetings.repo.ts';
import {
  agendaItemDocuments,
  agendaItems,
  meetingAttendees,
  meetingNotices,
  meetings,
} from './meetings.schema.ts';
import { dayOffName, scheduleFields } from './scheduling.service.ts';

type MeetingRow = typeof meetings.$inferSelect;
const chairSeat = alias(memberships, 'chair_seat');
const chairUser = alias(users, 'chair_user');
const recorder = alias(users, 'recorder');
const dayOffChair = alias(users, 'day_off_chair');

/** R10: the confirmation deadline of a meeting, on working days (the committee's setting). */
export async function confirmationDeadlineOf(db: DbOrTx, m: Pick<MeetingRow, 'startsAt' | 'committeeId'>) {
  const [settings, calendar] = await Promise.all([getSettings(db, m.committeeId), getWorkingCalendar(db)]);
  return confirmationDeadline(m.startsAt, settings.confirmationLeadDays, calendar);
}

export async function loadMeeting(db: DbOrTx, actor: Actor, meetingId: string) {
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) throw new AppError('meeting.notFound');
  const [invited] = await db
    .select({ id: meetingAttendees.id })
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, actor.userId)));
  // Guests see the meetings they are invited to, nothing else of the committee.
  const access = await loadCommitteeAccess(db, actor, meeting.committeeId).catch((err) => {
    if (invited) return null;
    throw err instanceof AppError && err.code === 'committee.notFound'
      ? new AppError('meeting.notFound')
      : err;
  });
  return { meeting, access: access?.access ?? null, myAttendeeId: invited?.id ?? null };
}

export function assertManage(actor: Actor, access: CommitteeAccess | null) {
  if (!access) throw new AppError('permission.denied');
  assertCommittee(actor, 'meeting.manage', access);
}

/** The chair: the given seat if it is the head's or holds a delegation to chair on that date (R4), else the head. */
async function resolveChair(
  db: DbOrTx,
  committeeId: string,
  chairMembershipId: string | null | undefined,
  date: string,
) {
  if (chairMembershipId) {
    const [seat] = await db
      .select({ id: memberships.id, userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.id, chairMembershipId), eq(memberships.committeeId, committeeId)));
    if (!seat) throw new AppError('meeting.invalidChair');
    const answer = await mayActForHead(db, {
      committeeId,
      userId: seat.userId,
      scope: 'chairMeetings',
      date,
    });
    if (!answer.allowed) throw new AppError('meeting.invalidChair', { detail: answer.reason });
    return seat.id;
  }
  const [head] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.committeeId, committeeId),
        eq(memberships.role, 'head'),
        sql`${memberships.startDate} <= ${date}::date and (${memberships.endDate} is null or ${memberships.endDate} >= ${date}::date)`,
      ),
    );
  return head?.id ?? null;
}

/** Seats in force on `date` (not guests), optionally only those of `userIds`. */
async function seatsOn(db: DbOrTx, committeeId: string, date: string, userIds?: string[]) {
  return db
    .select({ id: memberships.id, userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.committeeId, committeeId),
        sql`${memberships.role} <> 'guest'`,
        sql`${memberships.startDate} <= ${date}::date and (${memberships.endDate} is null or ${memberships.endDate} >= ${date}::date)`,
        userIds ? inArray(memberships.userId, userIds) : undefined,
      ),
    );
}

async function writeAttendees(
  tx: Tx,
  meetingId: string,
  committeeId: string,
  date: string,
  body: Pick<CreateMeetingBody, 'attendeeUserIds' | 'guestUserIds'>,
) {
  const seats = await seatsOn(tx, committeeId, date, body.attendeeUserIds);
  if (body.attendeeUserIds) {
    const seated = new Set(seats.map((s) => s.userId));
    const missing = body.attendeeUserIds.filter((id) => !seated.has(id));
    if (missing.length) {
      throw new AppError('meeting.notMember', {
        detail:
          'Chỉ mời được thành viên còn trong Ban Chỉ đạo vào ngày họp; người ngoài Ban mời với tư cách khách mời.',
        errors: missing.map((id) => ({
          path: 'body.attendeeUserIds',
          message: `Không phải thành viên vào ngày họp: ${id}`,
          code: 'not_member',
        })),
      });
    }
  }
  const guests = (body.guestUserIds ?? []).filter((id) => !seats.some((s) => s.userId === id));
  if (guests.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, guests), eq(users.active, true)));
    if (found.length !== guests.length)
      throw new AppError('user.notFound', { detail: 'Khách mời không tồn tại hoặc đã bị vô hiệu hóa.' });
  }
  await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
  const rows = [
    ...seats.map((s) => ({
      id: uuidv7(),
      meetingId,
      userId: s.userId,
      membershipId: s.id,
      kind: 'member' as const,
    })),
    ...guests.map((userId) => ({
      id: uuidv7(),
      meetingId,
      userId,
      membershipId: null,
      kind: 'guest' as const,
    })),
  ];
  if (rows.length) await tx.insert(meetingAttendees).values(rows);
}

/** Schedules a meeting as a draft (R8): the chair defaults to the head; attendees to every member on that date. */
export async function createMeeting(db: Db, actor: Actor, body: CreateMeetingBody) {
  const { access } = await loadCommitteeAccess(db, actor, body.committeeId);
  assertManage(actor, access);
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (endsAt <= startsAt)
    throw new AppError('validation.dateOrder', { detail: 'Giờ kết thúc phải sau giờ bắt đầu.' });
  const date = vnDate(startsAt);
  const chair = await resolveChair(db, body.committeeId, body.chairMembershipId, date);
  // A meeting to come in the future (a day off only as the chair confirms), or one held, recorded afterwards.
  const schedule = await scheduleFields(db, actor, {
    committeeId: body.committeeId,
    chairMembershipId: chair,
    startsAt,
    endsAt,
    dayOffReason: body.dayOffReason,
    recordedAfterwards: body.recordedAfterwards,
  });
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await tx.insert(meetings).values({
      id,
      committeeId: body.committeeId,
      kind: body.kind,
      title: body.title,
      // Recorded afterwards: held already, with no notice and no answers to wait for.
      status: body.recordedAfterwards ? 'held' : 'draft',
      partial: !!body.attendeeUserIds,
      chairMembershipId: chair,
      place: body.place ?? null,
      onlineLink: body.onlineLink ?? null,
      startsAt,
      endsAt,
      ...schedule,
      createdBy: actor.userId,
    });
    await writeAttendees(tx, id, body.committeeId, date, body);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: id,
      data: body,
    });
  });
  return getMeeting(db, actor, id);
}

interface MeetingNames {
  chairName: string | null;
  recordedByName: string | null;
  dayOffChairName: string | null;
}

function toMeetingDto(
  m: MeetingRow & MeetingNames,
  settings: Pick<RuleSettings, 'confirmationLeadDays'>,
  calendar: WorkingCalendar,
): Meeting {
  const now = clock.now();
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

export async function listMeetings(
  db: Db,
  actor: Actor,
  query: { committeeId?: string; from?: string; to?: string; mine?: string },
) {
  const where = [];
  if (query.committeeId) {
    await loadCommitteeAccess(db, actor, query.committeeId);
    where.push(eq(meetings.committeeId, query.committeeId));
  }
  if (query.mine === 'true' || !query.committeeId) {
    where.push(
      sql`${meetings.id} in (select meeting_id from meeting_attendees where user_id = ${actor.userId})`,
    );
  }
  if (query.from) where.push(gte(meetings.startsAt, new Date(`${query.from}T00:00:00+07:00`)));
  if (query.to) where.push(lte(meetings.startsAt, new Date(`${query.to}T23:59:59+07:00`)));
  const rows = await selectMeetings(db)
    .where(and(...where))
    .orderBy(asc(meetings.startsAt))
    .limit(500);
  const settingsOf = new Map<string, RuleSettings>();
  const calendar = await getWorkingCalendar(db);
  const items: Meeting[] = [];
  for (const { m, ...names } of rows) {
    if (!settingsOf.has(m.committeeId)) settingsOf.set(m.committeeId, await getSettings(db, m.committeeId));
    items.push(toMeetingDto({ ...m, ...names }, settingsOf.get(m.committeeId)!, calendar));
  }
  return { items };
}

async function attendeesOf(db: DbOrTx, meetingId: string): Promise<Attendee[]> {
  const rows = await db
    .select({
      a: meetingAttendees,
      fullName: users.fullName,
      position: users.position,
      role: memberships.role,
    })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .leftJoin(memberships, eq(memberships.id, meetingAttendees.membershipId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(
      sql`array_position(array['head','deputyHead','secretary','member','residentialGroupHead'], ${memberships.role})`,
      sql`steerco_name_key(${users.fullName}) collate steerco_vi`,
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

/** The documents of each agenda item of a meeting, in the order they were attached. */
export async function agendaDocumentsOf(db: DbOrTx, itemIds: string[]): Promise<Map<string, FileDto[]>> {
  const byItem = new Map<string, FileDto[]>();
  if (!itemIds.length) return byItem;
  const rows = await db
    .select({ itemId: agendaItemDocuments.agendaItemId, file: files })
    .from(agendaItemDocuments)
    .innerJoin(files, eq(files.id, agendaItemDocuments.fileId))
    .where(inArray(agendaItemDocuments.agendaItemId, itemIds))
    .orderBy(asc(agendaItemDocuments.agendaItemId), asc(agendaItemDocuments.position));
  for (const { itemId, file } of rows) {
    const list = byItem.get(itemId) ?? [];
    list.push(toFileDto(file));
    byItem.set(itemId, list);
  }
  return byItem;
}

export async function agendaOf(db: DbOrTx, meetingId: string): Promise<AgendaItem[]> {
  const rows = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  const ids = rows.map((r) => r.id);
  const [documents, carried] = await Promise.all([
    agendaDocumentsOf(db, ids),
    carriedTasksOf(
      db,
      rows.filter((r) => r.carriedOver).map((r) => r.id),
    ),
  ]);
  return rows.map(({ meetingId: _m, ...r }) => ({
    ...r,
    documents: documents.get(r.id) ?? [],
    carriedTasks: carried.get(r.id) ?? [],
  }));
}

/** R9: the last day a notice gives `lead` full working days before the meeting day. */
async function noticeWindow(db: DbOrTx, m: MeetingRow, lead: number) {
  const calendar = await getWorkingCalendar(db);
  const meetingDay = vnDate(m.startsAt);
  const latest = calendar.latestDateWithNotice(meetingDay, lead);
  const today = clock.today();
  // Full working days strictly between today and the meeting day.
  const given = Math.max(
    0,
    calendar.workingDaysBetween(today, meetingDay) - (calendar.isWorkingDay(meetingDay) ? 1 : 0),
  );
  return { latest, late: today > latest, given };
}

/** R9: the notice window as of now, for the late-notice request (the shortfall in words, and its figures). */
export async function lateNoticeWindow(db: DbOrTx, m: MeetingRow) {
  const settings = await getSettings(db, m.committeeId);
  const window = await noticeWindow(db, m, settings.noticeLeadWorkingDays);
  return {
    ...window,
    shortfall: `Giấy mời phải gửi chậm nhất ngày ${formatDate(window.latest)} (trước ${settings.noticeLeadWorkingDays} ngày làm việc); hôm nay chỉ còn ${window.given} ngày làm việc.`,
  };
}

export async function getMeeting(db: Db, actor: Actor, meetingId: string): Promise<MeetingDetail> {
  const { meeting, access, myAttendeeId } = await loadMeeting(db, actor, meetingId);
  const settings = await getSettings(db, meeting.committeeId);
  const calendar = await getWorkingCalendar(db);
  const [row] = await selectMeetings(db).where(eq(meetings.id, meetingId));
  const [agenda, attendees, window, lateNoticeRequest, notices] = await Promise.all([
    agendaOf(db, meetingId),
    attendeesOf(db, meetingId),
    noticeWindow(db, meeting, settings.noticeLeadWorkingDays),
    latestLateNoticeRequest(db, meetingId),
    db
      .select({
        version: meetingNotices.version,
        kind: meetingNotices.kind,
        sentAt: meetingNotices.sentAt,
        changes: meetingNotices.changes,
      })
      .from(meetingNotices)
      .where(eq(meetingNotices.meetingId, meetingId))
      .orderBy(asc(meetingNotices.version)),
  ]);
  const count = (f: (a: Attendee) => boolean) => attendees.filter(f).length;
  const isChair = await actorChairs(db, actor, meeting);
  const opensAt = checkInOpensAt(meeting.startsAt, settings.checkInOpensMinutes ?? 60);
  const now = clock.now();
  return {
    ...toMeetingDto(
      {
        ...meeting,
        chairName: row?.chairName ?? null,
        recordedByName: row?.recordedByName ?? null,
        dayOffChairName: row?.dayOffChairName ?? null,
      },
      settings,
      calendar,
    ),
    agenda,
    attendees,
    roll: {
      attend: count((a) => a.response === 'attend'),
      absent: count((a) => a.response === 'absent'),
      substitutePending: count((a) => a.response === 'substitute' && a.approval === 'pending'),
      noAnswer: count((a) => !a.response),
    },
    notice: {
      leadWorkingDays: settings.noticeLeadWorkingDays,
      latestOnTimeDate: window.latest,
      late: window.late,
      workingDaysLeft: window.given,
    },
    lateNoticeRequest,
    checkIn: {
      opensAt: opensAt.toISOString(),
      open:
        (meeting.recordedAfterwards || now >= opensAt) &&
        (meeting.status === 'noticeSent' || meeting.status === 'held'),
    },
    notices: notices.map((n) => ({ ...n, sentAt: n.sentAt.toISOString(), changes: n.changes ?? [] })),
    myAttendeeId,
    myPermissions: [
      ...(access && can(actor, 'meeting.manage', { committee: access }) ? ['meeting.manage'] : []),
      ...(isChair ? ['meeting.chair', 'absence.approve'] : []),
    ],
  };
}

/** The meeting's chair, the head, or a delegate to approve absences on the meeting day (R11). */
export async function actorChairs(db: DbOrTx, actor: Actor, m: MeetingRow) {
  const date = vnDate(m.startsAt);
  if (m.chairMembershipId) {
    const [chair] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.id, m.chairMembershipId));
    if (chair?.userId === actor.userId) return true;
  }
  const answer = await mayActForHead(db, {
    committeeId: m.committeeId,
    userId: actor.userId,
    scope: 'approveAbsences',
    date,
  });
  return answer.allowed;
}

// ——— Changes, notice (R9), amendments and cancellation ———

function snapshotOf(m: MeetingRow, agenda: AgendaItem[]) {
  return {
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    onlineLink: m.onlineLink,
    chairMembershipId: m.chairMembershipId,
    agenda: agenda.map((a) => ({ title: a.title, presenter: a.presenter, takesOpinions: a.takesOpinions })),
  };
}

/** Human-readable list of what changed between two snapshots, for the amended notice. */
function describeChanges(
  before: ReturnType<typeof snapshotOf>,
  after: ReturnType<typeof snapshotOf>,
): string[] {
  const changes: string[] = [];
  if (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt) {
    changes.push(`Thời gian: ${formatDateTime(before.startsAt)} → ${formatDateTime(after.startsAt)}`);
  }
  if (before.place !== after.place) changes.push(`Địa điểm: ${before.place ?? '—'} → ${after.place ?? '—'}`);
  if (before.onlineLink !== after.onlineLink) changes.push('Đường dẫn họp trực tuyến đã thay đổi');
  if (before.title !== after.title) changes.push(`Nội dung: ${after.title}`);
  if (before.chairMembershipId !== after.chairMembershipId) changes.push('Người chủ trì đã thay đổi');
  if (JSON.stringify(before.agenda) !== JSON.stringify(after.agenda))
    changes.push('Chương trình họp đã được điều chỉnh');
  return changes;
}

async function latestSnapshot(tx: DbOrTx, meetingId: string) {
  const [last] = await tx
    .select({ snapshot: meetingNotices.snapshot, version: meetingNotices.version })
    .from(meetingNotices)
    .where(eq(meetingNotices.meetingId, meetingId))
    .orderBy(sql`${meetingNotices.version} desc`)
    .limit(1);
  return last;
}

/**
 * Invitations go to every attendee: in-app, and by e-mail with the calendar file and the personal confirmation
 * link through the mail outbox (dispatched by the caller after the commit).
 */
async function notifyAttendees(
  tx: Tx,
  m: MeetingRow,
  kind: 'meeting.notice' | 'meeting.amended' | 'meeting.cancelled',
  mailer: InvitationMailer | null,
  extra = '',
) {
  const people = await tx
    .select({ userId: meetingAttendees.userId })
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, m.id));
  const when = `${formatDateTime(m.startsAt)}${m.place ? `, ${m.place}` : ''}`;
  const title = {
    'meeting.notice': `Giấy mời: ${m.title} — ${when}`,
    'meeting.amended': `Thông báo thay đổi: ${m.title} — ${when}`,
    'meeting.cancelled': `Hủy cuộc họp: ${m.title}`,
  }[kind];
  await notify(
    tx,
    people.map((p) => ({ userId: p.userId, kind, title, body: extra || null, link: `/cuoc-hop/${m.id}` })),
  );
  if (mailer) {
    await enqueueInvitationEmails(tx, mailer, m, kind, {
      changes: extra || null,
      rsvpLink: (attendeeId) => rsvpLink(tx, mailer.publicUrl, attendeeId, m),
    });
  }
}

/** A notice can go out for a draft meeting still to come; not for one recorded afterwards or already started. */
export function assertNoticeable(m: MeetingRow) {
  if (m.recordedAfterwards) throw new AppError('meeting.recordedAfterwards');
  if (m.status === 'cancelled') throw new AppError('meeting.locked');
  if (m.status !== 'draft') throw new AppError('meeting.noticeAlreadySent');
  if (hasStarted(m, clock.now())) throw new AppError('meeting.alreadyStarted');
}

/**
 * Sends the notice (R9): freezes the agenda as version 1 and records when. A notice later than the committee's
 * lead time (default 2 working days) goes out only by the chair's decision, with a reason that is recorded and
 * shown on the meeting; the secretary asks the chair instead (late-notice.service.ts).
 */
export async function sendNotice(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: { lateReason?: string | null },
  mailer: InvitationMailer | null = null,
) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  assertNoticeable(meeting);
  const window = await lateNoticeWindow(db, meeting);
  if (window.late) {
    if (!(await actorChairs(db, actor, meeting))) {
      throw new AppError('meeting.lateNoticeNeedsChair', {
        detail: `${window.shortfall} Chỉ người chủ trì quyết định gửi giấy mời muộn: hãy gửi đề nghị kèm lý do tới người chủ trì.`,
      });
    }
    if (!body.lateReason)
      throw new AppError('meeting.lateNoticeReasonRequired', { detail: window.shortfall });
  }
  await db.transaction((tx) =>
    deliverNotice(
      tx,
      actor.userId,
      meetingId,
      window.late ? { requiredBy: window.latest, given: window.given, reason: body.lateReason! } : null,
      mailer,
    ),
  );
  return getMeeting(db, actor, meetingId);
}

/**
 * The notice going out, whoever decided it (the secretary on time, the chair late, or the chair's answer to a
 * late-notice request): the meeting noticed as of now, version 1 of the agenda frozen, everyone invited, and a
 * request still waiting closed as approved.
 */
export async function deliverNotice(
  tx: Tx,
  byUserId: string,
  meetingId: string,
  late: { requiredBy: string; given: number; reason: string } | null,
  mailer: InvitationMailer | null,
) {
  const [locked] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
  if (!locked) throw new AppError('meeting.notFound');
  assertNoticeable(locked);
  const now = clock.now();
  const [updated] = await tx
    .update(meetings)
    .set({
      status: 'noticeSent',
      noticeVersion: 1,
      noticeSentAt: now,
      ...(late
        ? {
            lateNoticeRequiredBy: late.requiredBy,
            lateNoticeWorkingDays: late.given,
            lateNoticeReason: late.reason,
          }
        : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(meetings.id, meetingId))
    .returning();
  await tx.insert(meetingNotices).values({
    id: uuidv7(),
    meetingId,
    version: 1,
    kind: 'notice',
    sentAt: now,
    sentBy: byUserId,
    snapshot: snapshotOf(updated!, await agendaOf(tx, meetingId)),
  });
  await notifyAttendees(tx, updated!, 'meeting.notice', mailer);
  const pending = await pendingLateNoticeRequest(tx, meetingId);
  if (pending && late) {
    await decideLateNoticeRequest(tx, pending.id, {
      status: 'approved',
      decidedBy: byUserId,
      decidedAt: now,
      comment: null,
    });
  }
  await recordAudit(tx, {
    actorId: byUserId,
    action: 'meeting.noticeSent',
    entityType: 'meeting',
    entityId: meetingId,
    data: { late: !!late },
  });
  return updated!;
}

/**
 * Time, place, agenda and attendees change only before the meeting: a draft, or noticed and not yet started (a
 * draft whose time has passed may still be moved to a new date, or cancelled). The agenda of a meeting recorded
 * afterwards is entered until its minutes are approved, so that they follow it.
 */
export function assertChangeable(m: MeetingRow, opts: { agenda?: boolean } = {}) {
  if (opts.agenda && m.recordedAfterwards && m.status === 'held') return;
  if (m.status !== 'draft' && m.status !== 'noticeSent') throw new AppError('meeting.locked');
  if (m.status === 'noticeSent' && hasStarted(m, clock.now())) throw new AppError('meeting.locked');
}

/** After the notice, any change of time, place or agenda is sent to everyone as an amended notice. */
async function amendIfNoticed(tx: Tx, actor: Actor, meetingId: string, mailer: InvitationMailer | null) {
  const [m] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
  if (m?.status !== 'noticeSent') return;
  const last = await latestSnapshot(tx, meetingId);
  const now = snapshotOf(m, await agendaOf(tx, meetingId));
  const changes = last ? describeChanges(last.snapshot as ReturnType<typeof snapshotOf>, now) : [];
  if (!changes.length) return;
  const version = (last?.version ?? 0) + 1;
  const [updated] = await tx
    .update(meetings)
    .set({ noticeVersion: version, sequence: sql`${meetings.sequence} + 1`, updatedAt: sql`now()` })
    .where(eq(meetings.id, meetingId))
    .returning();
  await tx.insert(meetingNotices).values({
    id: uuidv7(),
    meetingId,
    version,
    kind: 'amendment',
    sentAt: clock.now(),
    sentBy: actor.userId,
    snapshot: now,
    changes,
  });
  await notifyAttendees(tx, updated!, 'meeting.amended', mailer, changes.join('\n'));
}

export async function updateMeeting(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: UpdateMeetingBody,
  mailer: InvitationMailer | null = null,
) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  assertChangeable(meeting);
  const startsAt = body.startsAt ? new Date(body.startsAt) : meeting.startsAt;
  const endsAt = body.endsAt ? new Date(body.endsAt) : meeting.endsAt;
  if (endsAt <= startsAt)
    throw new AppError('validation.dateOrder', { detail: 'Giờ kết thúc phải sau giờ bắt đầu.' });
  const date = vnDate(startsAt);
  const chair =
    body.chairMembershipId !== undefined || body.startsAt
      ? await resolveChair(db, meeting.committeeId, body.chairMembershipId ?? meeting.chairMembershipId, date)
      : meeting.chairMembershipId;
  // A new time is checked like a new meeting's: in the future, a day off only as the chair confirms.
  const schedule =
    body.startsAt || body.endsAt || body.dayOffReason
      ? await scheduleFields(db, actor, {
          committeeId: meeting.committeeId,
          chairMembershipId: chair,
          startsAt,
          endsAt,
          dayOffReason: body.dayOffReason,
          previous: meeting,
        })
      : {};
  await db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.place !== undefined ? { place: body.place } : {}),
        ...(body.onlineLink !== undefined ? { onlineLink: body.onlineLink } : {}),
        startsAt,
        endsAt,
        ...schedule,
        chairMembershipId: chair,
        ...(body.attendeeUserIds ? { partial: true } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(meetings.id, meetingId));
    if (body.attendeeUserIds || body.guestUserIds)
      await writeAttendees(tx, meetingId, meeting.committeeId, date, body);
    await amendIfNoticed(tx, actor, meetingId, mailer);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.updated',
      entityType: 'meeting',
      entityId: meetingId,
      data: body,
    });
  });
  return getMeeting(db, actor, meetingId);
}

export async function cancelMeeting(
  db: Db,
  actor: Actor,
  meetingId: string,
  reason: string,
  mailer: InvitationMailer | null = null,
) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  assertChangeable(meeting);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(meetings)
      .set({
        status: 'cancelled',
        cancelledReason: reason,
        sequence: sql`${meetings.sequence} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(meetings.id, meetingId))
      .returning();
    if (meeting.status === 'noticeSent') {
      const last = await latestSnapshot(tx, meetingId);
      await tx.insert(meetingNotices).values({
        id: uuidv7(),
        meetingId,
        version: (last?.version ?? 0) + 1,
        kind: 'cancellation',
        sentAt: clock.now(),
        sentBy: actor.userId,
        snapshot: snapshotOf(updated!, await agendaOf(tx, meetingId)),
        changes: [`Hủy cuộc họp: ${reason}`],
      });
      await notifyAttendees(tx, updated!, 'meeting.cancelled', mailer, reason);
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.cancelled',
      entityType: 'meeting',
      entityId: meetingId,
      data: { reason },
    });
  });
  return getMeeting(db, actor, meetingId);
}

// ——— Agenda ———

export async function addAgendaItem(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: { title: string; presenter?: string | null; durationMinutes?: number | null; takesOpinions: boolean },
  mailer: InvitationMailer | null = null,
) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  assertChangeable(meeting, { agenda: true });
  await db.transaction(async (tx) => {
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${agendaItems.position}), 0)::int` })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId));
    await tx.insert(agendaItems).values({
      id: uuidv7(),
      meetingId,
      position: (last?.n ?? 0) + 1,
      title: body.title,
      presenter: body.presenter ?? null,
      durationMinutes: body.durationMinutes ?? null,
      takesOpinions: body.takesOpinions,
    });
    await amendIfNoticed(tx, actor, meetingId, mailer);
  });
  return getMeeting(db, actor, meetingId);
}

export async function removeAgendaItem(
  db: Db,
  actor: Actor,
  meetingId: string,
  itemId: string,
  mailer: InvitationMailer | null = null,
) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  assertChangeable(meeting, { agenda: true });
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
      .returning({ id: agendaItems.id });
    if (!deleted.length) throw new AppError('meeting.agendaItemNotFound');
    await amendIfNoticed(tx, actor, meetingId, mailer);
  });
  return getMeeting(db, actor, meetingId);
}

// ——— Confirmation (R10) and approval of absences and substitutes (R11) ———

/** Bình Định's rule (seed 004): a substitute must be a deputy head of the member's own unit, never a division head. */
export function isDeputyHeadTitle(position: string | null | undefined): boolean {
  if (!position) return false;
  const p = position.trim().toLowerCase();
  return p.startsWith('phó ') && !/phó trưởng phòng|phó phòng|phó trưởng bộ phận/.test(p);
}

/**
 * An attendee's answer: attend, absent (with a reason) or send a substitute (named, briefed). After the
 * committee's deadline only the standing agency may record an answer, marked as late.
 */
export async function respond(
  db: Db,
  actor: Actor,
  meetingId: string,
  attendeeId: string | null,
  body: RespondBody,
) {
  const { meeting, access, myAttendeeId } = await loadMeeting(db, actor, meetingId);
  const targetId = attendeeId ?? myAttendeeId;
  if (!targetId) throw new AppError('meeting.notInvited');
  const canRecord = !!access && can(actor, 'meeting.manage', { committee: access });
  if (targetId !== myAttendeeId && !canRecord) throw new AppError('permission.denied');
  await applyAnswer(db, meeting, targetId, body, { respondedBy: actor.userId, mayAnswerLate: canRecord });
  return getMeeting(db, actor, meetingId);
}

/**
 * Records an answer under the rules, whoever gives it (the attendee signed in, the standing agency, or the
 * personal link in the invitation e-mail): the deadline (R10), a reason for absence, a briefed substitute, and
 * the committee's substitute policy (R11). Absence and substitutes then wait for the chair.
 */
async function applyAnswer(
  db: Db,
  meeting: MeetingRow,
  targetId: string,
  body: RespondBody,
  by: { respondedBy: string | null; mayAnswerLate: boolean },
) {
  // The standing agency records absences until the minutes are approved, also for a meeting recorded
  // afterwards; attendees answer themselves only between the notice and the deadline.
  const open = meeting.status === 'noticeSent' || (meeting.status === 'held' && by.mayAnswerLate);
  if (!open) throw new AppError('meeting.notOpenForAnswers');
  const settings = await getSettings(db, meeting.committeeId);
  const deadline = await confirmationDeadlineOf(db, meeting);
  const late = !meeting.recordedAfterwards && clock.now() > deadline;
  if (late && !by.mayAnswerLate) {
    throw new AppError('meeting.confirmationClosed', {
      detail: `Hạn xác nhận tham dự là ${formatDateTime(deadline)}. Vui lòng báo trực tiếp cơ quan thường trực.`,
    });
  }
  const [target] = await db
    .select({ a: meetingAttendees, unitId: memberships.unitId })
    .from(meetingAttendees)
    .leftJoin(memberships, eq(memberships.id, meetingAttendees.membershipId))
    .where(and(eq(meetingAttendees.id, targetId), eq(meetingAttendees.meetingId, meeting.id)));
  if (!target) throw new AppError('meeting.notInvited');
  if (body.response === 'absent' && !body.reason) {
    throw new AppError('request.validation', {
      errors: [{ path: 'body.reason', message: 'Cần nêu lý do vắng mặt', code: 'required' }],
    });
  }
  if (body.response === 'substitute') {
    if (!body.substitute) {
      throw new AppError('request.validation', {
        errors: [{ path: 'body.substitute', message: 'Cần ghi rõ người dự thay', code: 'required' }],
      });
    }
    if (settings.substitutePolicy === 'deputyOfUnitOnly') {
      const [sub] = body.substitute.userId
        ? await db
            .select({ unitId: users.unitId, position: users.position })
            .from(users)
            .where(eq(users.id, body.substitute.userId))
        : [];
      const position = sub?.position ?? body.substitute.position;
      if (!sub || sub.unitId !== target.unitId || !isDeputyHeadTitle(position)) {
        throw new AppError('meeting.substituteNotAllowed', {
          detail:
            'Theo Quy chế của Ban, người dự thay phải là cấp phó của người đứng đầu đơn vị mình, không cử lãnh đạo cấp phòng.',
        });
      }
    }
  }
  const needsApproval = body.response !== 'attend';
  await db.transaction(async (tx) => {
    await tx
      .update(meetingAttendees)
      .set({
        response: body.response,
        reason: body.reason ?? null,
        substituteName: body.substitute?.name ?? null,
        substitutePosition: body.substitute?.position ?? null,
        substituteUserId: body.substitute?.userId ?? null,
        substituteBriefed: body.substitute ? true : null,
        respondedAt: clock.now(),
        respondedBy: by.respondedBy,
        respondedLate: late,
        approval: needsApproval ? 'pending' : null,
        approvalBy: null,
        approvalAt: null,
        approvalNote: null,
      })
      .where(eq(meetingAttendees.id, targetId));
    if (needsApproval && meeting.chairMembershipId) {
      const [chair] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(eq(memberships.id, meeting.chairMembershipId));
      if (chair) {
        await notify(tx, [
          {
            userId: chair.userId,
            kind: 'meeting.approvalRequested',
            title: `Xin ${body.response === 'absent' ? 'vắng mặt' : 'cử người dự thay'}: ${meeting.title}`,
            body: body.reason ?? body.substitute?.name ?? null,
            link: `/cuoc-hop/${meeting.id}`,
          },
        ]);
      }
    }
    await recordAudit(tx, {
      actorId: by.respondedBy ?? target.a.userId,
      action: 'meeting.responded',
      entityType: 'meeting',
      entityId: meeting.id,
      data: { attendeeId: targetId, ...body, late, byLink: by.respondedBy === null },
    });
  });
}

// ——— The personal link in the invitation (one click to confirm) ———

const RSVP = 'rsvp';

/** The invitation's personal link: signed, for one attendee, valid until the meeting ends. */
export async function rsvpLink(db: DbOrTx, publicUrl: string, attendeeId: string, meeting: MeetingRow) {
  const token = await createLinkToken(db, RSVP, attendeeId, meeting.endsAt);
  return `${publicUrl.replace(/\/$/, '')}/xac-nhan?token=${encodeURIComponent(token)}`;
}

async function attendeeFromToken(db: Db, token: string) {
  const attendeeId = await verifyLinkToken(db, RSVP, token);
  if (!attendeeId) throw new AppError('meeting.linkInvalid');
  const [row] = await db
    .select({ a: meetingAttendees, fullName: users.fullName, m: meetings })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(eq(meetingAttendees.id, attendeeId));
  if (!row) throw new AppError('meeting.linkInvalid');
  return row;
}

/** What the link's page shows: the meeting, the person, their answer so far, and the deadline. */
export async function getRsvp(db: Db, token: string) {
  const { a, fullName, m } = await attendeeFromToken(db, token);
  const deadline = await confirmationDeadlineOf(db, m);
  return {
    meetingId: m.id,
    meetingTitle: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    status: effectiveStatus(m, clock.now()),
    fullName,
    response: a.response,
    deadline: deadline.toISOString(),
    open: m.status === 'noticeSent' && clock.now() <= deadline,
  };
}

/**
 * The answer from the e-mail's link: attend in one click, absent with a reason, or a briefed substitute named
 * (without an account, so a `deputyOfUnitOnly` committee refuses it with the policy's explanation, R11).
 */
export async function answerRsvp(db: Db, token: string, body: Omit<RsvpBody, 'token'>) {
  const { a, m } = await attendeeFromToken(db, token);
  await applyAnswer(
    db,
    m,
    a.id,
    {
      response: body.response,
      reason: body.reason ?? null,
      substitute: body.substitute ? { ...body.substitute, userId: null } : null,
    },
    { respondedBy: null, mayAnswerLate: false },
  );
  return getRsvp(db, token);
}

/** R11: the chair (or the head, or a delegate for absences) approves or rejects an absence or a substitute. */
export async function decideAttendance(
  db: Db,
  actor: Actor,
  meetingId: string,
  attendeeId: string,
  body: { decision: 'approve' | 'reject'; note?: string | null },
) {
  const { meeting } = await loadMeeting(db, actor, meetingId);
  if (!(await actorChairs(db, actor, meeting))) {
    throw new AppError('permission.denied', {
      detail: 'Chỉ người chủ trì, Trưởng Ban hoặc người được ủy quyền mới duyệt vắng mặt.',
    });
  }
  await db.transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.id, attendeeId), eq(meetingAttendees.meetingId, meetingId)))
      .for('update');
    if (!a) throw new AppError('meeting.notInvited');
    if (a.approval !== 'pending') throw new AppError('meeting.nothingToApprove');
    await tx
      .update(meetingAttendees)
      .set({
        approval: body.decision === 'approve' ? 'approved' : 'rejected',
        approvalBy: actor.userId,
        approvalAt: clock.now(),
        approvalNote: body.note ?? null,
      })
      .where(eq(meetingAttendees.id, attendeeId));
    await notify(tx, [
      {
        userId: a.userId,
        kind: 'meeting.approvalDecided',
        title: `${body.decision === 'approve' ? 'Đồng ý' : 'Không đồng ý'} ${a.response === 'absent' ? 'cho vắng mặt' : 'người dự thay'}: ${meeting.title}`,
        body: body.note ?? null,
        link: `/cuoc-hop/${meetingId}`,
      },
    ]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.attendanceDecided',
      entityType: 'meeting',
      entityId: meetingId,
      data: { attendeeId, ...body },
    });
  });
  return getMeeting(db, actor, meetingId);
}

// ——— Yearly meeting calendar (R8) ———

const QUARTER_PLAN: {
  quarter: number;
  month: number;
  kind: MeetingKind;
  setting: 'quarterly' | 'halfYearReview' | 'annualReview';
}[] = [
  { quarter: 1, month: 3, kind: 'quarterly', setting: 'quarterly' },
  { quarter: 2, month: 6, kind: 'halfYearReview', setting: 'halfYearReview' },
  { quarter: 3, month: 9, kind: 'quarterly', setting: 'quarterly' },
  { quarter: 4, month: 12, kind: 'annualReview', setting: 'annualReview' },
];
const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * Drafts the year's periodic meetings from the committee's settings (R8): one per quarter, the second being
 * the six-month review and the fourth the annual review, on the first working day from the 20th of the
 * quarter's last month, 14:00. Quarters that already have a periodic meeting, or whose day has passed, are left
 * alone.
 */
export async function generateYearCalendar(db: Db, actor: Actor, committeeId: string, year: number) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertManage(actor, access);
  const settings = await getSettings(db, committeeId);
  const calendar = await getWorkingCalendar(db);
  const existing = await db
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
  const taken = new Set(existing.map((e) => Math.floor(Number(vnDate(e.startsAt).slice(5, 7)) / 3.01) + 1));
  const created: string[] = [];
  for (const plan of QUARTER_PLAN) {
    if (taken.has(plan.quarter)) continue;
    const wanted = settings.meetingCadence[plan.setting]
      ? plan.kind
      : settings.meetingCadence.quarterly
        ? 'quarterly'
        : null;
    if (!wanted) continue;
    const twentieth = `${year}-${String(plan.month).padStart(2, '0')}-20`;
    const day = calendar.addWorkingDays(twentieth, 0);
    // A quarter whose meeting day has passed is not planned: a meeting held then is recorded afterwards.
    if (new Date(`${day}T14:00:00+07:00`) <= clock.now()) continue;
    const label = {
      quarterly: `Họp định kỳ quý ${ROMAN[plan.quarter - 1]} năm ${year}`,
      halfYearReview: `Sơ kết 6 tháng đầu năm ${year}`,
      annualReview: `Tổng kết năm ${year}`,
    }[wanted as 'quarterly' | 'halfYearReview' | 'annualReview'];
    const meeting = await createMeeting(db, actor, {
      committeeId,
      kind: wanted,
      title: label ?? MEETING_KIND_LABELS[wanted],
      startsAt: `${day}T14:00:00+07:00`,
      endsAt: `${day}T16:30:00+07:00`,
    });
    created.push(meeting.id);
  }
  return { created };
}

/** R10: the secretary chases everyone who has not answered, in one click (in-app and by e-mail). */
export async function remindMeeting(db: Db, actor: Actor, meetingId: string, mailer: InvitationMailer) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  if (meeting.recordedAfterwards) throw new AppError('meeting.recordedAfterwards');
  if (meeting.status !== 'noticeSent' || hasStarted(meeting, clock.now()))
    throw new AppError('meeting.notNoticed');
  const reminded = await db.transaction(async (tx) => {
    const count = await remindNonResponders(tx, mailer, meeting, (attendeeId) =>
      rsvpLink(tx, mailer.publicUrl, attendeeId, meeting),
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.reminded',
      entityType: 'meeting',
      entityId: meetingId,
      data: { reminded: count },
    });
    return count;
  });
  return { reminded };
}
