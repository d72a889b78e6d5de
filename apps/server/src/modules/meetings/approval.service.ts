import { formatDateTime } from '@steerco/contract/datetime';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, Tx } from '../../db/client.ts';
import { emit } from '../../events/bus.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { membersOn } from '../committees/seats.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { actorChairs, type LoadedMeeting, loadMeeting } from './meeting-access.service.ts';
import { hasStarted } from './meeting-time.ts';
import { assertManage, assertMinutesTransition } from './meetings.policy.ts';
import { lockMeeting, type MeetingRow, updateMeetingRow } from './meetings.repo.ts';
import { findConclusions, findMinutes, setMinutesStatus } from './minutes.repo.ts';
import { minutesOf } from './minutes.service.ts';

// The minutes and conclusions decided (R5, R13): the secretary submits them, the chair returns them with comments
// or approves them. Approval closes the meeting, tells every member, and emits `conclusions.approved`, to which
// src/wiring.ts reacts in the same transaction (the follow-up module turns the task proposals into tasks, and
// their notifications follow from `task.created`). The meeting is loaded once, here, for the whole decision.

type MinutesAction = 'submit' | 'approve' | 'return';

/** The secretary submits; the chair approves (conclusions lock and go to every member) or returns with comments. */
export async function decideMinutes(
  db: Db,
  actor: Actor,
  meetingId: string,
  action: MinutesAction,
  comment?: string,
) {
  const loaded = await loadMeeting(db, actor, meetingId);
  await assertMayDecide(db, actor, loaded, action);
  const now = clock.now();
  const meeting = await db.transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    const minutes = await findMinutes(tx, meetingId);
    assertMinutesTransition(action, minutes ? minutes.status : null);
    let decided = loaded.meeting;
    if (action === 'submit') {
      await setMinutesStatus(tx, meetingId, { status: 'submitted', by: actor.userId, at: now });
    } else if (action === 'return') {
      await setMinutesStatus(tx, meetingId, { status: 'returned', comment: comment ?? null });
    } else {
      decided = await approve(tx, actor, loaded.meeting, now);
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: `meeting.minutes.${action}`,
      entityType: 'meeting',
      entityId: meetingId,
      data: { comment },
    });
    return decided;
  });
  return minutesOf(db, actor, { ...loaded, meeting });
}

/**
 * The secretary submits (the standing agency); the chair, the head or a delegate returns or approves. Drafted
 * before, perhaps, but submitted and approved only once the meeting has started.
 */
async function assertMayDecide(db: Db, actor: Actor, loaded: LoadedMeeting, action: MinutesAction) {
  if (action === 'submit') assertManage(actor, loaded.access);
  else if (!(await actorChairs(db, actor, loaded.meeting))) {
    throw new AppError('permission.denied', {
      detail: 'Chỉ người chủ trì (hoặc Trưởng Ban, người được ủy quyền) duyệt biên bản và kết luận.',
    });
  }
  if (action !== 'return' && !hasStarted(loaded.meeting, clock.now())) {
    throw new AppError('meeting.notStarted', {
      detail: `Cuộc họp bắt đầu lúc ${formatDateTime(loaded.meeting.startsAt)}: biên bản và kết luận chỉ được trình, duyệt sau giờ họp.`,
    });
  }
}

/**
 * R13: the approval. The minutes are approved and the meeting closed (submitted only once started, so approving
 * holds and closes it); every member is told the conclusions are published; `conclusions.approved` carries them,
 * in their order with their task proposals, to the reactions wired at start-up.
 */
async function approve(tx: Tx, actor: Actor, meeting: MeetingRow, now: Date) {
  await setMinutesStatus(tx, meeting.id, { status: 'approved', by: actor.userId, at: now });
  const closed = (await updateMeetingRow(tx, meeting.id, { status: 'closed' })) ?? meeting;
  const members = await membersOn(tx, meeting.committeeId, clock.today());
  await notify(
    tx,
    members.map((userId) => ({
      userId,
      kind: 'meeting.conclusionsPublished',
      title: `Kết luận cuộc họp: ${meeting.title}`,
      link: `/cuoc-hop/${meeting.id}?tab=bien-ban`,
    })),
  );
  const { id, committeeId, title, startsAt } = meeting;
  await emit(tx, 'conclusions.approved', {
    actor,
    meeting: { id, committeeId, title, startsAt },
    conclusions: await findConclusions(tx, meeting.id),
  });
  return closed;
}
