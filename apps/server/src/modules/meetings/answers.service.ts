import { formatDateTime } from '@steerco/contract/datetime';
import type { RespondBody, RsvpBody } from '@steerco/contract/meetings';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { verifyLinkToken } from '../../http/signed-links.ts';
import { getSettings } from '../committees/committees.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findPersons } from '../users/users.service.ts';
import {
  findAttendee,
  findAttendeeWithMeeting,
  findAttendeeWithUnit,
  updateAttendee,
} from './attendees.repo.ts';
import { confirmationDeadlineOf } from './deadlines.service.ts';
import { RSVP_LINK } from './invitations.service.ts';
import { actorChairs, loadMeeting } from './meeting-access.service.ts';
import { effectiveStatus } from './meeting-time.ts';
import { canManage, isDeputyHeadTitle } from './meetings.policy.ts';
import { type MeetingRow, seatHolder } from './meetings.repo.ts';
import { getMeeting } from './reads.service.ts';

// Confirmation of attendance (R10) and the chair's approval of absences and substitutes (R11): answers given in
// the app, by the standing agency, or from the personal link in the invitation e-mail.

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
  const canRecord = canManage(actor, access);
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
  const target = await findAttendeeWithUnit(db, meeting.id, targetId);
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
      const subId = body.substitute.userId;
      const sub = subId ? (await findPersons(db, [subId])).get(subId) : undefined;
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
    await updateAttendee(tx, targetId, {
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
    });
    const chair = needsApproval ? await seatHolder(tx, meeting.chairMembershipId) : null;
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

async function attendeeFromToken(db: Db, token: string) {
  const attendeeId = await verifyLinkToken(db, RSVP_LINK, token);
  if (!attendeeId) throw new AppError('meeting.linkInvalid');
  const row = await findAttendeeWithMeeting(db, attendeeId);
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
    const a = await findAttendee(tx, meetingId, attendeeId, { forUpdate: true });
    if (!a) throw new AppError('meeting.notInvited');
    if (a.approval !== 'pending') throw new AppError('meeting.nothingToApprove');
    await updateAttendee(tx, attendeeId, {
      approval: body.decision === 'approve' ? 'approved' : 'rejected',
      approvalBy: actor.userId,
      approvalAt: clock.now(),
      approvalNote: body.note ?? null,
    });
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
