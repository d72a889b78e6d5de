import { eq, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { meetingAt, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/smtp.ts';
import * as clock from '../../clock.ts';
import { users } from '../users/users.schema.ts';

/*
 * R9 as a request, not a dead end: the secretary's reason for a late notice goes to the chair (in the app and by
 * e-mail with a signed one-click link); the chair approves (the notice goes out, the reason recorded as of then)
 * or refuses with a comment (nothing sent). E-mails go through a real SMTP server in this process.
 */

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
  org = await committeeWithRoles(ctx.app, ctx.db, 'gui-muon');
  for (const [role, seat] of Object.entries(org.seats).filter(([r]) => r !== 'guest')) {
    await ctx.db
      .update(users)
      .set({ email: `${role}.guimuon@example.gov.vn` })
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
afterEach(() => clock.setClock(TEST_NOW));

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
const count = async (query: ReturnType<typeof sql>) =>
  (await ctx.db.execute<{ n: number }>(query)).rows[0]!.n;

/** A meeting on the next working day, 14:00: a notice now is late (2 working days needed). */
async function lateMeeting(title: string) {
  const m = (
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      '/api/v1/meetings',
      {
        committeeId: org.committee.id,
        kind: 'adHoc',
        title,
        place: 'Phòng họp tầng 2',
        ...meetingAt(workingDay(1), '14:00'),
      },
      201,
    )
  ).json();
  expect(m.notice.late).toBe(true);
  return m as { id: string; startsAt: string };
}

async function waitForMail(address: string, subject: RegExp) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mail = smtp.messages.find((m) => to(m) === address && subject.test(m.subject ?? ''));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a late notice as a request to the chair (R9)', () => {
  it('sends the request to the chair, who approves from the e-mail link: the notice goes out with the reason as of then', async () => {
    const m = await lateMeeting('Họp đột xuất về dịch vụ công trực tuyến');
    const url = `/api/v1/meetings/${m.id}`;
    const reason = 'Thực hiện chỉ đạo khẩn của UBND quận';
    const requested = (
      await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/late-notice-request`, { reason }, 200)
    ).json();
    expect(requested).toMatchObject({
      status: 'draft',
      lateNotice: null,
      lateNoticeRequest: {
        status: 'pending',
        reason,
        requestedBy: 'secretary gui-muon',
        chairName: 'head gui-muon',
      },
    });
    expect(await count(sql`select count(*)::int as n from meeting_notices where meeting_id = ${m.id}`)).toBe(
      0,
    );
    // The chair is told in the app and by e-mail, with her own link.
    expect(
      await count(
        sql`select count(*)::int as n from notifications where user_id = ${org.seats.head.userId} and kind = 'meeting.lateNoticeRequested' and link = ${`/cuoc-hop/${m.id}`}`,
      ),
    ).toBe(1);
    const mail = await waitForMail('head.guimuon@example.gov.vn', /^Đề nghị gửi giấy mời muộn/);
    expect(mail.text).toContain(reason);
    expect(mail.text).not.toMatch(/\bR\d{1,2}\b/);
    const link = /https:\/\/bcd\.example\.gov\.vn\/duyet-gui-muon\?token=(\S+)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]!);

    // Only one request waits at a time: a second is refused, nothing written.
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/late-notice-request`, {
        reason: 'Nhắc lại',
      }),
      409,
      'meeting.lateNoticeRequestPending',
    );
    expect(
      await count(sql`select count(*)::int as n from late_notice_requests where meeting_id = ${m.id}`),
    ).toBe(1);

    const shown = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/late-notice?token=${encodeURIComponent(token)}`,
    });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({
      meetingId: m.id,
      meetingTitle: 'Họp đột xuất về dịch vụ công trực tuyến',
      workingDaysLeft: 0,
      request: { status: 'pending', reason },
    });

    // The chair opens it half an hour later and approves in one click.
    clock.advanceClock(30 * 60_000);
    const decidedAt = clock.now();
    smtp.messages.length = 0;
    const approved = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/late-notice',
      payload: { token, decision: 'approve' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().request).toMatchObject({ status: 'approved', decidedBy: 'head gui-muon' });
    const after = (await call(ctx.app, org.seats.secretary.session, 'GET', url, undefined, 200)).json();
    expect(after).toMatchObject({
      status: 'noticeSent',
      noticeVersion: 1,
      lateNotice: { reason, workingDaysGiven: 0 },
      lateNoticeRequest: { status: 'approved', decidedBy: 'head gui-muon' },
    });
    // Recorded as of the chair's decision, not the request.
    expect(Math.abs(new Date(after.noticeSentAt).getTime() - decidedAt.getTime())).toBeLessThan(60_000);
    // Everyone is invited; the secretary hears the answer.
    await waitForMail('member.guimuon@example.gov.vn', /^Giấy mời họp/);
    expect(
      await count(
        sql`select count(*)::int as n from notifications where user_id = ${org.seats.secretary.userId} and kind = 'meeting.lateNoticeDecided'`,
      ),
    ).toBe(1);

    // The link decides once.
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/late-notice',
        payload: { token, decision: 'refuse', comment: 'Không' },
      }),
      409,
      'meeting.lateNoticeRequestDecided',
    );
    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: `/api/v1/late-notice?token=${encodeURIComponent(forged)}` }),
      404,
      'meeting.lateNoticeLinkInvalid',
    );
  });

  it('lets the chair refuse with a comment: nothing is sent, and the secretary reads the comment on the meeting', async () => {
    const m = await lateMeeting('Họp đột xuất rà soát hồ sơ tồn đọng');
    const url = `/api/v1/meetings/${m.id}`;
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `${url}/late-notice-request`,
      { reason: 'Hồ sơ tồn đọng tăng' },
      200,
    );
    await waitForMail('head.guimuon@example.gov.vn', /^Đề nghị gửi giấy mời muộn/);
    smtp.messages.length = 0;
    // Only the chair decides; a refusal needs a comment.
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/late-notice-request/decision`, {
        decision: 'approve',
      }),
      403,
      'permission.denied',
    );
    expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', `${url}/late-notice-request/decision`, {
        decision: 'refuse',
      }),
      400,
      'request.validation',
    );
    const refused = (
      await call(
        ctx.app,
        org.seats.head.session,
        'POST',
        `${url}/late-notice-request/decision`,
        { decision: 'refuse', comment: 'Lùi sang tuần sau, gửi giấy mời đúng hạn.' },
        200,
      )
    ).json();
    expect(refused.status).toBe('draft');
    const seen = (await call(ctx.app, org.seats.secretary.session, 'GET', url, undefined, 200)).json();
    expect(seen).toMatchObject({
      status: 'draft',
      noticeSentAt: null,
      lateNotice: null,
      lateNoticeRequest: {
        status: 'refused',
        comment: 'Lùi sang tuần sau, gửi giấy mời đúng hạn.',
        decidedBy: 'head gui-muon',
      },
    });
    expect(await count(sql`select count(*)::int as n from meeting_notices where meeting_id = ${m.id}`)).toBe(
      0,
    );
    expect(
      await count(
        sql`select count(*)::int as n from notifications where kind = 'meeting.notice' and link = ${`/cuoc-hop/${m.id}`}`,
      ),
    ).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.filter((x) => /^Giấy mời họp/.test(x.subject ?? ''))).toHaveLength(0);
    // A new request may follow the refusal.
    const again = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url}/late-notice-request`,
        { reason: 'Trưởng Ban đồng ý họp trong tuần' },
        200,
      )
    ).json();
    expect(again.lateNoticeRequest.status).toBe('pending');
  });

  it('is refused when the notice is not late (it is simply sent), and to plain members — nothing written', async () => {
    const onTime = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        '/api/v1/meetings',
        { committeeId: org.committee.id, kind: 'adHoc', title: 'Họp đúng hạn', ...meetingAt(workingDay(15)) },
        201,
      )
    ).json();
    expectProblem(
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/meetings/${onTime.id}/late-notice-request`,
        {
          reason: 'Không cần',
        },
      ),
      409,
      'meeting.noticeNotLate',
    );
    expectProblem(
      await call(
        ctx.app,
        org.seats.member.session,
        'POST',
        `/api/v1/meetings/${onTime.id}/late-notice-request`,
        {
          reason: 'Không có quyền',
        },
      ),
      403,
      'permission.denied',
    );
    expect(
      await count(sql`select count(*)::int as n from late_notice_requests where meeting_id = ${onTime.id}`),
    ).toBe(0);
  });
});
