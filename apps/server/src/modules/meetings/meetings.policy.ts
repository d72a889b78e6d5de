import * as clock from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { assertCommittee, type CommitteeAccess } from '../committees/access.service.ts';
import type { AttendeeRow } from './attendees.repo.ts';
import { hasStarted } from './meeting-time.ts';
import type { MeetingRow } from './meetings.repo.ts';
import type { MinutesStatus } from './minutes.repo.ts';

// Who may do what with a meeting, and in which state: the standing agency manages it (R5), the chair decides
// (meeting-access.service.ts: actorChairs), and a meeting's state decides what can still change (R8–R13).

/** May the actor manage the meeting: the standing agency of its committee (or a delegate). */
export const canManage = (actor: Actor, access: CommitteeAccess | null) =>
  !!access && can(actor, 'meeting.manage', { committee: access });

export function assertManage(actor: Actor, access: CommitteeAccess | null) {
  if (!access) throw new AppError('permission.denied');
  assertCommittee(actor, 'meeting.manage', access);
}

/** A notice can go out for a draft meeting still to come; not for one recorded afterwards or already started. */
export function assertNoticeable(m: MeetingRow) {
  if (m.recordedAfterwards) throw new AppError('meeting.recordedAfterwards');
  if (m.status === 'cancelled') throw new AppError('meeting.locked');
  if (m.status !== 'draft') throw new AppError('meeting.noticeAlreadySent');
  if (hasStarted(m, clock.now())) throw new AppError('meeting.alreadyStarted');
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

/** Minutes and conclusions are written once the meeting is noticed (or recorded), never for a draft or cancelled one. */
export function assertMinutesOpen(m: MeetingRow) {
  if (m.status === 'draft' || m.status === 'cancelled') throw new AppError('meeting.notHeldYet');
}

/** Minutes and conclusions change until they are submitted; after the approval, never (R13). */
export function assertMinutesEditable(status: MinutesStatus | undefined) {
  if (status === 'approved') throw new AppError('meeting.conclusionsLocked');
  if (status === 'submitted') throw new AppError('meeting.minutesSubmitted');
}

/** The secretary submits a draft (or returned) minutes; the chair approves or returns submitted ones. */
export function assertMinutesTransition(
  action: 'submit' | 'approve' | 'return',
  status: MinutesStatus | null,
) {
  const allowed = { submit: ['draft', 'returned'], approve: ['submitted'], return: ['submitted'] }[action];
  if (!status || !allowed.includes(status))
    throw new AppError('meeting.minutesWrongState', { detail: `Trạng thái hiện tại: ${status ?? 'draft'}.` });
}

/** Bình Định's rule (seed 004): a substitute must be a deputy head of the member's own unit, never a division head. */
export function isDeputyHeadTitle(position: string | null | undefined): boolean {
  if (!position) return false;
  const p = position.trim().toLowerCase();
  return p.startsWith('phó ') && !/phó trưởng phòng|phó phòng|phó trưởng bộ phận/.test(p);
}

/** R12: who owes written opinions — an approved absentee, or a member sending a substitute (not refused). */
export const owesOpinions = (a: AttendeeRow) =>
  a.kind === 'member' &&
  ((a.response === 'absent' && a.approval === 'approved') ||
    (a.response === 'substitute' && a.approval !== 'rejected'));
