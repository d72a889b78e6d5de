import type { WorkingCalendar } from '@steerco/calendar';
import { formatDate, todayInVietnam } from '@steerco/contract/datetime';
import { DEFAULT_RULE_SETTINGS } from '@steerco/contract/regulation';
import type { Logger } from 'pino';
import type { Db, DbOrTx } from '../../db/client.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { enqueueEmails, type OutgoingEmail, renderEmail } from '../mail/mail.service.ts';
import { type NewNotification, notify } from '../notifications/notifications.service.ts';
import {
  type Candidate,
  claimReminders,
  findRecipients,
  findReminderCandidates,
  findReminderSettingVariants,
  type Recipient,
} from './reminders.repo.ts';

/**
 * Reminders (đôn đốc) of one task for one deadline, in the order they fall due:
 * `before:N` on the N-th working day before the deadline (N from the committee's `taskReminderWorkingDays`,
 * default 3 and 1), `due` on the deadline, `overdue` on the first working day after it, and `escalation` on the
 * `taskEscalationWorkingDays`-th working day after it (default 3), which also reaches the standing agency and
 * the heads (R5: the standing agency chases the conclusions of the head and deputy).
 */
export type ReminderKind = `before:${number}` | 'due' | 'overdue' | 'escalation';

/**
 * A reminder missed for longer than this many working days (the server was down, the job failed) is dropped
 * rather than sent late: the daily digest still lists the task.
 */
export const REMINDER_CATCH_UP_WORKING_DAYS = 5;

export interface ReminderSettings {
  offsets: number[];
  escalationDays: number;
}

export function reminderSettingsOf(settings: {
  taskReminderWorkingDays?: number[] | null;
  taskEscalationWorkingDays?: number | null;
}): ReminderSettings {
  const offsets = settings.taskReminderWorkingDays ?? DEFAULT_RULE_SETTINGS.taskReminderWorkingDays ?? [3, 1];
  return {
    offsets: [...new Set(offsets)].filter((n) => n > 0).sort((a, b) => b - a),
    escalationDays:
      settings.taskEscalationWorkingDays ?? DEFAULT_RULE_SETTINGS.taskEscalationWorkingDays ?? 3,
  };
}

/**
 * The reminder a task with `deadline` is owed on `today`, or null. The rule (documented for users in the
 * reminder e-mails' footer and in the report of issue #8):
 * - every reminder has a date computed with the working-day calendar; a date that falls on a day off moves to
 *   the next working day (only `due` can: the others are counted in working days). The job runs on working
 *   days only.
 * - on a given day a task gets at most one reminder: the most advanced kind whose date has come. So a deadline
 *   on a day off (e.g. 17/02/2026, in Tết) gets no "due today" message on the next working day but the
 *   "overdue" one, which is what the display status says then; and after a missed run the task gets the
 *   current reminder, not a backlog of stale ones.
 * - a kind whose date is more than REMINDER_CATCH_UP_WORKING_DAYS working days ago is not sent any more.
 */
export function reminderDue(
  calendar: WorkingCalendar,
  today: string,
  deadline: string,
  s: ReminderSettings,
): { kind: ReminderKind; on: string } | null {
  const schedule: { kind: ReminderKind; on: string }[] = [
    ...s.offsets.map((n) => ({
      kind: `before:${n}` as ReminderKind,
      on: calendar.addWorkingDays(deadline, -n),
    })),
    { kind: 'due', on: calendar.addWorkingDays(deadline, 0) },
    { kind: 'overdue', on: calendar.addWorkingDays(deadline, 1) },
    { kind: 'escalation', on: calendar.addWorkingDays(deadline, s.escalationDays) },
  ];
  let current: { kind: ReminderKind; on: string } | null = null;
  for (const r of schedule) if (r.on <= today) current = r;
  if (!current) return null;
  if (current.on < calendar.addWorkingDays(today, -REMINDER_CATCH_UP_WORKING_DAYS)) return null;
  return current;
}

// ——— Who is told ———

export type { Recipient };

/** The task's people: the responsible and lead member, and the lead unit's members on the committee. */
export function assigneesOf(
  t: {
    committeeId: string;
    responsibleMembershipId: string | null;
    leadMembershipId: string | null;
    leadUnitId: string | null;
  },
  people: Recipient[],
): Recipient[] {
  return people.filter(
    (p) =>
      p.membershipId === t.responsibleMembershipId ||
      p.membershipId === t.leadMembershipId ||
      (!!t.leadUnitId && p.committeeId === t.committeeId && p.unitId === t.leadUnitId),
  );
}

// ——— The job ———

const BATCH = 500;

export interface ReminderRunResult {
  /** Reminders claimed by this run (task × kind). */
  reminders: number;
  notifications: number;
  /** Outbox ids to dispatch after the run (`dispatchEmails`). */
  emailIds: string[];
}

/**
 * The daily reminder and escalation run for the whole deployment, as of `now` (a parameter so tests control
 * the clock). One indexed pass finds the candidates (open tasks whose deadline lies in the window any
 * committee's settings can reach, through `tasks_open_deadline_idx`); each batch then claims its reminders in
 * `task_reminders` (primary key (task, deadline, kind), ON CONFLICT DO NOTHING) in the same transaction that
 * writes the in-app notifications and queues the e-mails: however many instances or re-runs, each reminder
 * goes out once. Tasks whose completion report waits for review are not chased.
 */
export async function runTaskReminders(
  db: Db,
  opts: { now: Date; publicUrl: string; logger?: Logger },
): Promise<ReminderRunResult> {
  const result: ReminderRunResult = { reminders: 0, notifications: 0, emailIds: [] };
  const calendar = await getWorkingCalendar(db);
  const today = todayInVietnam(opts.now);
  if (!calendar.isWorkingDay(today)) return result;

  // The widest window any committee's settings reach: from the oldest escalation still within the catch-up
  // period to the furthest "N working days before" reminder.
  const variants = await findReminderSettingVariants(db);
  const all = [
    reminderSettingsOf({}),
    ...variants.map((v) =>
      reminderSettingsOf({ taskReminderWorkingDays: v.offsets, taskEscalationWorkingDays: v.escalation }),
    ),
  ];
  const maxBefore = Math.max(0, ...all.flatMap((s) => s.offsets));
  const maxEscalation = Math.max(...all.map((s) => s.escalationDays));
  const from = calendar.addWorkingDays(today, -(maxEscalation + REMINDER_CATCH_UP_WORKING_DAYS + 1));
  const to = calendar.addWorkingDays(today, maxBefore);

  const candidates = await findReminderCandidates(db, from, to);

  const owed: { task: Candidate; kind: ReminderKind }[] = [];
  for (const task of candidates) {
    const s = reminderSettingsOf({
      taskReminderWorkingDays: task.offsets,
      taskEscalationWorkingDays: task.escalationDays,
    });
    const due = reminderDue(calendar, today, task.deadline, s);
    if (due && !task.sent.includes(due.kind)) owed.push({ task, kind: due.kind });
  }

  for (let i = 0; i < owed.length; i += BATCH) {
    const batch = owed.slice(i, i + BATCH);
    const r = await db.transaction(async (tx) => {
      // The claim: only the rows this transaction inserts are sent by it.
      const claimed = await claimReminders(
        tx,
        batch.map((o) => ({ taskId: o.task.id, deadline: o.task.deadline, kind: o.kind, sentOn: today })),
      );
      const mine = new Set(claimed.map((c) => `${c.taskId}:${c.kind}`));
      const items = batch.filter((o) => mine.has(`${o.task.id}:${o.kind}`));
      if (!items.length) return { reminders: 0, notifications: 0, emailIds: [] };
      return deliver(tx, calendar, today, opts.publicUrl, items);
    });
    result.reminders += r.reminders;
    result.notifications += r.notifications;
    result.emailIds.push(...r.emailIds);
  }
  opts.logger?.info(
    {
      day: today,
      candidates: candidates.length,
      reminders: result.reminders,
      emails: result.emailIds.length,
    },
    'task reminders',
  );
  return result;
}

interface Message {
  task: Candidate;
  kind: ReminderKind;
  title: string;
  body: string;
}

function messageOf(calendar: WorkingCalendar, today: string, task: Candidate, kind: ReminderKind): Message {
  const deadline = formatDate(task.deadline);
  const lead = task.leadName ? ` Chủ trì: ${task.leadName}.` : '';
  if (kind.startsWith('before:')) {
    // Counted like the reminder itself: on the N-th working day before the deadline, N working days are left.
    const offDay = !calendar.isWorkingDay(task.deadline);
    const n = calendar.workingDaysBetween(today, task.deadline) + (offDay ? 1 : 0);
    return {
      task,
      kind,
      title: `Còn ${n} ngày làm việc đến hạn: ${task.title}`,
      body: `Hạn hoàn thành ${deadline}${offDay ? ' (ngày nghỉ)' : ''}.${lead}`,
    };
  }
  if (kind === 'due') {
    return {
      task,
      kind,
      title: `Hôm nay đến hạn: ${task.title}`,
      body: `Hạn hoàn thành ${deadline}.${lead}`,
    };
  }
  const late = calendar.workingDaysBetween(task.deadline, today);
  if (kind === 'overdue') {
    return {
      task,
      kind,
      title: `Nhiệm vụ quá hạn: ${task.title}`,
      body: `Hạn hoàn thành ${deadline} đã qua (${late} ngày làm việc).${lead} Đề nghị báo cáo kết quả hoặc đề nghị gia hạn.`,
    };
  }
  return {
    task,
    kind,
    title: `Nhiệm vụ quá hạn ${late} ngày làm việc: ${task.title}`,
    body: `Hạn hoàn thành ${deadline}.${lead} Đã báo cáo cơ quan thường trực và lãnh đạo Ban Chỉ đạo để đôn đốc.`,
  };
}

/** Notifications for every recipient, and one e-mail per person listing their reminders of this batch. */
async function deliver(
  tx: DbOrTx,
  calendar: WorkingCalendar,
  today: string,
  publicUrl: string,
  items: { task: Candidate; kind: ReminderKind }[],
): Promise<ReminderRunResult> {
  const escalated = items.filter((o) => o.kind === 'escalation');
  const people = await findRecipients(tx, today, {
    seatIds: [
      ...new Set(
        items.flatMap((o) =>
          [o.task.responsibleMembershipId, o.task.leadMembershipId].filter((x): x is string => !!x),
        ),
      ),
    ],
    unitSeats: items.flatMap((o) =>
      o.task.leadUnitId ? [{ committeeId: o.task.committeeId, unitId: o.task.leadUnitId }] : [],
    ),
    chaseCommittees: [...new Set(escalated.map((o) => o.task.committeeId))],
  });
  const notifications: NewNotification[] = [];
  // Per person: their messages, and whether each came to them as the assignee or as the one who chases.
  const inbox = new Map<string, { person: Recipient; messages: { m: Message; chasing: boolean }[] }>();
  for (const o of items) {
    const m = messageOf(calendar, today, o.task, o.kind);
    const assignees = assigneesOf(o.task, people);
    const to = new Map<string, { person: Recipient; chasing: boolean }>();
    for (const p of assignees) to.set(p.userId, { person: p, chasing: false });
    if (o.kind === 'escalation') {
      for (const p of people) {
        if (p.committeeId === o.task.committeeId && ['secretary', 'head', 'deputyHead'].includes(p.role)) {
          if (!to.has(p.userId)) to.set(p.userId, { person: p, chasing: true });
        }
      }
    }
    for (const { person, chasing } of to.values()) {
      notifications.push({
        userId: person.userId,
        kind: o.kind === 'escalation' ? 'task.escalated' : `task.reminder.${o.kind.split(':')[0]}`,
        title: m.title,
        body: m.body,
        link: `/nhiem-vu/${o.task.id}`,
        data: { taskId: o.task.id, deadline: o.task.deadline, reminder: o.kind },
      });
      const entry = inbox.get(person.userId) ?? { person, messages: [] };
      entry.messages.push({ m, chasing });
      inbox.set(person.userId, entry);
    }
  }
  await notify(tx, notifications);

  const emails: OutgoingEmail[] = [];
  for (const { person, messages } of inbox.values()) {
    if (!person.email) continue;
    // The opt-outs silence e-mail only (the notification centre keeps the record).
    const wanted = messages.filter(({ chasing }) =>
      chasing ? person.emailEscalations : person.emailReminders,
    );
    if (!wanted.length) continue;
    const first = wanted[0]!.m;
    const subject =
      wanted.length === 1 ? first.title : `Đôn đốc thực hiện nhiệm vụ: ${wanted.length} nhiệm vụ cần chú ý`;
    const { html, text } = renderEmail({
      title: subject,
      paragraphs: [
        `Kính gửi ông/bà ${person.fullName},`,
        ...wanted.map(
          ({ m }) => `${m.title}\n${m.task.committeeName}. ${m.body}\n${publicUrl}/nhiem-vu/${m.task.id}`,
        ),
      ],
      ...(wanted.length === 1
        ? { action: { label: 'Mở nhiệm vụ', url: `${publicUrl}/nhiem-vu/${first.task.id}` } }
        : { action: { label: 'Nhiệm vụ của tôi', url: `${publicUrl}/nhiem-vu` } }),
      footer:
        'Thư tự động từ hệ thống theo dõi nhiệm vụ của Ban Chỉ đạo, gửi vào ngày làm việc (nhắc trước hạn, đúng hạn, quá hạn). Ông/bà có thể tắt loại thư này trong phần Cài đặt thông báo.',
    });
    emails.push({
      toAddress: person.email,
      toName: person.fullName,
      subject,
      text,
      html,
      // The first claimed reminder of this e-mail names it: that claim happens once, so the key is unique.
      dedupeKey: `task-reminder:${person.userId}:${first.task.id}:${first.task.deadline}:${first.kind}`,
    });
  }
  const emailIds: string[] = [];
  for (let i = 0; i < emails.length; i += 1_000)
    emailIds.push(...(await enqueueEmails(tx, emails.slice(i, i + 1_000))));
  return { reminders: items.length, notifications: notifications.length, emailIds };
}
