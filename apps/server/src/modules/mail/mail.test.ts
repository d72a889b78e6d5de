import { eq, inArray, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, TEST_POLLING_SECONDS, type TestContext } from '../../../test/context.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/smtp.ts';
import { connectDatabase, type Db } from '../../db/client.ts';
import { startJobQueue } from '../../jobs/queue.ts';
import { parseIcs, SAMPLE_MEETING } from './ics.fixtures.ts';
import { buildMeetingIcs, icsAttachment, type MeetingIcsInput } from './ics.ts';
import { registerMailJobs } from './mail.jobs.ts';
import { emailOutbox } from './mail.schema.ts';
import {
  dispatchEmails,
  enqueueEmail,
  MAIL_SEND_JOB,
  MAIL_SWEEP_JOB,
  type OutgoingEmail,
} from './mail.service.ts';
import { renderEmail } from './render-email.ts';

let smtp: TestSmtpServer;
let ctx: TestContext;
beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({ jobs: true, smtpUrl: smtp.url });
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.messages.length = 0;
});

let counter = 0;
/** A rendered invitation to a sample meeting; each call is a new logical e-mail unless `key` repeats. */
function invitation(over: Partial<MeetingIcsInput> = {}, key?: string): OutgoingEmail {
  counter += 1;
  const meeting = { ...SAMPLE_MEETING, ...over };
  const kind = meeting.method === 'CANCEL' ? 'Hủy cuộc họp' : 'Giấy mời họp';
  const { html, text } = renderEmail({
    title: `${kind}: ${meeting.summary}`,
    paragraphs: [
      'Kính gửi ông Vũ Trọng Huân,',
      `Thời gian: 08:30 ngày 02/06/2025. Địa điểm: ${meeting.location}.`,
    ],
    action: { label: 'Xác nhận tham dự', url: 'https://bcd.phucla.gov.vn/xac-nhan/abc' },
    footer: 'Thư tự động từ hệ thống điều hành Ban Chỉ đạo phường Phúc La.',
  });
  return {
    toAddress: 'huan.vt@phucla.gov.vn',
    toName: 'Vũ Trọng Huân',
    subject: `${kind}: ${meeting.summary} (${counter})`,
    text,
    html,
    attachments: [icsAttachment(buildMeetingIcs(meeting), meeting.method)],
    dedupeKey: key ?? `invitation:${meeting.uid}:user-huan:seq${meeting.sequence}:${counter}`,
  };
}

/** Enqueues in a committed transaction, then dispatches, as a service does. */
async function enqueueAndDispatch(emails: OutgoingEmail[]) {
  const ids = await ctx.db.transaction(async (tx) => {
    const out: (string | null)[] = [];
    for (const e of emails) out.push(await enqueueEmail(tx, e));
    return out;
  });
  await dispatchEmails(ctx.jobs, ids);
  return ids.filter((id): id is string => !!id);
}

/** Waits until no mail job is queued, running or waiting for a retry: nothing more can arrive. */
async function drained(db: Db = ctx.db, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name in (${MAIL_SEND_JOB}, ${MAIL_SWEEP_JOB}) and state < 'completed'`,
    );
    if (rows[0]!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`mail jobs still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const outboxRows = (ids: string[]) => ctx.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));

function calendarOf(mail: ParsedMail) {
  const ics = mail.attachments.find((a) => a.filename === 'cuoc-hop.ics');
  if (!ics) throw new Error('no cuoc-hop.ics attachment');
  return { attachment: ics, parsed: parseIcs(ics.content.toString('utf8')) };
}

describe('mail outbox', () => {
  it('delivers an enqueued invitation once: HTML and text, Vietnamese subject, a calendar file', async () => {
    const email = invitation();
    const [id] = await enqueueAndDispatch([email]);
    const [mail] = await smtp.waitFor(1);
    await drained();
    expect(smtp.messages).toHaveLength(1);

    expect(mail!.subject).toBe(email.subject);
    expect(mail!.to).toMatchObject({ value: [{ address: 'huan.vt@phucla.gov.vn', name: 'Vũ Trọng Huân' }] });
    expect(mail!.from?.value[0]?.address).toBe('no-reply@steerco.local');
    expect(mail!.html).toContain('Kính gửi ông Vũ Trọng Huân,');
    expect(mail!.text).toContain('Xác nhận tham dự: https://bcd.phucla.gov.vn/xac-nhan/abc');
    expect(mail!.messageId).toBe(`<${id}@steerco.local>`);

    const { attachment, parsed } = calendarOf(mail!);
    expect(attachment.contentType).toBe('text/calendar');
    expect(attachment.headers.get('content-type')).toMatchObject({
      value: 'text/calendar',
      params: { method: 'REQUEST', charset: 'UTF-8' },
    });
    expect(parsed).toMatchObject({ method: 'REQUEST', sequence: 0, tzid: 'Asia/Ho_Chi_Minh' });
    expect(parsed.startTzid).toBe('Asia/Ho_Chi_Minh');
    expect(parsed.start.toISOString()).toBe(SAMPLE_MEETING.start.toISOString());
    expect(parsed.summary).toBe(SAMPLE_MEETING.summary);

    const [row] = await outboxRows([id!]);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, messageId: `<${id}@steerco.local>` });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('sends an update with a higher SEQUENCE and a cancellation with METHOD:CANCEL', async () => {
    await enqueueAndDispatch([invitation({ sequence: 1, start: new Date('2025-06-02T02:00:00Z') })]);
    await smtp.waitFor(1);
    await enqueueAndDispatch([invitation({ sequence: 2, method: 'CANCEL' })]);
    const [update, cancel] = await smtp.waitFor(2);
    await drained();
    expect(smtp.messages).toHaveLength(2);

    const u = calendarOf(update!).parsed;
    expect(u).toMatchObject({ method: 'REQUEST', sequence: 1, uid: SAMPLE_MEETING.uid });
    expect(u.start.toISOString()).toBe('2025-06-02T02:00:00.000Z');
    const c = calendarOf(cancel!);
    expect(c.parsed).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      sequence: 2,
      uid: SAMPLE_MEETING.uid,
    });
    expect(c.attachment.headers.get('content-type')).toMatchObject({ params: { method: 'CANCEL' } });
    expect(cancel!.subject).toMatch(/^Hủy cuộc họp: /);
  });

  it('delivers each e-mail exactly once with two instances working the same database', async () => {
    const logger = pino({ level: 'silent' });
    const other = connectDatabase(ctx.url, 5);
    const second = await startJobQueue({
      url: ctx.url,
      logger,
      workers: true,
      pollingIntervalSeconds: TEST_POLLING_SECONDS,
      stopTimeoutMs: 2_000,
    });
    try {
      await registerMailJobs(second, { db: other.db, config: ctx.config, logger });
      const ids = await ctx.db.transaction(async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < 20; i++) out.push((await enqueueEmail(tx, invitation()))!);
        return out;
      });
      // Both instances dispatch every e-mail, twice: a retried request, a sweep racing the service.
      await Promise.all([
        dispatchEmails(ctx.jobs, ids),
        dispatchEmails(second, ids),
        dispatchEmails(ctx.jobs, ids),
        dispatchEmails(second, ids),
        // And a second job per e-mail that the singleton key cannot stop (as when a sweep finds one already
        // running): two workers then hold jobs for the same row at once, and only the row lock keeps it single.
        ...ids.map((id) => second.send(MAIL_SEND_JOB, { outboxId: id }, { singletonKey: `${id}:again` })),
      ]);
      await smtp.waitFor(20);
      await drained();
      expect(smtp.messages).toHaveLength(20);
      expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(20);
      const rows = await outboxRows(ids);
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      await second.stop();
      await other.close();
    }
  });

  it('retries a temporary SMTP failure and then delivers once', async () => {
    smtp.failNext(1);
    const [id] = await enqueueAndDispatch([invitation()]);
    await smtp.waitFor(1);
    await drained();
    expect(smtp.messages).toHaveLength(1);
    const [row] = await outboxRows([id!]);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks an e-mail failed after its last retry, with the error kept', async () => {
    smtp.failNext(2);
    const [id] = await ctx.db.transaction(async (tx) => [await enqueueEmail(tx, invitation())]);
    // One retry only (instead of the configured 5), so the test need not wait out the back-off.
    await ctx.jobs!.send(MAIL_SEND_JOB, { outboxId: id }, { singletonKey: id!, retryLimit: 1 });
    await drained();
    const [row] = await outboxRows([id!]);
    expect(row).toMatchObject({ status: 'failed', attempts: 2, sentAt: null });
    expect(row!.lastError).toMatch(/451/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('queues an e-mail once per dedupe key', async () => {
    const email = invitation({}, `invitation:${SAMPLE_MEETING.uid}:user-hoan:seq0`);
    const first = await ctx.db.transaction((tx) => enqueueEmail(tx, email));
    const again = await ctx.db.transaction((tx) => enqueueEmail(tx, { ...email, subject: 'Bản khác' }));
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
    const rows = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, email.dedupeKey));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe(email.subject);
  });

  it('sweeps up an e-mail whose dispatch was lost after commit, and leaves fresh ones to their dispatch', async () => {
    const [lost, fresh] = await ctx.db.transaction(async (tx) => [
      await enqueueEmail(tx, invitation()),
      await enqueueEmail(tx, invitation()),
    ]);
    // As if the process died between the commit and dispatchEmails, a minute ago.
    await ctx.db
      .update(emailOutbox)
      .set({ createdAt: sql`now() - interval '1 minute'` })
      .where(eq(emailOutbox.id, lost!));
    const { rows: schedules } = await ctx.db.execute<{ cron: string }>(
      sql`select cron from pgboss.schedule where name = ${MAIL_SWEEP_JOB}`,
    );
    expect(schedules).toEqual([{ cron: ctx.config.MAIL_SWEEP_CRON }]);

    // What the cron schedule sends every minute.
    await ctx.jobs!.send(MAIL_SWEEP_JOB, {});
    const [mail] = await smtp.waitFor(1);
    await drained();
    expect(smtp.messages).toHaveLength(1);
    expect(mail!.messageId).toBe(`<${lost}@steerco.local>`);
    const rows = await outboxRows([lost!, fresh!]);
    expect(rows.find((r) => r.id === lost)?.status).toBe('sent');
    expect(rows.find((r) => r.id === fresh)?.status).toBe('pending');
  });
});

describe('mail without SMTP', () => {
  it('keeps e-mails pending in the outbox', async () => {
    const off = await createTestContext({ jobs: true });
    try {
      const id = await off.db.transaction((tx) => enqueueEmail(tx, invitation()));
      await dispatchEmails(off.jobs, [id]);
      await drained(off.db);
      const [row] = await off.db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
      expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    } finally {
      await off.close();
    }
  });
});
