import type { WorkingCalendar } from '@steerco/calendar';
import { formatDate, todayInVietnam } from '@steerco/contract/datetime';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { holdersOfRoles } from '../committees/seats.service.ts';
import { type NewNotification, notify } from '../notifications/notifications.service.ts';
import {
  REMINDER_CATCH_UP_WORKING_DAYS,
  reminderDue,
  reminderSettingsOf,
} from '../tasks/reminders.service.ts';
import {
  claimReportReminders,
  findReportReminderCandidates,
  type ReminderCandidate,
} from './reminders.repo.ts';

// Chasing reports (R16) with the follow-up's reminder rules: 3 and 1 working days before the deadline, on it,
// the first working day after it, and the 3rd working day after it an escalation to the recipient's standing
// agency and head — on working days only, each (period, reporter, kind) claimed once in `report_reminders`.

const SETTINGS = reminderSettingsOf({});

function messageOf(cal: WorkingCalendar, today: string, c: ReminderCandidate, kind: string) {
  const what = `${c.regimeName} – ${c.label}`;
  const deadline = formatDate(c.deadline);
  if (kind.startsWith('before:'))
    return {
      title: `Còn ${cal.workingDaysBetween(today, c.deadline)} ngày làm việc đến hạn gửi báo cáo: ${what}`,
      body: `Hạn gửi ${deadline}.`,
    };
  if (kind === 'due') return { title: `Hôm nay đến hạn gửi báo cáo: ${what}`, body: `Hạn gửi ${deadline}.` };
  const late = cal.workingDaysBetween(c.deadline, today);
  if (kind === 'overdue')
    return { title: `Báo cáo quá hạn: ${what}`, body: `Hạn gửi ${deadline} đã qua (${late} ngày làm việc).` };
  return {
    title: `Báo cáo quá hạn ${late} ngày làm việc: ${what}`,
    body: `Hạn gửi ${deadline}. Đã báo cáo cơ quan thường trực và lãnh đạo Ban Chỉ đạo cấp trên.`,
  };
}

/**
 * The daily run as of `now`: every reporter that owes a report gets the most advanced reminder due today, once,
 * in the app (its head and standing agency; an escalation also reaches the recipient's). Several instances or a
 * re-run claim each reminder once: the claim and the notifications share one transaction.
 */
export async function runReportReminders(db: Db, opts: { now: Date; logger?: Logger }) {
  const cal = await getWorkingCalendar(db);
  const today = todayInVietnam(opts.now);
  const result = { reminders: 0, notifications: 0 };
  if (!cal.isWorkingDay(today)) return result;
  const from = cal.addWorkingDays(today, -(SETTINGS.escalationDays + REMINDER_CATCH_UP_WORKING_DAYS + 1));
  const to = cal.addWorkingDays(today, Math.max(0, ...SETTINGS.offsets));
  const owed: { c: ReminderCandidate; kind: string }[] = [];
  for (const c of await findReportReminderCandidates(db, from, to, today)) {
    const due = reminderDue(cal, today, c.deadline, SETTINGS);
    if (due && !c.sent.includes(due.kind)) owed.push({ c, kind: due.kind });
  }
  for (const { c, kind } of owed) {
    const sent = await db.transaction(async (tx) => {
      const claimed = await claimReportReminders(tx, [
        { periodId: c.periodId, reporterCommitteeId: c.reporterId, kind, sentOn: today },
      ]);
      if (!claimed.length) return null;
      const roles = ['head', 'secretary'] as const;
      const people = new Set(await holdersOfRoles(tx, c.reporterId, [...roles], today));
      if (kind === 'escalation')
        for (const u of await holdersOfRoles(tx, c.issuerId, [...roles], today)) people.add(u);
      const m = messageOf(cal, today, c, kind);
      const items: NewNotification[] = [...people].map((userId) => ({
        userId,
        kind: kind === 'escalation' ? 'report.escalation' : 'report.reminder',
        title: m.title,
        body: m.body,
        link: '/bao-cao',
        data: { periodId: c.periodId, reporterCommitteeId: c.reporterId, kind },
      }));
      await notify(tx, items);
      return items.length;
    });
    if (sent === null) continue;
    result.reminders += 1;
    result.notifications += sent;
  }
  opts.logger?.info({ day: today, ...result }, 'report reminders');
  return result;
}
