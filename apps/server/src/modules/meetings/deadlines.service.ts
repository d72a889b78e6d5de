import { formatDate } from '@steerco/contract/datetime';
import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { getSettings } from '../committees/committees.service.ts';
import { confirmationDeadline, vnDate } from './meeting-time.ts';
import type { MeetingRow } from './meetings.repo.ts';

// The deadlines of a meeting on the committee's working days: the notice (R9) and the confirmation (R10).

/** R10: the confirmation deadline of a meeting, on working days (the committee's setting). */
export async function confirmationDeadlineOf(db: DbOrTx, m: Pick<MeetingRow, 'startsAt' | 'committeeId'>) {
  const [settings, calendar] = await Promise.all([getSettings(db, m.committeeId), getWorkingCalendar(db)]);
  return confirmationDeadline(m.startsAt, settings.confirmationLeadDays, calendar);
}

/** R9: the last day a notice gives `lead` full working days before the meeting day, and how many are left today. */
export async function noticeWindow(db: DbOrTx, m: Pick<MeetingRow, 'startsAt'>, lead: number) {
  const calendar = await getWorkingCalendar(db);
  const meetingDay = vnDate(m.startsAt);
  const latest = calendar.latestDateWithNotice(meetingDay, lead);
  const today = clock.today();
  // Full working days strictly between today and the meeting day.
  const given = Math.max(
    0,
    calendar.workingDaysBetween(today, meetingDay) - (calendar.isWorkingDay(meetingDay) ? 1 : 0),
  );
  return { latest, late: today > latest, given };
}

/** R9: the notice window as of now, for the late-notice request (the shortfall in words, and its figures). */
export async function lateNoticeWindow(db: DbOrTx, m: Pick<MeetingRow, 'startsAt' | 'committeeId'>) {
  const settings = await getSettings(db, m.committeeId);
  const window = await noticeWindow(db, m, settings.noticeLeadWorkingDays);
  return {
    ...window,
    shortfall: `Giấy mời phải gửi chậm nhất ngày ${formatDate(window.latest)} (trước ${settings.noticeLeadWorkingDays} ngày làm việc); hôm nay chỉ còn ${window.given} ngày làm việc.`,
  };
}
