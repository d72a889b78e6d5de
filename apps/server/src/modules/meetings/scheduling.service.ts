import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { mayActForHead } from '../committees/delegations.service.ts';
import { dayOffName, vnDate } from './meeting-time.ts';
import { seatHolder } from './meetings.repo.ts';

/*
 * When a meeting may be set: a meeting to come is scheduled in the future (one already held is entered as
 * "recorded afterwards", with a reason, and must lie in the past); a day off (weekend, holiday, local override)
 * needs the chair's confirmation with a reason (R8: the chair decides the time).
 */

/** May the actor decide as the meeting's chair: the chair's seat holder, or someone acting for the head in chairing. */
async function actsAsChair(
  db: DbOrTx,
  actor: Actor,
  m: { committeeId: string; chairMembershipId: string | null; date: string },
) {
  const chair = await seatHolder(db, m.chairMembershipId);
  if (chair?.userId === actor.userId) return true;
  const answer = await mayActForHead(db, {
    committeeId: m.committeeId,
    userId: actor.userId,
    scope: 'chairMeetings',
    date: m.date,
  });
  return answer.allowed;
}

export interface ScheduleInput {
  committeeId: string;
  chairMembershipId: string | null;
  startsAt: Date;
  endsAt: Date;
  dayOffReason?: string | null;
  recordedAfterwards?: { reason: string } | null;
  /** On a change: the day the meeting had, whose day-off confirmation still holds if the day stays. */
  previous?: { startsAt: Date; dayOffReason: string | null } | null;
}

/**
 * Checks the time of a meeting being scheduled (or moved) and returns the columns that record the decision:
 * the recorded-afterwards reason, and the chair's day-off confirmation (cleared when the day is a working day).
 */
export async function scheduleFields(db: DbOrTx, actor: Actor, input: ScheduleInput) {
  const now = clock.now();
  if (input.recordedAfterwards) {
    if (input.endsAt.getTime() > now.getTime()) {
      throw new AppError('meeting.recordedNotPast', {
        detail: `Cuộc họp ghi nhận sau phải đã kết thúc trước thời điểm hiện tại (${formatDateTime(now)}).`,
      });
    }
    // A meeting held on a day off is a fact by now: nothing for the chair to decide.
    return {
      recordedAfterwards: true,
      recordedReason: input.recordedAfterwards.reason,
      recordedBy: actor.userId,
      recordedAt: now,
    };
  }
  if (input.startsAt.getTime() <= now.getTime()) {
    throw new AppError('meeting.startsInPast', {
      detail: `Giờ bắt đầu ${formatDateTime(input.startsAt)} đã qua. Cuộc họp đã diễn ra thì ghi nhận sau, kèm lý do.`,
    });
  }
  const date = vnDate(input.startsAt);
  const calendar = await getWorkingCalendar(db);
  const name = dayOffName(calendar, date);
  if (!name) return { dayOffReason: null, dayOffConfirmedBy: null, dayOffConfirmedAt: null };
  const reason = input.dayOffReason?.trim();
  if (!reason) {
    // The same day off as before keeps the chair's confirmation.
    if (input.previous?.dayOffReason && vnDate(input.previous.startsAt) === date) return {};
    throw new AppError('meeting.dayOffReasonRequired', {
      detail: `Ngày ${formatDate(date)} là ngày nghỉ (${name}). Họp vào ngày nghỉ cần người chủ trì xác nhận và nêu lý do.`,
      errors: [{ path: 'body.dayOffReason', message: 'Cần lý do họp vào ngày nghỉ', code: 'required' }],
    });
  }
  if (!(await actsAsChair(db, actor, { ...input, date }))) {
    throw new AppError('meeting.dayOffNeedsChair', {
      detail: `Ngày ${formatDate(date)} là ngày nghỉ (${name}). Chỉ người chủ trì quyết định họp vào ngày nghỉ.`,
    });
  }
  return { dayOffReason: reason, dayOffConfirmedBy: actor.userId, dayOffConfirmedAt: now };
}
