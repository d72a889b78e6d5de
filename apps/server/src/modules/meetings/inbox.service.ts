import { formatDateTime } from '@steerco/contract/datetime';
import type { InboxEntry } from '@steerco/contract/inbox';
import * as clock from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { confirmationDeadlineOf } from './deadlines.service.ts';
import {
  findPendingAbsences,
  findPendingLateNotices,
  findSubmittedMinutes,
  findUnansweredInvitations,
} from './inbox.repo.ts';
import { actorChairs } from './meeting-access.service.ts';
import type { MeetingRow } from './meetings.repo.ts';

const toMeeting = (id: string) => ({ type: 'meeting' as const, id });

/**
 * What waits in meetings for the actor (issue 19's inbox): absences and substitutes to approve and minutes to
 * approve where they chair (the chair, the head or a delegate: the same `actorChairs` the decisions check),
 * late-notice requests sent to them (R9), and their invitations not yet answered while an answer is still
 * accepted (R10). `committeeIds`: the committees the actor sits on today.
 */
export async function meetingsWaitingFor(
  db: Db,
  actor: Actor,
  committeeIds: string[],
): Promise<InboxEntry[]> {
  const [absences, lateNotices, minutes, invitations] = await Promise.all([
    findPendingAbsences(db, committeeIds),
    findPendingLateNotices(db, actor.userId),
    findSubmittedMinutes(db, committeeIds),
    findUnansweredInvitations(db, actor.userId, clock.now()),
  ]);
  const chairs = new Map<string, Promise<boolean>>();
  const chairsOf = (m: MeetingRow) => {
    if (!chairs.has(m.id)) chairs.set(m.id, actorChairs(db, actor, m));
    return chairs.get(m.id)!;
  };
  const items: InboxEntry[] = [];
  for (const a of absences) {
    if (!(await chairsOf(a.meeting))) continue;
    const what = a.response === 'substitute' ? `cử ${a.substituteName ?? 'người'} dự thay` : 'xin vắng mặt';
    items.push({
      kind: 'absenceApproval',
      id: a.id,
      title: `${a.name} ${what}: ${a.meeting.title}`,
      detail: a.reason,
      committeeId: a.meeting.committeeId,
      at: (a.respondedAt ?? a.meeting.updatedAt).toISOString(),
      target: toMeeting(a.meeting.id),
    });
  }
  for (const r of lateNotices) {
    items.push({
      kind: 'lateNotice',
      id: r.id,
      title: r.title,
      detail: `${r.requestedBy}: ${r.reason}`,
      committeeId: r.committeeId,
      at: r.requestedAt.toISOString(),
      target: toMeeting(r.meetingId),
    });
  }
  for (const m of minutes) {
    if (!(await chairsOf(m.meeting))) continue;
    items.push({
      kind: 'minutesApproval',
      id: m.meeting.id,
      title: m.meeting.title,
      detail: m.submittedBy ? `Trình bởi ${m.submittedBy}` : null,
      committeeId: m.meeting.committeeId,
      at: (m.submittedAt ?? m.meeting.updatedAt).toISOString(),
      target: toMeeting(m.meeting.id),
    });
  }
  const now = clock.now();
  for (const i of invitations) {
    const deadline = await confirmationDeadlineOf(db, i.meeting);
    if (!i.meeting.recordedAfterwards && now > deadline) continue;
    items.push({
      kind: 'invitation',
      id: i.id,
      title: i.meeting.title,
      detail: `Họp lúc ${formatDateTime(i.meeting.startsAt)}; xác nhận trước ${formatDateTime(deadline)}`,
      committeeId: i.meeting.committeeId,
      at: (i.meeting.noticeSentAt ?? i.meeting.updatedAt).toISOString(),
      target: toMeeting(i.meeting.id),
    });
  }
  return items;
}
