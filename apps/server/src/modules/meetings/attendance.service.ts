import { formatDateTime } from '@steerco/contract/datetime';
import type { AttendanceStatus } from '@steerco/contract/meetings';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getSettings } from '../committees/committees.service.ts';
import { type AttendeeRow, checkInAttendee, findAttendeesByName, setMinuteTaker } from './attendees.repo.ts';
import { type LoadedMeeting, loadMeeting } from './meeting-access.service.ts';
import { checkInOpensAt, isOver } from './meeting-time.ts';
import { assertManage, canManage } from './meetings.policy.ts';
import type { MeetingRow } from './meetings.repo.ts';

// On the day (R5, R10, R11): check-in, the minute-taker, and the attendance list with the quorum and headcount.

/**
 * When check-in is allowed: on the meeting day, from the committee's window before the start (default 60
 * minutes) — for the standing agency checking people in as for members checking themselves in. Members check
 * themselves in until the end; the standing agency keeps the list until the minutes are approved. A meeting
 * recorded afterwards takes its attendance directly.
 */
async function assertCheckInOpen(db: DbOrTx, meeting: MeetingRow, self: boolean) {
  if (meeting.status !== 'noticeSent' && meeting.status !== 'held')
    throw new AppError('meeting.notOpenForAnswers');
  if (meeting.recordedAfterwards) {
    if (self) throw new AppError('meeting.checkInClosed');
    return;
  }
  const settings = await getSettings(db, meeting.committeeId);
  const opensAt = checkInOpensAt(meeting.startsAt, settings.checkInOpensMinutes ?? 60);
  const now = clock.now();
  if (now < opensAt) {
    throw new AppError('meeting.checkInNotOpen', {
      detail: `Điểm danh mở từ ${formatDateTime(opensAt)}, ${settings.checkInOpensMinutes ?? 60} phút trước giờ họp.`,
    });
  }
  if (self && now > meeting.endsAt) throw new AppError('meeting.checkInClosed');
}

/** Check-in: by the attendee on the meeting day until the end, or by the standing agency (R5). */
export async function checkIn(db: Db, actor: Actor, meetingId: string, attendeeId: string | null) {
  const loaded = await loadMeeting(db, actor, meetingId);
  const target = attendeeId ?? loaded.myAttendeeId;
  if (!target) throw new AppError('meeting.notInvited');
  if (target !== loaded.myAttendeeId) assertManage(actor, loaded.access);
  await assertCheckInOpen(
    db,
    loaded.meeting,
    target === loaded.myAttendeeId && !canManage(actor, loaded.access),
  );
  if (!(await checkInAttendee(db, meetingId, target, { userId: actor.userId, at: clock.now() })))
    throw new AppError('meeting.notInvited');
  return attendanceOf(db, loaded);
}

/**
 * The minute-taker (thư ký cuộc họp, R5: the standing agency keeps the minutes): one attendee, marked by the
 * standing agency when check-in is open, and so present — never "absent without leave" for being busy writing.
 * The minutes name them as "Thư ký (người ghi biên bản)".
 */
export async function markMinuteTaker(db: Db, actor: Actor, meetingId: string, attendeeId: string) {
  const loaded = await loadMeeting(db, actor, meetingId);
  assertManage(actor, loaded.access);
  await assertCheckInOpen(db, loaded.meeting, false);
  await db.transaction(async (tx) => {
    const marked = await setMinuteTaker(tx, meetingId, attendeeId, { userId: actor.userId, at: clock.now() });
    if (!marked) throw new AppError('meeting.notInvited');
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.minuteTakerMarked',
      entityType: 'meeting',
      entityId: meetingId,
      data: { attendeeId },
    });
  });
  return attendanceOf(db, loaded);
}

/**
 * Where a person stands (R10, R11): present (in person, by substitute, as a guest, or as the minute-taker);
 * excused; and for the others, until the meeting is over, "not answered", "coming" or "absence waiting for the
 * chair" — only once it is over are they absent without leave (a guest: did not come).
 */
export function attendanceStatusOf(a: AttendeeRow, over: boolean): AttendanceStatus {
  const present = !!a.checkedInAt || a.minuteTaker;
  if (a.kind === 'guest') {
    if (present) return 'guestPresent';
    return over ? 'guestAbsent' : a.response ? 'notArrived' : 'notAnswered';
  }
  if (present) return a.response === 'substitute' && !a.minuteTaker ? 'substitutePresent' : 'present';
  // An approved substitute is awaited until the end; if none came, the member's absence was excused.
  if (a.response === 'substitute' && a.approval === 'approved' && !over) return 'notArrived';
  const asksLeave = a.response === 'absent' || a.response === 'substitute';
  if (asksLeave && a.approval === 'approved') return 'absentApproved';
  if (over) return 'absentNotApproved';
  if (asksLeave && a.approval === 'pending') return 'absencePending';
  return a.response ? 'notArrived' : 'notAnswered';
}

/** The attendance list of a meeting the actor may see (see attendanceOf). */
export async function getAttendance(db: DbOrTx, actor: Actor, meetingId: string) {
  return attendanceOf(db, await loadMeeting(db, actor, meetingId));
}

/**
 * The attendance list with each person's status, the quorum (share of members present, in person or by
 * substitute) and the headcount the minutes and the conclusion notice state (members, substitutes, guests).
 */
export async function attendanceOf(db: DbOrTx, loaded: Pick<LoadedMeeting, 'meeting'>) {
  const { meeting } = loaded;
  const settings = await getSettings(db, meeting.committeeId);
  const over = isOver(meeting, clock.now());
  const rows = (await findAttendeesByName(db, meeting.id)).map(({ a, fullName }) => ({
    attendeeId: a.id,
    fullName,
    kind: a.kind,
    status: attendanceStatusOf(a, over),
    substituteName: a.substituteName,
    checkedInAt: a.checkedInAt?.toISOString() ?? null,
    minuteTaker: a.minuteTaker,
  }));
  const members = rows.filter((r) => r.kind === 'member').length;
  const count = (status: AttendanceStatus, kind?: 'member' | 'guest') =>
    rows.filter((r) => r.status === status && (!kind || r.kind === kind)).length;
  const headcount = {
    members: count('present', 'member'),
    substitutes: count('substitutePresent'),
    guests: count('guestPresent') + count('present', 'guest'),
  };
  const present = headcount.members + headcount.substitutes;
  const required = Math.ceil(members * settings.quorumFraction);
  return { rows, quorum: { members, present, required, reached: present >= required }, headcount, over };
}
