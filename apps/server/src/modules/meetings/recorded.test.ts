import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { meetingAt, workCalendar, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';

/*
 * A committee adopting the system mid-year enters a meeting that already took place: "recorded afterwards",
 * with a reason. It skips the notice and the confirmations (R9, R10) and takes its attendance, minutes and
 * conclusions directly (R13); it is the only way to have a held meeting with a past date, and everything —
 * the meeting, its minutes and its conclusion notice — says so.
 */

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'ghi-sau');
});
afterAll(() => ctx.close());
afterEach(() => clock.setClock(TEST_NOW));

const REASON = 'Ban Chỉ đạo bắt đầu dùng hệ thống từ quý IV; cuộc họp quý III đã họp trên giấy';
const meetingCount = async () =>
  (await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from meetings`)).rows[0]!.n;

describe('a meeting recorded afterwards', () => {
  it('needs a reason and a time in the past; it is the only way to enter a past meeting — nothing written otherwise', async () => {
    const before = await meetingCount();
    const base = { committeeId: org.committee.id, kind: 'quarterly', title: 'Họp quý III' };
    const past = meetingAt(workCalendar.addWorkingDays(clock.today(), -15), '14:00');
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', { ...base, ...past }),
      422,
      'meeting.startsInPast',
    );
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
        ...base,
        ...past,
        recordedAfterwards: { reason: '  ' },
      }),
      400,
      'request.validation',
    );
    const future = expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
        ...base,
        ...meetingAt(workingDay(3)),
        recordedAfterwards: { reason: REASON },
      }),
      422,
      'meeting.recordedNotPast',
    );
    expect(future.detail).toContain('đã kết thúc');
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', '/api/v1/meetings', {
        ...base,
        ...past,
        recordedAfterwards: { reason: REASON },
      }),
      403,
      'permission.denied',
    );
    expect(await meetingCount()).toBe(before);
  });

  it('skips notice and confirmation, takes attendance, minutes and conclusions directly, and says so everywhere', async () => {
    const day = workCalendar.addWorkingDays(clock.today(), -20);
    const m = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        '/api/v1/meetings',
        {
          committeeId: org.committee.id,
          kind: 'quarterly',
          title: 'Họp định kỳ quý III',
          place: 'Hội trường UBND',
          ...meetingAt(day, '14:00'),
          recordedAfterwards: { reason: REASON },
        },
        201,
      )
    ).json();
    expect(m).toMatchObject({
      status: 'held',
      noticeSentAt: null,
      recordedAfterwards: { reason: REASON, recordedBy: 'secretary ghi-sau' },
    });
    const url = `/api/v1/meetings/${m.id}`;
    const seat = (userId: string) => m.attendees.find((a: { userId: string }) => a.userId === userId).id;
    // Its agenda is entered afterwards too, so the minutes follow it.
    const withAgenda = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url}/agenda`,
        { title: 'Kết quả quý III' },
        200,
      )
    ).json();
    expect(withAgenda.agenda).toHaveLength(1);

    // No notice, no reminders, no answers from members, no self check-in, no late-notice request.
    for (const [path, code] of [
      ['notice', 'meeting.recordedAfterwards'],
      ['remind', 'meeting.recordedAfterwards'],
      ['late-notice-request', 'meeting.recordedAfterwards'],
    ] as const) {
      expectProblem(
        await call(
          ctx.app,
          org.seats.secretary.session,
          'POST',
          `${url}/${path}`,
          path === 'late-notice-request' ? { reason: 'x' } : {},
        ),
        409,
        code,
      );
    }
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `${url}/response`, { response: 'attend' }),
      409,
      'meeting.notOpenForAnswers',
    );
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `${url}/check-in`),
      409,
      'meeting.checkInClosed',
    );
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/meetings/${m.id}/documents`, {
        template: 'invitation',
      }),
      409,
      'document.notApplicable',
    );
    expect(
      (
        await ctx.db.execute<{ n: number }>(
          sql`select count(*)::int as n from meeting_notices where meeting_id = ${m.id}`,
        )
      ).rows[0]!.n,
    ).toBe(0);

    // The standing agency takes the attendance as it was: an excused absence, those present, the minute-taker.
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `${url}/attendees/${seat(org.seats.deputyHead.userId)}/response`,
      { response: 'absent', reason: 'Đi công tác tỉnh' },
      200,
    );
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${url}/attendees/${seat(org.seats.deputyHead.userId)}/decision`,
      { decision: 'approve' },
      200,
    );
    for (const role of ['head', 'member'] as const) {
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url}/attendees/${seat(org.seats[role].userId)}/check-in`,
        undefined,
        200,
      );
    }
    const attendance = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'PUT',
        `${url}/minute-taker`,
        { attendeeId: seat(org.seats.secretary.userId) },
        200,
      )
    ).json();
    expect(attendance.over).toBe(true);
    expect(attendance.headcount).toEqual({ members: 3, substitutes: 0, guests: 0 });
    const statusOf = (userId: string) =>
      attendance.rows.find((r: { attendeeId: string }) => r.attendeeId === seat(userId)).status;
    expect(statusOf(org.seats.deputyHead.userId)).toBe('absentApproved');
    expect(statusOf(org.seats.residentialGroupHead.userId)).toBe('absentNotApproved');

    await call(
      ctx.app,
      org.seats.secretary.session,
      'PUT',
      `${url}/minutes`,
      {
        summary: 'Đánh giá quý III.',
        notes: [{ agendaItemId: withAgenda.agenda[0].id, text: 'Tỷ lệ hồ sơ trực tuyến đạt 80%.' }],
      },
      200,
    );
    await call(
      ctx.app,
      org.seats.secretary.session,
      'PUT',
      `${url}/conclusions`,
      {
        items: [
          {
            text: 'Hoàn thành số hóa hồ sơ hộ tịch.',
            tasks: [
              {
                title: 'Số hóa hồ sơ hộ tịch',
                leadMembershipId: org.seats.member.membershipId,
                deadlineWorkingDays: 5,
              },
            ],
          },
        ],
      },
      200,
    );
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/minutes/submit`, undefined, 200);
    await call(ctx.app, org.seats.head.session, 'POST', `${url}/minutes/approve`, undefined, 200);
    const task = (
      await ctx.db.execute<{ source_date: string; deadline: string }>(
        sql`select source_date::text, deadline::text from tasks where meeting_id = ${m.id}`,
      )
    ).rows[0]!;
    // Assigned on the day the conclusions were approved, not the day of the meeting weeks ago.
    expect(task.source_date).toBe(clock.today());
    expect(task.deadline).toBe(workCalendar.addWorkingDays(clock.today(), 5));

    // The documents say it in words.
    const draft = async (template: string) =>
      (
        await call(
          ctx.app,
          org.seats.secretary.session,
          'POST',
          `/api/v1/meetings/${m.id}/documents`,
          { template },
          201,
        )
      ).json();
    const minutes = JSON.stringify((await draft('minutes')).body);
    expect(minutes).toContain(
      `Biên bản được lập bổ sung ngày ${clock.today().split('-').reverse().join('/')}`,
    );
    expect(minutes).toContain(REASON);
    expect(minutes).toContain('Tham dự: 3 thành viên');
    const notice = await draft('conclusionNotice');
    expect(notice.title).toBe('Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp định kỳ quý III');
    const noticeText = JSON.stringify(notice.body);
    expect(noticeText).toContain('Cuộc họp được ghi nhận bổ sung vào hệ thống ngày');
    expect(noticeText).toContain(REASON);
    expect(noticeText).not.toMatch(/\bR\d{1,2}\b/);

    const listed = (
      await call(
        ctx.app,
        org.seats.member.session,
        'GET',
        `/api/v1/meetings?committeeId=${org.committee.id}`,
        undefined,
        200,
      )
    ).json();
    expect(listed.items.find((x: { id: string }) => x.id === m.id).recordedAfterwards.reason).toBe(REASON);
  });
});
