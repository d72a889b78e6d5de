import { formatDateTime } from '@steerco/contract/datetime';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { createLinkToken, verifyLinkToken } from '../../http/signed-links.ts';
import { enqueueEmails, renderEmail } from '../mail/mail.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findPersons } from '../users/users.service.ts';
import { lateNoticeWindow } from './deadlines.service.ts';
import type { InvitationMailer } from './invitations.service.ts';
import {
  decideLateNoticeRequest,
  findLateNoticeRequest,
  insertLateNoticeRequest,
  lateNoticeRequestDto,
  pendingLateNoticeRequest,
} from './late-notice.repo.ts';
import { actorChairs, loadMeeting } from './meeting-access.service.ts';
import { assertManage, assertNoticeable } from './meetings.policy.ts';
import { findMeeting, type MeetingRow, seatHolder } from './meetings.repo.ts';
import { deliverNotice } from './notices.service.ts';
import { getMeeting } from './reads.service.ts';

/*
 * R9: a notice later than the committee's lead time goes out only by the chair's decision. The secretary who
 * prepares it does not meet a dead end: the reason becomes a request to the chair — in the app, and by e-mail
 * with a signed one-click link — and the chair approves it (the notice goes out, the reason recorded as of that
 * moment) or refuses it with a comment (nothing is sent). The meeting page shows the request and its answer.
 */

const LINK_PURPOSE = 'late-notice';

/** The chair's personal link to a request: signed, valid until the meeting starts. */
async function decisionLink(db: DbOrTx, publicUrl: string, requestId: string, m: MeetingRow) {
  const token = await createLinkToken(db, LINK_PURPOSE, requestId, m.startsAt);
  return `${publicUrl.replace(/\/$/, '')}/duyet-gui-muon?token=${encodeURIComponent(token)}`;
}

/** The secretary asks the chair to send a late notice, with the reason the notice will carry. */
export async function requestLateNotice(
  db: Db,
  actor: Actor,
  meetingId: string,
  reason: string,
  mailer: InvitationMailer,
) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  assertNoticeable(meeting);
  const window = await lateNoticeWindow(db, meeting);
  if (!window.late) throw new AppError('meeting.noticeNotLate');
  const chair = await seatHolder(db, meeting.chairMembershipId);
  if (!chair) throw new AppError('meeting.noChair');
  const id = uuidv7();
  await db.transaction(async (tx) => {
    if (await pendingLateNoticeRequest(tx, meetingId)) throw new AppError('meeting.lateNoticeRequestPending');
    const now = clock.now();
    await insertLateNoticeRequest(tx, {
      id,
      meetingId,
      reason,
      requestedBy: actor.userId,
      requestedAt: now,
      chairUserId: chair.userId,
    });
    const title = `Đề nghị gửi giấy mời muộn: ${meeting.title}`;
    await notify(tx, [
      {
        userId: chair.userId,
        kind: 'meeting.lateNoticeRequested',
        title,
        body: `${actor.fullName}: ${reason}`,
        link: `/cuoc-hop/${meetingId}`,
      },
    ]);
    if (chair.email) {
      const link = await decisionLink(tx, mailer.publicUrl, id, meeting);
      const { html, text } = renderEmail({
        title,
        paragraphs: [
          `Kính gửi đồng chí ${chair.fullName},`,
          `Cuộc họp "${meeting.title}" dự kiến lúc ${formatDateTime(meeting.startsAt)}${meeting.place ? `, tại ${meeting.place}` : ''}.`,
          `${window.shortfall} Theo Quy chế, giấy mời gửi muộn cần người chủ trì quyết định.`,
          `Đồng chí ${actor.fullName} đề nghị gửi giấy mời với lý do: ${reason}`,
          'Đồng chí mở đường dẫn dưới đây để đồng ý (giấy mời được gửi ngay) hoặc không đồng ý, kèm ý kiến.',
        ],
        action: { label: 'Xem và quyết định', url: link },
        footer:
          'Thư tự động từ hệ thống điều hành Ban Chỉ đạo. Đường dẫn dành riêng cho đồng chí, hết hạn khi cuộc họp bắt đầu.',
      });
      mailer.queued.push(
        ...(await enqueueEmails(tx, [
          {
            toAddress: chair.email,
            toName: chair.fullName,
            subject: title,
            text,
            html,
            dedupeKey: `late-notice:${id}`,
          },
        ])),
      );
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.lateNoticeRequested',
      entityType: 'meeting',
      entityId: meetingId,
      data: { requestId: id, reason },
    });
  });
  return getMeeting(db, actor, meetingId);
}

interface Decision {
  decision: 'approve' | 'refuse';
  comment?: string | null;
}

/**
 * The chair's answer, from the meeting page or the e-mail's link: approving sends the notice at once as late,
 * with the request's reason and the shortfall as of now; refusing records the comment and sends nothing. The
 * secretary is told either way.
 */
async function applyDecision(
  db: Db,
  requestId: string,
  chairUserId: string,
  body: Decision,
  mailer: InvitationMailer,
) {
  await db.transaction(async (tx: Tx) => {
    const request = await findLateNoticeRequest(tx, requestId, { forUpdate: true });
    if (!request) throw new AppError('meeting.lateNoticeRequestNotFound');
    if (request.status !== 'pending') throw new AppError('meeting.lateNoticeRequestDecided');
    const meeting = await findMeeting(tx, request.meetingId);
    if (!meeting) throw new AppError('meeting.notFound');
    const now = clock.now();
    const approve = body.decision === 'approve';
    await decideLateNoticeRequest(tx, requestId, {
      status: approve ? 'approved' : 'refused',
      decidedBy: chairUserId,
      decidedAt: now,
      comment: body.comment?.trim() || null,
    });
    if (approve) {
      const window = await lateNoticeWindow(tx, meeting);
      await deliverNotice(
        tx,
        chairUserId,
        meeting.id,
        // Moved meanwhile to a day the notice reaches in time: it simply goes out on time.
        window.late ? { requiredBy: window.latest, given: window.given, reason: request.reason } : null,
        mailer,
      );
    }
    const chair = (await findPersons(tx, [chairUserId])).get(chairUserId)?.fullName ?? null;
    await notify(tx, [
      {
        userId: request.requestedBy,
        kind: 'meeting.lateNoticeDecided',
        title: approve
          ? `${chair ?? 'Người chủ trì'} đồng ý gửi giấy mời muộn: ${meeting.title}`
          : `${chair ?? 'Người chủ trì'} không đồng ý gửi giấy mời muộn: ${meeting.title}`,
        body: body.comment?.trim() || null,
        link: `/cuoc-hop/${meeting.id}`,
      },
    ]);
    await recordAudit(tx, {
      actorId: chairUserId,
      action: approve ? 'meeting.lateNoticeApproved' : 'meeting.lateNoticeRefused',
      entityType: 'meeting',
      entityId: meeting.id,
      data: { requestId, comment: body.comment ?? null },
    });
  });
}

/** The chair decides on the meeting page (the chair, the head, or a delegate to chair). */
export async function decideLateNotice(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: Decision,
  mailer: InvitationMailer,
) {
  const { meeting } = await loadMeeting(db, actor, meetingId);
  if (!(await actorChairs(db, actor, meeting))) {
    throw new AppError('permission.denied', {
      detail: 'Chỉ người chủ trì quyết định gửi giấy mời muộn.',
    });
  }
  const request = await pendingLateNoticeRequest(db, meetingId);
  if (!request) throw new AppError('meeting.lateNoticeRequestNotFound');
  await applyDecision(db, request.id, actor.userId, body, mailer);
  return getMeeting(db, actor, meetingId);
}

/** The request behind a link, if the link is genuine, unexpired, and its chair still chairs the meeting. */
async function requestFromToken(db: Db, token: string) {
  const requestId = await verifyLinkToken(db, LINK_PURPOSE, token);
  const request = requestId ? await findLateNoticeRequest(db, requestId) : undefined;
  const meeting = request ? await findMeeting(db, request.meetingId) : undefined;
  const chair = meeting ? await seatHolder(db, meeting.chairMembershipId) : null;
  if (!request || !meeting || chair?.userId !== request.chairUserId)
    throw new AppError('meeting.lateNoticeLinkInvalid');
  return { request, meeting, chair };
}

/** What the chair's link shows: the meeting, the shortfall as of now, the request and its state. */
export async function getLateNoticeLink(db: Db, token: string) {
  const { request, meeting, chair } = await requestFromToken(db, token);
  const window = await lateNoticeWindow(db, meeting);
  return {
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    place: meeting.place,
    chairName: chair?.fullName ?? null,
    latestOnTimeDate: window.latest,
    workingDaysLeft: window.given,
    request: (await lateNoticeRequestDto(db, request.id))!,
  };
}

/** The chair's one-click decision from the e-mail (the signed link is the credential). */
export async function decideLateNoticeLink(db: Db, token: string, body: Decision, mailer: InvitationMailer) {
  const { request } = await requestFromToken(db, token);
  await applyDecision(db, request.id, request.chairUserId, body, mailer);
  return getLateNoticeLink(db, token);
}
