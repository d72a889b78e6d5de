import { eq, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { multipartFile } from '../../../test/factories.ts';
import { meetingAt, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/smtp.ts';
import { startJobQueue } from '../../jobs/queue.ts';
import { registerJobs } from '../../wiring.ts';
import { parseIcs } from '../mail/ics.fixtures.ts';
import { MAIL_SEND_JOB } from '../mail/mail.service.ts';
import { users } from '../users/users.schema.ts';
import { confirmationDeadlineOf } from './deadlines.service.ts';
import { invitationMailer, rsvpLink, runAutomaticReminders } from './invitations.service.ts';
import { meetingAttendees, meetings } from './meetings.schema.ts';

let smtp: TestSmtpServer;
let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({
    seed: true,
    jobs: true,
    smtpUrl: smtp.url,
    env: { PUBLIC_URL: 'https://bcd.example.gov.vn' },
  });
  org = await committeeWithRoles(ctx.app, ctx.db, 'thu-moi');
  // The members get addresses; the guest seat (not invited by default) keeps none.
  const seated = Object.entries(org.seats).filter(([role]) => role !== 'guest');
  for (const [role, seat] of seated) {
    await ctx.db
      .update(users)
      .set({ email: `${role}.thumoi@example.gov.vn` })
      .where(eq(users.id, seat.userId));
  }
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.messages.length = 0;
});

/** Waits until no mail job is queued or running: nothing more can arrive. */
async function drained(timeoutMs = 15_000) {
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

const calendarOf = (mail: ParsedMail) => {
  const ics = mail.attachments.find((a) => a.filename === 'cuoc-hop.ics');
  if (!ics) throw new Error('no calendar file');
  return parseIcs(ics.content.toString('utf8'));
};
const recipients = (mails: ParsedMail[]) =>
  mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address).sort();

/** A meeting `workingDaysAhead` working days on, agenda set, notice sent on time by the secretary. */
async function noticedMeeting(title: string, workingDaysAhead = 20) {
  const m = (
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      '/api/v1/meetings',
      {
        committeeId: org.committee.id,
        kind: 'quarterly',
        title,
        place: 'Phòng họp số 1',
        ...meetingAt(workingDay(workingDaysAhead), '14:00'),
      },
      201,
    )
  ).json();
  await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/meetings/${m.id}/agenda`, {
    title: 'Kết quả CCHC quý III',
    presenter: 'Văn phòng',
    takesOpinions: true,
  });
  await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/meetings/${m.id}/notice`, {}, 200);
  return m as { id: string };
}

const MEMBERS_WITH_EMAIL = ['deputyHead', 'head', 'member', 'residentialGroupHead', 'secretary'].map(
  (r) => `${r}.thumoi@example.gov.vn`,
);

describe('invitation e-mails (R9, R10)', () => {
  it('sends the notice once per attendee with a valid calendar file and a working personal link', async () => {
    const m = await noticedMeeting('Họp Ban Chỉ đạo quý III');
    const mails = await smtp.waitFor(5);
    await drained();
    expect(smtp.messages).toHaveLength(5);
    expect(recipients(mails)).toEqual(MEMBERS_WITH_EMAIL);

    const toMember = mails.find((x) => recipients([x])[0] === 'member.thumoi@example.gov.vn')!;
    expect(toMember.subject).toBe('Giấy mời họp: Họp Ban Chỉ đạo quý III');
    expect(toMember.text).toContain('Kính gửi ông/bà member thu-moi,');
    expect(toMember.text).toContain('1. Kết quả CCHC quý III — Văn phòng');
    const ics = calendarOf(toMember);
    expect(ics).toMatchObject({
      method: 'REQUEST',
      sequence: 0,
      tzid: 'Asia/Ho_Chi_Minh',
      uid: `meeting-${m.id}@steerco`,
    });
    expect(ics.summary).toBe('Họp Ban Chỉ đạo quý III');

    // The personal link confirms attendance without a login (R10).
    const link = /https:\/\/bcd\.example\.gov\.vn\/xac-nhan\?token=(\S+)/.exec(toMember.text ?? '');
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]!);
    const answered = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rsvp',
      payload: { token, response: 'attend' },
    });
    expect(answered.statusCode).toBe(200);
    const [row] = await ctx.db
      .select({ response: meetingAttendees.response })
      .from(meetingAttendees)
      .where(
        sql`${meetingAttendees.meetingId} = ${m.id} and ${meetingAttendees.userId} = ${org.seats.member.userId}`,
      );
    expect(row!.response).toBe('attend');
  });

  it('sends an amended notice with a higher SEQUENCE and what changed, then a cancellation', async () => {
    const m = await noticedMeeting('Họp chuyên đề Đề án 06');
    await smtp.waitFor(5);
    await drained();
    smtp.messages.length = 0;

    await call(
      ctx.app,
      org.seats.secretary.session,
      'PATCH',
      `/api/v1/meetings/${m.id}`,
      { place: 'Hội trường UBND' },
      200,
    );
    const amended = await smtp.waitFor(5);
    await drained();
    expect(smtp.messages).toHaveLength(5);
    expect(amended[0]!.subject).toBe('Thông báo thay đổi cuộc họp: Họp chuyên đề Đề án 06');
    expect(amended[0]!.text).toContain('Địa điểm: Phòng họp số 1 → Hội trường UBND');
    expect(calendarOf(amended[0]!)).toMatchObject({
      method: 'REQUEST',
      sequence: 1,
      location: 'Hội trường UBND',
    });
    smtp.messages.length = 0;

    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/meetings/${m.id}/cancel`,
      { reason: 'Trùng lịch làm việc của Thành ủy' },
      200,
    );
    const cancelled = await smtp.waitFor(5);
    await drained();
    expect(smtp.messages).toHaveLength(5);
    expect(cancelled[0]!.subject).toBe('Thông báo hủy cuộc họp: Họp chuyên đề Đề án 06');
    expect(cancelled[0]!.text).toContain('Trùng lịch làm việc của Thành ủy');
    expect(cancelled[0]!.text).not.toContain('xac-nhan');
    expect(calendarOf(cancelled[0]!)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 2 });
    // The meeting keeps every notice sent, with what changed (R9).
    const detail = (
      await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/meetings/${m.id}`, undefined, 200)
    ).json();
    expect(detail.notices.map((n: { kind: string; version: number }) => [n.kind, n.version])).toEqual([
      ['notice', 1],
      ['amendment', 2],
      ['cancellation', 3],
    ]);
    expect(detail.notices[1].changes).toEqual(['Địa điểm: Phòng họp số 1 → Hội trường UBND']);
  });

  it('sends each invitation exactly once when two app instances work the same database', async () => {
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
      const m = await noticedMeeting('Họp sơ kết 6 tháng');
      // The other instance dispatches the same outbox rows too, as a sweep racing the request would.
      const { rows } = await ctx.db.execute<{ id: string }>(
        sql`select id from email_outbox where dedupe_key like ${`meeting:${m.id}:%`}`,
      );
      for (const { id } of rows)
        await second.send(MAIL_SEND_JOB, { outboxId: id }, { singletonKey: `${id}:again` });
      await smtp.waitFor(5);
      await drained();
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.messages).toHaveLength(5);
      expect(recipients(smtp.messages)).toEqual(MEMBERS_WITH_EMAIL);
    } finally {
      await second.stop();
    }
  });
});

describe('chasing non-responders (R10)', () => {
  it('reminds only those who have not answered, never the chair, once per quiet period', async () => {
    const m = await noticedMeeting('Họp triển khai chuyển đổi số');
    await smtp.waitFor(5);
    await drained();
    smtp.messages.length = 0;
    await call(
      ctx.app,
      org.seats.member.session,
      'POST',
      `/api/v1/meetings/${m.id}/response`,
      { response: 'attend' },
      200,
    );

    const first = await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/meetings/${m.id}/remind`,
      undefined,
      200,
    );
    // Five members are invited (a guest seat is not, unless named); the member has answered, and the head
    // chairs: she is not asked to confirm her own meeting.
    expect(first.json()).toEqual({ reminded: 3 });
    const mails = await smtp.waitFor(3);
    await drained();
    expect(recipients(mails)).toEqual(
      MEMBERS_WITH_EMAIL.filter((a) => !a.startsWith('head.') && !a.startsWith('member.')),
    );
    const chairReminders = await ctx.db.execute(
      sql`select count(*)::int as n from notifications where user_id = ${org.seats.head.userId} and kind = 'meeting.reminder'`,
    );
    expect(chairReminders.rows[0]!.n).toBe(0);
    expect(mails[0]!.subject).toBe('Nhắc xác nhận tham dự họp: Họp triển khai chuyển đổi số');
    expect(mails[0]!.text).toContain('https://bcd.example.gov.vn/xac-nhan?token=');

    const again = await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/meetings/${m.id}/remind`,
      undefined,
      200,
    );
    expect(again.json()).toEqual({ reminded: 0 });
    const bell = await call(
      ctx.app,
      org.seats.deputyHead.session,
      'GET',
      '/api/v1/notifications',
      undefined,
      200,
    );
    expect(bell.json().items.filter((n: { kind: string }) => n.kind === 'meeting.reminder')).toHaveLength(1);
  });

  it('lets only the standing agency chase, and only after the notice', async () => {
    const m = await noticedMeeting('Họp giao ban');
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `/api/v1/meetings/${m.id}/remind`),
      403,
      'permission.denied',
    );
    expectProblem(
      await call(ctx.app, org.outsider.session, 'POST', `/api/v1/meetings/${m.id}/remind`),
      404,
      'meeting.notFound',
    );
    const draft = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        '/api/v1/meetings',
        {
          committeeId: org.committee.id,
          kind: 'adHoc',
          title: 'Họp nháp',
          ...meetingAt(workingDay(25)),
        },
        201,
      )
    ).json();
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/meetings/${draft.id}/remind`),
      409,
      'meeting.notNoticed',
    );
  });

  it('sends the automatic reminder once, at the configured time before the deadline, even with two runners', async () => {
    const m = await noticedMeeting('Họp kiểm điểm Đề án 06', 12);
    await smtp.waitFor(5);
    await drained();
    smtp.messages.length = 0;
    const [row] = await ctx.db.select().from(meetings).where(eq(meetings.id, m.id));
    // Default confirmation lead: the last working day before the meeting; reminder 24 hours before that.
    const deadline = (await confirmationDeadlineOf(ctx.db, row!)).getTime();
    const run = (now: Date) => {
      const mailer = invitationMailer(ctx.config);
      return runAutomaticReminders(
        ctx.db,
        mailer,
        (tx, attendeeId, meeting) => rsvpLink(tx, mailer.publicUrl, attendeeId, meeting),
        { now, hoursBefore: 24 },
      ).then(async (r) => {
        await mailer.dispatch(ctx.jobs);
        return r;
      });
    };
    const tooEarly = await run(new Date(deadline - 25 * 3_600_000));
    expect(tooEarly.meetings).toBe(0);

    const due = new Date(deadline - 23 * 3_600_000);
    const results = await Promise.all([run(due), run(due)]);
    const reminded = results.filter((r) => r.meetings > 0);
    expect(reminded).toHaveLength(1);
    // Everyone but the chair.
    const mails = await smtp.waitFor(4);
    await drained();
    expect(smtp.messages).toHaveLength(4);
    expect(recipients(mails)).not.toContain('head.thumoi@example.gov.vn');
    expect(mails[0]!.subject).toMatch(/^Nhắc xác nhận tham dự họp/);

    expect((await run(new Date(deadline - 3_600_000))).meetings).toBe(0);
    const [after] = await ctx.db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(after!.autoReminderSentAt?.toISOString()).toBe(due.toISOString());
  });
});

describe('agenda documents', () => {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  function upload(session: { headers: Record<string, string> }, url: string, data: Buffer, name: string) {
    const { payload, contentType } = multipartFile('file', name, data);
    return ctx.app.inject({
      method: 'POST',
      url,
      headers: { ...session.headers, 'content-type': contentType },
      payload,
    });
  }

  it('attaches PDF documents to an agenda item, refuses other types, and detaches them', async () => {
    const m = await noticedMeeting('Họp có tài liệu');
    const detail = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `/api/v1/meetings/${m.id}`, undefined, 200)
    ).json();
    const item = detail.agenda[0];
    const url = `/api/v1/meetings/${m.id}/agenda/${item.id}/documents`;

    const res = await upload(org.seats.secretary.session, url, pdf, 'Du thao bao cao.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Du thao bao cao.pdf', mimeType: 'application/pdf' });
    const after = (
      await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/meetings/${m.id}`, undefined, 200)
    ).json();
    expect(after.agenda[0].documents.map((d: { id: string }) => d.id)).toEqual([res.json().id]);
    const download = await call(
      ctx.app,
      org.seats.member.session,
      'GET',
      `/api/v1/files/${res.json().id}`,
      undefined,
      200,
    );
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const count = async () =>
      (await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from agenda_item_documents`))
        .rows[0]!.n;
    const before = await count();
    expectProblem(await upload(org.seats.secretary.session, url, png, 'anh.pdf'), 415, 'file.typeNotAllowed');
    expectProblem(await upload(org.seats.member.session, url, pdf, 'x.pdf'), 403, 'permission.denied');
    expectProblem(
      await upload(
        org.seats.secretary.session,
        `/api/v1/meetings/${m.id}/agenda/${m.id}/documents`,
        pdf,
        'x.pdf',
      ),
      404,
      'meeting.agendaItemNotFound',
    );
    expect(await count()).toBe(before);

    await call(ctx.app, org.seats.secretary.session, 'DELETE', `${url}/${res.json().id}`, undefined, 204);
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'DELETE', `${url}/${res.json().id}`),
      404,
      'meeting.documentNotFound',
    );
    expect(await count()).toBe(before - 1);
  });

  it('refuses an upload over the size limit, and changes to a cancelled meeting', async () => {
    const small = await createTestContext({ seed: true, env: { FILE_MAX_MB: '0.01' } });
    try {
      const o = await committeeWithRoles(small.app, small.db, 'nho');
      const m = (
        await call(
          small.app,
          o.seats.secretary.session,
          'POST',
          '/api/v1/meetings',
          {
            committeeId: o.committee.id,
            kind: 'adHoc',
            title: 'Họp đột xuất',
            ...meetingAt(workingDay(20)),
          },
          201,
        )
      ).json();
      const withItem = (
        await call(
          small.app,
          o.seats.secretary.session,
          'POST',
          `/api/v1/meetings/${m.id}/agenda`,
          { title: 'Nội dung 1', takesOpinions: false },
          200,
        )
      ).json();
      const url = `/api/v1/meetings/${m.id}/agenda/${withItem.agenda[0].id}/documents`;
      const big = Buffer.concat([pdf, Buffer.alloc(20 * 1024, 0x20)]);
      const prev = ctx;
      ctx = small;
      try {
        expectProblem(await upload(o.seats.secretary.session, url, big, 'lon.pdf'), 413, 'file.tooLarge');
        await call(
          small.app,
          o.seats.secretary.session,
          'POST',
          `/api/v1/meetings/${m.id}/cancel`,
          { reason: 'Hoãn' },
          200,
        );
        expectProblem(await upload(o.seats.secretary.session, url, pdf, 'a.pdf'), 409, 'meeting.locked');
      } finally {
        ctx = prev;
      }
      const { rows } = await small.db.execute<{ n: number }>(sql`select count(*)::int as n from files`);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await small.close();
    }
  });
});
