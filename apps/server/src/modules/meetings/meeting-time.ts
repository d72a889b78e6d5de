import type { WorkingCalendar } from '@steerco/calendar';
import { todayInVietnam } from '@steerco/contract/datetime';

/*
 * The times a meeting's life follows, as pure functions of the meeting and the working-day calendar: when
 * attendance must be confirmed (R10), when check-in opens, when the meeting is under way. No clock is read
 * here; callers pass `now` (the server clock).
 */

const MINUTE = 60_000;
const VN_OFFSET_MS = 7 * 3_600_000;

const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** What a day off is called, for people: "Chủ nhật", "Tết Nguyên đán (mùng 1)", "Nghỉ bù …"; null on a working day. */
export function dayOffName(calendar: Pick<WorkingCalendar, 'dayInfo'>, date: string): string | null {
  const info = calendar.dayInfo(date);
  if (info.working) return null;
  if (info.name) return info.name;
  return WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** The calendar date of an instant in Viet Nam (meetings are held in UTC+7, no daylight saving). */
export const vnDate = (d: Date) => todayInVietnam(d);

/** Midnight at the start of an ISO date, in Viet Nam. */
export const vnMidnight = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) - VN_OFFSET_MS);

/**
 * R10: attendance is confirmed `leadWorkingDays` working days before the meeting day, at the start's time of
 * day: with 1 (the default) the last working day before the meeting, never a weekend or a holiday, even for a
 * meeting on a Monday or after Tết. With 0, until the start.
 */
export function confirmationDeadline(
  startsAt: Date,
  leadWorkingDays: number,
  calendar: Pick<WorkingCalendar, 'addWorkingDays'>,
): Date {
  if (leadWorkingDays <= 0) return startsAt;
  const meetingDay = vnDate(startsAt);
  const day = calendar.addWorkingDays(meetingDay, -leadWorkingDays);
  const timeOfDay = startsAt.getTime() - vnMidnight(meetingDay).getTime();
  return new Date(vnMidnight(day).getTime() + timeOfDay);
}

/**
 * Check-in opens `minutesBefore` the start, but never before the meeting day begins (a 07:00 meeting with a
 * two-hour window opens at midnight, not the evening before).
 */
export function checkInOpensAt(startsAt: Date, minutesBefore: number): Date {
  const opens = startsAt.getTime() - minutesBefore * MINUTE;
  return new Date(Math.max(opens, vnMidnight(vnDate(startsAt)).getTime()));
}

/** The meeting has started: from then on it is held, its minutes can be submitted and approved. */
export const hasStarted = (m: { startsAt: Date }, now: Date) => now.getTime() >= m.startsAt.getTime();

/** The meeting is over: whoever neither came nor had an approved absence is absent without leave. */
export const isOver = (m: { endsAt: Date; recordedAfterwards: boolean }, now: Date) =>
  m.recordedAfterwards || now.getTime() >= m.endsAt.getTime();

/**
 * The status people see: a meeting whose notice went out is "held" from its start time; before, it stays
 * "notice sent" whatever has been drafted for it.
 */
export function effectiveStatus<S extends string>(m: { status: S; startsAt: Date }, now: Date): S | 'held' {
  return m.status === 'noticeSent' && hasStarted(m, now) ? 'held' : m.status;
}
