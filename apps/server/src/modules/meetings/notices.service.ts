import { formatDateTime } from '@steerco/contract/datetime';
import type { AgendaItem } from '@steerco/contract/meetings';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, Tx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { notify } from '../notifications/notifications.service.ts';
import { attendeeUserIds } from './attendees.repo.ts';
import { lateNoticeWindow } from './deadlines.service.ts';
import {
  enqueueInvitationEmails,
  type InvitationMailer,
  remindNonResponders,
  rsvpLink,
} from './invitations.service.ts';
import { decideLateNoticeRequest, pendingLateNoticeRequest } from './late-notice.repo.ts';
import { actorChairs, loadMeeting } from './meeting-access.service.ts';
import { hasStarted } from './meeting-time.ts';
import { assertManage, assertNoticeable } from './meetings.policy.ts';
import {
  findLatestNotice,
  findMeeting,
  insertNotice,
  type MeetingRow,
  updateMeetingRow,
} from './meetings.repo.ts';
import { agendaOf, getMeeting } from './reads.service.ts';

// The notice (R9) and what follows it: every later change of time, place or agenda as an amended notice, the
// cancellation, and the reminders to those who have not answered (R10).

type Snapshot = ReturnType<typeof snapshotOf>;

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
function describeChanges(before: Snapshot, after: Snapshot): string[] {
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
  const people = await attendeeUserIds(tx, m.id);
  const when = `${formatDateTime(m.startsAt)}${m.place ? `, ${m.place}` : ''}`;
  const title = {
    'meeting.notice': `Giấy mời: ${m.title} — ${when}`,
    'meeting.amended': `Thông báo thay đổi: ${m.title} — ${when}`,
    'meeting.cancelled': `Hủy cuộc họp: ${m.title}`,
  }[kind];
  await notify(
    tx,
    people.map((userId) => ({ userId, kind, title, body: extra || null, link: `/cuoc-hop/${m.id}` })),
  );
  if (mailer) {
    await enqueueInvitationEmails(tx, mailer, m, kind, {
      changes: extra || null,
      rsvpLink: (attendeeId) => rsvpLink(tx, mailer.publicUrl, attendeeId, m),
    });
  }
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
  const locked = await findMeeting(tx, meetingId, { forUpdate: true });
  if (!locked) throw new AppError('meeting.notFound');
  assertNoticeable(locked);
  const now = clock.now();
  const updated = (await updateMeetingRow(tx, meetingId, {
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
  }))!;
  await insertNotice(tx, {
    id: uuidv7(),
    meetingId,
    version: 1,
    kind: 'notice',
    sentAt: now,
    sentBy: byUserId,
    snapshot: snapshotOf(updated, await agendaOf(tx, meetingId)),
  });
  await notifyAttendees(tx, updated, 'meeting.notice', mailer);
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
  return updated;
}

/** After the notice, any change of time, place or agenda is sent to everyone as an amended notice. */
export async function amendIfNoticed(
  tx: Tx,
  actor: Actor,
  meetingId: string,
  mailer: InvitationMailer | null,
) {
  const m = await findMeeting(tx, meetingId);
  if (m?.status !== 'noticeSent') return;
  const last = await findLatestNotice(tx, meetingId);
  const now = snapshotOf(m, await agendaOf(tx, meetingId));
  const changes = last ? describeChanges(last.snapshot as Snapshot, now) : [];
  if (!changes.length) return;
  const version = (last?.version ?? 0) + 1;
  const updated = await updateMeetingRow(tx, meetingId, { noticeVersion: version }, { bumpSequence: true });
  await insertNotice(tx, {
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

/** A noticed meeting cancelled: the cancellation is the last notice, sent to everyone with the reason. */
export async function announceCancellation(
  tx: Tx,
  actor: Actor,
  cancelled: MeetingRow,
  reason: string,
  mailer: InvitationMailer | null,
) {
  const last = await findLatestNotice(tx, cancelled.id);
  await insertNotice(tx, {
    id: uuidv7(),
    meetingId: cancelled.id,
    version: (last?.version ?? 0) + 1,
    kind: 'cancellation',
    sentAt: clock.now(),
    sentBy: actor.userId,
    snapshot: snapshotOf(cancelled, await agendaOf(tx, cancelled.id)),
    changes: [`Hủy cuộc họp: ${reason}`],
  });
  await notifyAttendees(tx, cancelled, 'meeting.cancelled', mailer, reason);
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
