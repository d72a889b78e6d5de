import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { call } from '../../../test/org-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/smtp.ts';
import { startJobQueue } from '../../jobs/queue.ts';
import { registerJobs } from '../../wiring.ts';
import { committees } from '../committees/committees.schema.ts';
import { dispatchEmails, MAIL_SEND_JOB } from '../mail/mail.service.ts';
import { notificationPreferences, notifications } from '../notifications/notifications.schema.ts';
import { users } from '../users/users.schema.ts';
import { buildDigests, runTaskDigest } from './digest.service.ts';
import { taskReminders } from './reminders.schema.ts';
import { reminderDue, reminderSettingsOf, runTaskReminders } from './reminders.service.ts';
import { act, calendar, newTask, type TaskOrg, taskOrg } from './tasks.fixtures.ts';
import { TASK_REMINDER_JOB } from './tasks.jobs.ts';

const PUBLIC_URL = 'https://bcd.example.gov.vn';
let smtp: TestSmtpServer;
let ctx: TestContext;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({ seed: true, jobs: true, smtpUrl: smtp.url, env: { PUBLIC_URL } });
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.messages.length = 0;
});

/** 08:00 in Viet Nam on `day` (the reminder job's default slot). */
const at8 = (day: string) => new Date(`${day}T08:00:00+07:00`);
const daysFrom = (from: string, to: string) => {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10));
  return out;
};
const addressOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address ?? '';

/** Waits until no mail job is queued or running: nothing more can arrive. */
async function drained(timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = ${MAIL_SEND_JOB} and state < 'completed'`,
    );
    if (rows[0]!.n === 0) return;
    if (Date.now() > deadline) throw new Error('mail jobs still pending');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A fresh committee whose people have addresses `<role>.<label>@example.gov.vn`. */
async function orgWithMail(label: string) {
  const org = await taskOrg(ctx.app, ctx.db, label);
  const people = { ...org.seats, officer: org.officer };
  for (const [role, seat] of Object.entries(people)) {
    await ctx.db
      .update(users)
      .set({ email: `${role}.${label}@example.gov.vn` })
      .where(eq(users.id, seat.userId));
  }
  return org;
}

/** A task counted from `sourceDate` (in the past: the clock of these tests is 2026). */
function taskDue(
  org: TaskOrg,
  title: string,
  deadline: string,
  lead: 'officer' | 'member',
  sourceDate = '2026-01-05',
) {
  return newTask(ctx.app, org, {
    title,
    sourceDate,
    deadline,
    ...(lead === 'officer'
      ? { leadUnitId: org.police.id }
      : { leadMembershipId: org.seats.member.membershipId }),
  });
}

/** Runs the job as two instances would, at once, and dispatches what they queued. */
async function runTwice(day: string) {
  const results = await Promise.all([
    runTaskReminders(ctx.db, { now: at8(day), publicUrl: PUBLIC_URL }),
    runTaskReminders(ctx.db, { now: at8(day), publicUrl: PUBLIC_URL }),
  ]);
  for (const r of results) await dispatchEmails(ctx.jobs, r.emailIds);
  return results;
}

async function sentReminders(taskIds: string[]) {
  const rows = await ctx.db.select().from(taskReminders).where(inArray(taskReminders.taskId, taskIds));
  return rows
    .map((r) => ({ taskId: r.taskId, deadline: r.deadline, kind: r.kind, sentOn: r.sentOn }))
    .sort((a, b) => (a.sentOn + a.kind).localeCompare(b.sentOn + b.kind));
}

describe('the reminder rule', () => {
  const defaults = reminderSettingsOf({});
  it('counts in working days and moves across Tết 2026 (14/02–22/02 are days off)', () => {
    expect(defaults).toEqual({ offsets: [3, 1], escalationDays: 3 });
    // Deadline on a Tết holiday: 3 and 1 working days before are 11/02 and 13/02; on the next working day the
    // most advanced reminder that has come is "overdue" (the display status then), not "due today".
    const d = '2026-02-17';
    expect(reminderDue(calendar, '2026-02-10', d, defaults)).toBeNull();
    expect(reminderDue(calendar, '2026-02-11', d, defaults)).toEqual({ kind: 'before:3', on: '2026-02-11' });
    expect(reminderDue(calendar, '2026-02-13', d, defaults)).toEqual({ kind: 'before:1', on: '2026-02-13' });
    expect(reminderDue(calendar, '2026-02-23', d, defaults)).toEqual({ kind: 'overdue', on: '2026-02-23' });
    expect(reminderDue(calendar, '2026-02-25', d, defaults)).toEqual({
      kind: 'escalation',
      on: '2026-02-25',
    });
    // A missed run catches up with the current reminder for 5 working days, then gives up.
    expect(reminderDue(calendar, '2026-03-04', d, defaults)).toEqual({
      kind: 'escalation',
      on: '2026-02-25',
    });
    expect(reminderDue(calendar, '2026-03-05', d, defaults)).toBeNull();
    // Per-committee settings (regulation settings): one reminder 5 working days before, escalation after 1.
    const custom = reminderSettingsOf({ taskReminderWorkingDays: [5], taskEscalationWorkingDays: 1 });
    // 5 working days before 24/02 skip Tết: 23/02, 13/02, 12/02, 11/02, 10/02.
    expect(reminderDue(calendar, '2026-02-09', '2026-02-24', custom)).toBeNull();
    expect(reminderDue(calendar, '2026-02-10', '2026-02-24', custom)).toEqual({
      kind: 'before:5',
      on: '2026-02-10',
    });
    expect(reminderDue(calendar, '2026-02-25', '2026-02-24', custom)).toEqual({
      kind: 'escalation',
      on: '2026-02-25',
    });
  });
});

describe('reminders and escalation (issue #8)', () => {
  it('fires on the right working days around Tết 2026, once each, with two runners at once', async () => {
    const org = await orgWithMail('tet');
    const a = await taskDue(org, 'Báo cáo kết quả cấp CCCD', '2026-02-17', 'officer');
    const b = await taskDue(org, 'Rà soát thủ tục hành chính quý I', '2026-02-24', 'member');
    const done = await taskDue(org, 'Nhiệm vụ đã báo cáo hoàn thành', '2026-02-17', 'member');
    await act(ctx.app, org.seats.member.session, done.id, 'submit-done', {});

    const perDay: Record<string, number> = {};
    for (const day of daysFrom('2026-02-05', '2026-03-06')) {
      const results = await runTwice(day);
      const claimed = results.reduce((n, r) => n + r.reminders, 0);
      if (claimed) perDay[day] = claimed;
    }

    expect(await sentReminders([a.id, b.id, done.id])).toEqual([
      { taskId: a.id, deadline: '2026-02-17', kind: 'before:3', sentOn: '2026-02-11' },
      { taskId: b.id, deadline: '2026-02-24', kind: 'before:3', sentOn: '2026-02-12' },
      { taskId: a.id, deadline: '2026-02-17', kind: 'before:1', sentOn: '2026-02-13' },
      { taskId: b.id, deadline: '2026-02-24', kind: 'before:1', sentOn: '2026-02-23' },
      { taskId: a.id, deadline: '2026-02-17', kind: 'overdue', sentOn: '2026-02-23' },
      { taskId: b.id, deadline: '2026-02-24', kind: 'due', sentOn: '2026-02-24' },
      { taskId: a.id, deadline: '2026-02-17', kind: 'escalation', sentOn: '2026-02-25' },
      { taskId: b.id, deadline: '2026-02-24', kind: 'overdue', sentOn: '2026-02-25' },
      { taskId: b.id, deadline: '2026-02-24', kind: 'escalation', sentOn: '2026-02-27' },
    ]);
    // Nothing on the days off, and each reminder was claimed by exactly one of the two runners.
    expect(perDay).toEqual({
      '2026-02-11': 1,
      '2026-02-12': 1,
      '2026-02-13': 1,
      '2026-02-23': 2,
      '2026-02-24': 1,
      '2026-02-25': 2,
      '2026-02-27': 1,
    });

    // In-app: the lead unit's member hears about A, the lead member about B; the escalations reach the
    // standing agency (secretary) and the head and deputy, never the other members.
    const notes = await ctx.db
      .select({
        userId: notifications.userId,
        kind: notifications.kind,
        title: notifications.title,
        link: notifications.link,
      })
      .from(notifications)
      .where(inArray(notifications.link, [`/nhiem-vu/${a.id}`, `/nhiem-vu/${b.id}`]))
      .orderBy(notifications.createdAt);
    const reminderNotes = notes.filter(
      (n) => n.kind.startsWith('task.reminder') || n.kind === 'task.escalated',
    );
    const count = (userId: string, link: string, kind?: string) =>
      reminderNotes.filter((n) => n.userId === userId && n.link === link && (!kind || n.kind === kind))
        .length;
    expect(count(org.officer.userId, `/nhiem-vu/${a.id}`)).toBe(4);
    expect(count(org.seats.member.userId, `/nhiem-vu/${b.id}`)).toBe(5);
    for (const role of ['secretary', 'head', 'deputyHead'] as const) {
      expect(count(org.seats[role].userId, `/nhiem-vu/${a.id}`, 'task.escalated')).toBe(1);
      expect(count(org.seats[role].userId, `/nhiem-vu/${b.id}`, 'task.escalated')).toBe(1);
    }
    expect(reminderNotes.filter((n) => n.userId === org.seats.residentialGroupHead.userId)).toEqual([]);
    expect(reminderNotes.filter((n) => n.userId === org.seats.guest.userId)).toEqual([]);
    expect(reminderNotes.map((n) => n.title)).toContain(
      'Còn 1 ngày làm việc đến hạn: Báo cáo kết quả cấp CCCD',
    );
    expect(reminderNotes.map((n) => n.title)).toContain(
      'Nhiệm vụ quá hạn 3 ngày làm việc: Báo cáo kết quả cấp CCCD',
    );

    // The notification centre counts them as unread, and reading one lowers the count.
    const bell = (
      await call(ctx.app, org.seats.head.session, 'GET', '/api/v1/notifications?unread=true', undefined, 200)
    ).json();
    const escalations = bell.items.filter((n: { kind: string }) => n.kind === 'task.escalated');
    expect(escalations).toHaveLength(2);
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      '/api/v1/notifications/read',
      { ids: [escalations[0].id] },
      204,
    );
    const after = (
      await call(ctx.app, org.seats.head.session, 'GET', '/api/v1/notifications', undefined, 200)
    ).json();
    expect(after.unread).toBe(bell.unread - 1);

    // E-mail: one per person per day, 15 in all, through real SMTP.
    await smtp.waitFor(15);
    await drained();
    const mails = smtp.messages.filter((m) => addressOf(m).endsWith('.tet@example.gov.vn'));
    expect(mails).toHaveLength(15);
    const tally = (addr: string) => mails.filter((m) => addressOf(m) === `${addr}.tet@example.gov.vn`).length;
    expect({
      officer: tally('officer'),
      member: tally('member'),
      secretary: tally('secretary'),
      head: tally('head'),
      deputyHead: tally('deputyHead'),
      residentialGroupHead: tally('residentialGroupHead'),
    }).toEqual({ officer: 4, member: 5, secretary: 2, head: 2, deputyHead: 2, residentialGroupHead: 0 });
    const escalation = mails.find(
      (m) =>
        addressOf(m) === 'secretary.tet@example.gov.vn' && m.subject?.includes('Báo cáo kết quả cấp CCCD'),
    )!;
    expect(escalation.subject).toBe('Nhiệm vụ quá hạn 3 ngày làm việc: Báo cáo kết quả cấp CCCD');
    expect(escalation.text).toContain('Hạn hoàn thành 17/02/2026.');
    expect(escalation.text).toContain(`Công an thử tet`);
    expect(escalation.text).toContain(`${PUBLIC_URL}/nhiem-vu/${a.id}`);
    expect(escalation.html).toContain(`href="${PUBLIC_URL}/nhiem-vu/${a.id}"`);
  });

  it('gives an approved extension fresh reminders for the new deadline', async () => {
    const org = await orgWithMail('giahan');
    const t = await taskDue(org, 'Triển khai dịch vụ công trực tuyến', '2026-04-15', 'member');
    await runTwice('2026-04-10');
    await act(ctx.app, org.seats.member.session, t.id, 'extension-request', {
      reason: 'Chờ hướng dẫn của Sở',
      proposedDeadline: '2026-04-24',
    });
    await act(ctx.app, org.seats.head.session, t.id, 'extension-decision', { decision: 'approve' });
    for (const day of daysFrom('2026-04-10', '2026-05-08')) await runTwice(day);
    // 26/04 (Hùng Kings, a Sunday) is compensated on 27/04; 30/04 and 01/05 are holidays.
    expect(await sentReminders([t.id])).toEqual([
      { taskId: t.id, deadline: '2026-04-15', kind: 'before:3', sentOn: '2026-04-10' },
      { taskId: t.id, deadline: '2026-04-24', kind: 'before:3', sentOn: '2026-04-21' },
      { taskId: t.id, deadline: '2026-04-24', kind: 'before:1', sentOn: '2026-04-23' },
      { taskId: t.id, deadline: '2026-04-24', kind: 'due', sentOn: '2026-04-24' },
      { taskId: t.id, deadline: '2026-04-24', kind: 'overdue', sentOn: '2026-04-28' },
      { taskId: t.id, deadline: '2026-04-24', kind: 'escalation', sentOn: '2026-05-04' },
    ]);
    // The member: 5 reminders; the escalation also reaches the secretary, the head and the deputy.
    await smtp.waitFor(9);
    await drained();
    const mails = smtp.messages.filter((m) => addressOf(m).endsWith('.giahan@example.gov.vn'));
    expect(mails).toHaveLength(9);
    expect(mails.filter((m) => addressOf(m) === 'member.giahan@example.gov.vn')).toHaveLength(6);
  });

  it('respects e-mail opt-outs (in-app notifications stay) and sends once with two pg-boss instances', async () => {
    const org = await orgWithMail('tatthu');
    // The member turns reminder e-mails off; the head turns escalation e-mails off.
    await call(
      ctx.app,
      org.seats.member.session,
      'PUT',
      '/api/v1/me/notification-preferences',
      {
        emailReminders: false,
        emailEscalations: true,
        emailDigest: true,
      },
      200,
    );
    await call(
      ctx.app,
      org.seats.head.session,
      'PUT',
      '/api/v1/me/notification-preferences',
      {
        emailReminders: true,
        emailEscalations: false,
        emailDigest: true,
      },
      200,
    );
    const t = await taskDue(org, 'Cập nhật dữ liệu dân cư', '2026-06-02', 'member');
    const logger = pino({ level: 'silent' });
    const second = await startJobQueue({
      url: ctx.url,
      logger,
      workers: true,
      pollingIntervalSeconds: 0.5,
      stopTimeoutMs: 2_000,
    });
    try {
      await registerJobs(second, { db: ctx.db, config: ctx.config, logger });
      // The escalation day (3 working days after 02/06): both instances get the job.
      const now = at8('2026-06-05').toISOString();
      await Promise.all([
        ctx.jobs!.send(TASK_REMINDER_JOB, { now }),
        second.send(TASK_REMINDER_JOB, { now }),
      ]);
      const until = Date.now() + 20_000;
      for (;;) {
        const { rows } = await ctx.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pgboss.job where name = ${TASK_REMINDER_JOB} and state = 'completed' and data->>'now' = ${now}`,
        );
        if (rows[0]!.n >= 2) break;
        if (Date.now() > until) throw new Error('reminder jobs did not complete');
        await new Promise((r) => setTimeout(r, 100));
      }
      await drained();
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await second.stop();
    }
    expect(await sentReminders([t.id])).toEqual([
      { taskId: t.id, deadline: '2026-06-02', kind: 'escalation', sentOn: '2026-06-05' },
    ]);
    const mails = smtp.messages.filter((m) => addressOf(m).endsWith('.tatthu@example.gov.vn'));
    // Secretary and deputy get the escalation; the member (reminders off) and the head (escalations off) do not.
    expect(mails.map(addressOf).sort()).toEqual([
      'deputyHead.tatthu@example.gov.vn',
      'secretary.tatthu@example.gov.vn',
    ]);
    const notes = await ctx.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.link, `/nhiem-vu/${t.id}`), eq(notifications.kind, 'task.escalated')));
    expect(notes.map((n) => n.userId).sort()).toEqual(
      [
        org.seats.member.userId,
        org.seats.head.userId,
        org.seats.secretary.userId,
        org.seats.deputyHead.userId,
      ].sort(),
    );
  });
});

describe('committees that no longer work', () => {
  it('chases no task of a dissolved committee', async () => {
    const org = await orgWithMail('giaithe');
    const t = await taskDue(org, 'Tổng kết hoạt động Ban Chỉ đạo', '2026-03-20', 'member');
    await ctx.db.update(committees).set({ status: 'dissolved' }).where(eq(committees.id, org.committee.id));
    await runTwice('2026-03-17');
    expect(await sentReminders([t.id])).toEqual([]);
    await ctx.db.update(committees).set({ status: 'active' }).where(eq(committees.id, org.committee.id));
    await runTwice('2026-03-17');
    expect(await sentReminders([t.id])).toEqual([
      { taskId: t.id, deadline: '2026-03-20', kind: 'before:3', sentOn: '2026-03-17' },
    ]);
    await smtp.waitFor(1);
    await drained();
  });
});

describe('notification preferences API', () => {
  it('reads defaults, replaces one’s own, and rejects bad input without writing', async () => {
    const org = await orgWithMail('caidat');
    const me = org.seats.residentialGroupHead;
    const url = '/api/v1/me/notification-preferences';
    expect((await call(ctx.app, me.session, 'GET', url, undefined, 200)).json()).toEqual({
      emailReminders: true,
      emailEscalations: true,
      emailDigest: true,
    });
    expectProblem(
      await call(ctx.app, me.session, 'PUT', url, { emailReminders: false }),
      400,
      'request.validation',
    );
    expectProblem(
      await call(ctx.app, me.session, 'PUT', url, {
        emailReminders: false,
        emailEscalations: true,
        emailDigest: 'no',
      }),
      400,
      'request.validation',
    );
    expect(
      await ctx.db
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, me.userId)),
    ).toEqual([]);
    const saved = { emailReminders: false, emailEscalations: true, emailDigest: false };
    expect((await call(ctx.app, me.session, 'PUT', url, saved, 200)).json()).toEqual(saved);
    expect((await call(ctx.app, me.session, 'GET', url, undefined, 200)).json()).toEqual(saved);
    // Someone else's stay untouched.
    expect(
      (await call(ctx.app, org.seats.member.session, 'GET', url, undefined, 200)).json().emailDigest,
    ).toBe(true);
    const anonymous = await ctx.app.inject({ method: 'GET', url });
    expectProblem(anonymous, 401, 'auth.required');
  });
});

describe('daily digest', () => {
  it('groups each person’s overdue, due-soon and to-review tasks, respects the opt-out, once a day', async () => {
    const org = await orgWithMail('tonghop');
    // The clock: Wednesday 10/06/2026 07:30. Due soon = within 3 working days (before 16/06).
    const overdue = await taskDue(org, 'Báo cáo chỉ số PAR INDEX', '2026-06-05', 'member', '2026-05-04');
    const soon = await taskDue(org, 'Tuyên truyền VNeID', '2026-06-12', 'member', '2026-05-04');
    await taskDue(org, 'Kế hoạch chuyển đổi số quý III', '2026-06-30', 'member', '2026-05-04');
    const submitted = await taskDue(org, 'Làm sạch dữ liệu dân cư', '2026-06-20', 'officer', '2026-05-04');
    await act(ctx.app, org.officer.session, submitted.id, 'submit-done', {});
    const extension = await taskDue(org, 'Số hóa hồ sơ một cửa', '2026-06-25', 'member', '2026-05-04');
    await act(ctx.app, org.seats.member.session, extension.id, 'extension-request', {
      reason: 'Thiếu máy quét',
      proposedDeadline: '2026-07-10',
    });
    await call(
      ctx.app,
      org.seats.deputyHead.session,
      'PUT',
      '/api/v1/me/notification-preferences',
      {
        emailReminders: true,
        emailEscalations: true,
        emailDigest: false,
      },
      200,
    );

    const digests = (await buildDigests(ctx.db, '2026-06-10')).filter((d) =>
      d.email.endsWith('.tonghop@example.gov.vn'),
    );
    const view = Object.fromEntries(
      digests.map((d) => [
        d.email.split('.')[0],
        Object.fromEntries(Object.entries(d.sections).map(([k, items]) => [k, items.map((x) => x.title)])),
      ]),
    );
    expect(view).toEqual({
      member: { overdue: ['Báo cáo chỉ số PAR INDEX'], dueSoon: ['Tuyên truyền VNeID'], review: [] },
      // The officer's only task waits for review: nothing to chase. The deputy opted out.
      secretary: { overdue: [], dueSoon: [], review: ['Làm sạch dữ liệu dân cư', 'Số hóa hồ sơ một cửa'] },
      head: { overdue: [], dueSoon: [], review: ['Làm sạch dữ liệu dân cư', 'Số hóa hồ sơ một cửa'] },
    });

    // Not on a day off; on the working day twice (a re-run, a second instance) but one e-mail each.
    expect(
      (await runTaskDigest(ctx.db, { now: new Date('2026-06-13T07:30:00+07:00'), publicUrl: PUBLIC_URL }))
        .digests,
    ).toBe(0);
    const now = new Date('2026-06-10T07:30:00+07:00');
    const runs = await Promise.all([
      runTaskDigest(ctx.db, { now, publicUrl: PUBLIC_URL }),
      runTaskDigest(ctx.db, { now, publicUrl: PUBLIC_URL }),
    ]);
    for (const r of runs) await dispatchEmails(ctx.jobs, r.emailIds);
    await smtp.waitFor(3);
    await drained();
    await new Promise((r) => setTimeout(r, 300));
    const mails = smtp.messages.filter((m) => addressOf(m).endsWith('.tonghop@example.gov.vn'));
    expect(mails.map(addressOf).sort()).toEqual([
      'head.tonghop@example.gov.vn',
      'member.tonghop@example.gov.vn',
      'secretary.tonghop@example.gov.vn',
    ]);
    const member = mails.find((m) => addressOf(m).startsWith('member.'))!;
    expect(member.subject).toBe('Tổng hợp nhiệm vụ ngày 10/06/2026');
    expect(member.text).toContain(
      'Nhiệm vụ quá hạn (1):\n• Báo cáo chỉ số PAR INDEX — Ban Chỉ đạo thử tonghop, hạn 05/06/2026',
    );
    expect(member.text).toContain(`Nhiệm vụ sắp đến hạn (1):\n• Tuyên truyền VNeID`);
    expect(member.text).toContain(`${PUBLIC_URL}/nhiem-vu/${overdue.id}`);
    expect(member.text).toContain(`${PUBLIC_URL}/nhiem-vu/${soon.id}`);
    expect(member.text).not.toContain('Kế hoạch chuyển đổi số quý III');
    const head = mails.find((m) => addressOf(m).startsWith('head.'))!;
    expect(head.text).toContain('Chờ ông/bà xem xét, quyết định (2):');
    expect(head.text).toContain('Làm sạch dữ liệu dân cư — Ban Chỉ đạo thử tonghop, báo cáo hoàn thành');
    expect(head.text).toContain('Số hóa hồ sơ một cửa — Ban Chỉ đạo thử tonghop, đề nghị gia hạn');
    expect(head.html).toContain('Tổng hợp nhiệm vụ ngày 10/06/2026');
    const keys = await ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from email_outbox where dedupe_key like ${'task-digest:%:2026-06-10'}`,
    );
    expect(keys.rows[0]!.n).toBeGreaterThanOrEqual(3);
  });
});
