import type { CreateMeetingBody, UpdateMeetingBody } from '@steerco/contract/meetings';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { mayActForHead } from '../committees/delegations.service.ts';
import { findPersons } from '../users/users.service.ts';
import { appendAgendaItem, deleteAgendaItem } from './agenda.repo.ts';
import { replaceAttendees } from './attendees.repo.ts';
import type { InvitationMailer } from './invitations.service.ts';
import { loadMeeting } from './meeting-access.service.ts';
import { vnDate } from './meeting-time.ts';
import { assertChangeable, assertManage } from './meetings.policy.ts';
import {
  findCommitteeSeat,
  findHeadSeat,
  findSeatsOn,
  insertMeeting,
  updateMeetingRow,
} from './meetings.repo.ts';
import { amendIfNoticed, announceCancellation } from './notices.service.ts';
import { getMeeting } from './reads.service.ts';
import { scheduleFields } from './scheduling.service.ts';

// A meeting's life before it is held (R8, R9): scheduled as a draft, changed (after the notice, as an amended
// notice), its agenda set, or cancelled. The notice itself is notices.service.ts; answers are answers.service.ts.

/** The chair: the given seat if it is the head's or holds a delegation to chair on that date (R4), else the head. */
async function resolveChair(
  db: DbOrTx,
  committeeId: string,
  chairMembershipId: string | null | undefined,
  date: string,
) {
  if (chairMembershipId) {
    const seat = await findCommitteeSeat(db, committeeId, chairMembershipId);
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
  return findHeadSeat(db, committeeId, date);
}

/** The invited: the members on the meeting day (all, or those named), then guests who are not members. */
async function writeAttendees(
  tx: Tx,
  meetingId: string,
  committeeId: string,
  date: string,
  body: Pick<CreateMeetingBody, 'attendeeUserIds' | 'guestUserIds'>,
) {
  const seats = await findSeatsOn(tx, committeeId, date, body.attendeeUserIds);
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
    const found = await findPersons(tx, guests);
    const active = [...found.values()].filter((p) => p.active);
    if (active.length !== guests.length)
      throw new AppError('user.notFound', { detail: 'Khách mời không tồn tại hoặc đã bị vô hiệu hóa.' });
  }
  await replaceAttendees(tx, meetingId, [
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
  ]);
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
    await insertMeeting(tx, {
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
    await updateMeetingRow(tx, meetingId, {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.place !== undefined ? { place: body.place } : {}),
      ...(body.onlineLink !== undefined ? { onlineLink: body.onlineLink } : {}),
      startsAt,
      endsAt,
      ...schedule,
      chairMembershipId: chair,
      ...(body.attendeeUserIds ? { partial: true } : {}),
    });
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

/** Cancels a meeting not yet held; if its notice went out, everyone is told why. */
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
    const cancelled = await updateMeetingRow(
      tx,
      meetingId,
      { status: 'cancelled', cancelledReason: reason },
      { bumpSequence: true },
    );
    if (meeting.status === 'noticeSent') await announceCancellation(tx, actor, cancelled!, reason, mailer);
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
    await appendAgendaItem(tx, meetingId, {
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
    if (!(await deleteAgendaItem(tx, meetingId, itemId))) throw new AppError('meeting.agendaItemNotFound');
    await amendIfNoticed(tx, actor, meetingId, mailer);
  });
  return getMeeting(db, actor, meetingId);
}
