import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser } from '../../../test/factories.ts';
import { addDays, clockAt, meetingAt, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'bien-ban');
});
afterAll(() => ctx.close());
afterEach(() => clock.setClock(TEST_NOW));

type Detail = {
  id: string;
  startsAt: string;
  endsAt: string;
  agenda: { id: string; takesOpinions: boolean }[];
  attendees: { id: string; userId: string }[];
};

/** A meeting `workingDays` ahead with two agenda items (the second takes opinions, R12), notice sent. */
async function noticedMeeting(workingDays = 10, extra: Record<string, unknown> = {}): Promise<Detail> {
  const created = await call(
    ctx.app,
    org.seats.secretary.session,
    'POST',
    '/api/v1/meetings',
    {
      committeeId: org.committee.id,
      kind: 'quarterly',
      title: 'Họp quý III',
      ...meetingAt(workingDay(workingDays), '14:00'),
      ...extra,
    },
    201,
  );
  const id = created.json().id;
  await call(
    ctx.app,
    org.seats.secretary.session,
    'POST',
    `/api/v1/meetings/${id}/agenda`,
    { title: 'Kết quả CCHC quý III', takesOpinions: false },
    200,
  );
  await call(
    ctx.app,
    org.seats.secretary.session,
    'POST',
    `/api/v1/meetings/${id}/agenda`,
    { title: 'Dự thảo báo cáo gửi quận', takesOpinions: true },
    200,
  );
  return (
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `/api/v1/meetings/${id}/notice`,
      { lateReason: 'Họp sớm theo chỉ đạo' },
      200,
    )
  ).json();
}
const seatOf = (m: Detail, userId: string) => m.attendees.find((a) => a.userId === userId)!;

describe('written opinions (R12)', () => {
  it('are required exactly from approved absentees and members sending a substitute, on items taking opinions', async () => {
    const m = await noticedMeeting();
    const url = `/api/v1/meetings/${m.id}`;
    const major = m.agenda.find((a) => a.takesOpinions)!;
    const minor = m.agenda.find((a) => !a.takesOpinions)!;

    // Attending members owe nothing.
    await call(ctx.app, org.seats.member.session, 'POST', `${url}/response`, { response: 'attend' }, 200);
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `${url}/opinions`, {
        agendaItemId: major.id,
        text: 'Ý kiến',
      }),
      409,
      'meeting.opinionNotExpected',
    );

    // An absentee owes one once the absence is approved; a member sending a substitute owes one at once.
    await call(
      ctx.app,
      org.seats.deputyHead.session,
      'POST',
      `${url}/response`,
      { response: 'absent', reason: 'Đi công tác tỉnh' },
      200,
    );
    await call(
      ctx.app,
      org.seats.residentialGroupHead.session,
      'POST',
      `${url}/response`,
      {
        response: 'substitute',
        substitute: { name: 'Tổ phó Lê Văn Phó', briefed: true },
      },
      200,
    );
    let opinions = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `${url}/opinions`, undefined, 200)
    ).json();
    expect(opinions.missing.map((x: { attendeeId: string }) => x.attendeeId)).toEqual([
      seatOf(m, org.seats.residentialGroupHead.userId).id,
    ]);

    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${url}/attendees/${seatOf(m, org.seats.deputyHead.userId).id}/decision`,
      { decision: 'approve' },
      200,
    );
    opinions = (await call(ctx.app, org.seats.head.session, 'GET', `${url}/opinions`, undefined, 200)).json();
    expect(opinions.missing).toHaveLength(2);
    expect(opinions.missing.every((x: { agendaItemId: string }) => x.agendaItemId === major.id)).toBe(true);

    expectProblem(
      await call(ctx.app, org.seats.deputyHead.session, 'POST', `${url}/opinions`, {
        agendaItemId: minor.id,
        text: 'Không cần',
      }),
      409,
      'meeting.opinionNotExpected',
    );
    await call(
      ctx.app,
      org.seats.deputyHead.session,
      'POST',
      `${url}/opinions`,
      { agendaItemId: major.id, text: 'Nhất trí với dự thảo, đề nghị bổ sung số liệu VNeID.' },
      200,
    );
    opinions = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `${url}/opinions`, undefined, 200)
    ).json();
    expect(opinions.missing).toHaveLength(1);
    expect(opinions.items[0].text).toContain('VNeID');
    // A member sees only their own opinions.
    expect(
      (await call(ctx.app, org.seats.member.session, 'GET', `${url}/opinions`, undefined, 200)).json().items,
    ).toEqual([]);
  });
});

describe('check-in, minutes and conclusions (R5, R13)', () => {
  it('checks people in only from the window before the start on the meeting day, nothing written before', async () => {
    const m = await noticedMeeting(3);
    const url = `/api/v1/meetings/${m.id}`;
    const checkedIn = async () =>
      (
        await ctx.db.execute(
          sql`select count(*)::int as n from meeting_attendees where meeting_id = ${m.id} and (checked_in_at is not null or minute_taker)`,
        )
      ).rows[0]!.n;
    // The day before, and 61 minutes before the start: closed for the secretary and for members.
    for (const minutes of [-24 * 60, -61]) {
      clockAt(m, minutes);
      const early = expectProblem(
        await call(
          ctx.app,
          org.seats.secretary.session,
          'POST',
          `${url}/attendees/${seatOf(m, org.seats.head.userId).id}/check-in`,
        ),
        409,
        'meeting.checkInNotOpen',
      );
      expect(early.detail).toContain('60 phút trước giờ họp');
      expectProblem(
        await call(ctx.app, org.seats.member.session, 'POST', `${url}/check-in`),
        409,
        'meeting.checkInNotOpen',
      );
      expectProblem(
        await call(ctx.app, org.seats.secretary.session, 'PUT', `${url}/minute-taker`, {
          attendeeId: seatOf(m, org.seats.secretary.userId).id,
        }),
        409,
        'meeting.checkInNotOpen',
      );
    }
    expect(await checkedIn()).toBe(0);
    const detail = (await call(ctx.app, org.seats.member.session, 'GET', url, undefined, 200)).json();
    expect(detail.checkIn).toMatchObject({ open: false });
    expect(new Date(detail.checkIn.opensAt).getTime()).toBe(new Date(m.startsAt).getTime() - 3_600_000);

    // From 60 minutes before (the committee's setting), both may.
    clockAt(m, -59);
    await call(ctx.app, org.seats.member.session, 'POST', `${url}/check-in`, undefined, 200);
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `${url}/attendees/${seatOf(m, org.seats.head.userId).id}/check-in`,
      undefined,
      200,
    );
    expect(await checkedIn()).toBe(2);
  });

  it('takes minutes and conclusions drafted before, submitted and approved only after the start; the minute-taker is present', async () => {
    const m = await noticedMeeting(4);
    const url = `/api/v1/meetings/${m.id}`;
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'GET', `${url}/minutes`),
      403,
      'permission.denied',
    );
    // Drafted the day before.
    clockAt(m, -24 * 60);
    await call(
      ctx.app,
      org.seats.secretary.session,
      'PUT',
      `${url}/minutes`,
      {
        summary: 'Cuộc họp đánh giá kết quả quý III.',
        notes: [{ agendaItemId: m.agenda[0]!.id, text: 'Văn phòng báo cáo tỷ lệ hồ sơ trực tuyến đạt 85%.' }],
      },
      200,
    );
    const badLead = await call(ctx.app, org.seats.secretary.session, 'PUT', `${url}/conclusions`, {
      items: [
        { text: 'Giao nhiệm vụ không có chủ trì', tasks: [{ title: 'Rà soát', cooperatingUnitIds: [] }] },
      ],
    });
    const problem = expectProblem(badLead, 400, 'request.validation');
    // The rule in words, never its internal number.
    expect(problem.errors?.[0]?.message).toContain('không giao cho cả Ban Chỉ đạo');
    expect(problem.errors?.[0]?.message).not.toMatch(/\bR\d/);
    const deadline = addDays(workingDay(4), 60);
    const saved = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'PUT',
        `${url}/conclusions`,
        {
          items: [
            {
              text: 'Đẩy mạnh dịch vụ công trực tuyến toàn trình.',
              domain: 'CDS',
              tasks: [
                {
                  title: 'Hướng dẫn người dân nộp hồ sơ trực tuyến',
                  leadMembershipId: org.seats.member.membershipId,
                  deadline,
                },
              ],
            },
            {
              text: 'Hoàn thành làm sạch dữ liệu dân cư.',
              domain: 'DA06',
              tasks: [{ title: 'Làm sạch dữ liệu', leadUnitId: org.unit.id }],
            },
          ],
        },
        200,
      )
    ).json();
    expect(saved.conclusions).toHaveLength(2);

    // R13: submitting (and so approving) waits for the meeting to start; nothing changes before.
    const minutesState = async () =>
      (await ctx.db.execute(sql`select status from meeting_minutes where meeting_id = ${m.id}`)).rows[0]!
        .status;
    for (const minutes of [-24 * 60, -30]) {
      clockAt(m, minutes);
      const early = expectProblem(
        await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/minutes/submit`),
        409,
        'meeting.notStarted',
      );
      expect(early.title).toBe('Cuộc họp chưa bắt đầu');
      expectProblem(
        await call(ctx.app, org.seats.head.session, 'POST', `${url}/minutes/approve`),
        409,
        'meeting.notStarted',
      );
    }
    expect(await minutesState()).toBe('draft');
    expect((await ctx.db.execute(sql`select status from meetings where id = ${m.id}`)).rows[0]!.status).toBe(
      'noticeSent',
    );

    // On the day: the secretary checks people in and marks himself as the minute-taker.
    for (const role of ['head', 'member'] as const) {
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url}/attendees/${seatOf(m, org.seats[role].userId).id}/check-in`,
        undefined,
        200,
      );
    }
    const marked = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'PUT',
        `${url}/minute-taker`,
        { attendeeId: seatOf(m, org.seats.secretary.userId).id },
        200,
      )
    ).json();
    const secretaryRow = marked.rows.find(
      (r: { attendeeId: string }) => r.attendeeId === seatOf(m, org.seats.secretary.userId).id,
    );
    expect(secretaryRow).toMatchObject({ minuteTaker: true, status: 'present' });
    expect(marked.quorum).toEqual({ members: 5, present: 3, required: 3, reached: true });
    expect(marked.headcount).toEqual({ members: 3, substitutes: 0, guests: 0 });
    // Before the end, those who have not answered are "not answered yet", not absent.
    const deputy = marked.rows.find(
      (r: { attendeeId: string }) => r.attendeeId === seatOf(m, org.seats.deputyHead.userId).id,
    );
    expect(deputy.status).toBe('notAnswered');
    expect(marked.over).toBe(false);

    clockAt(m, 5);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/minutes/submit`, undefined, 200);
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/minutes/approve`),
      403,
      'permission.denied',
    );
    const returned = (
      await call(
        ctx.app,
        org.seats.head.session,
        'POST',
        `${url}/minutes/return`,
        { comment: 'Bổ sung thời hạn cho kết luận 2' },
        200,
      )
    ).json();
    expect(returned).toMatchObject({ status: 'returned', returnComment: 'Bổ sung thời hạn cho kết luận 2' });
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/minutes/submit`, undefined, 200);
    const approved = (
      await call(ctx.app, org.seats.head.session, 'POST', `${url}/minutes/approve`, undefined, 200)
    ).json();
    expect(approved).toMatchObject({ status: 'approved', approvedBy: expect.stringContaining('head') });
    expect(new Date(approved.approvedAt).getTime()).toBeGreaterThanOrEqual(new Date(m.startsAt).getTime());

    // Approved conclusions are immutable, and published to every member.
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'PUT', `${url}/conclusions`, { items: [] }),
      409,
      'meeting.conclusionsLocked',
    );
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'PUT', `${url}/minutes`, { notes: [] }),
      409,
      'meeting.conclusionsLocked',
    );
    const published = await ctx.db.execute(
      sql`select count(*)::int as n from notifications where kind = 'meeting.conclusionsPublished' and link like ${`/cuoc-hop/${m.id}%`}`,
    );
    expect(published.rows[0]!.n).toBe(5);
    expect(
      (await call(ctx.app, org.seats.member.session, 'GET', `${url}/minutes`, undefined, 200)).json()
        .conclusions,
    ).toHaveLength(2);
    expect((await call(ctx.app, org.seats.member.session, 'GET', url, undefined, 200)).json().status).toBe(
      'closed',
    );

    // Once over, whoever neither came nor was excused is absent without leave.
    clockAt({ startsAt: m.endsAt }, 1);
    const after = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `${url}/attendance`, undefined, 200)
    ).json();
    expect(after.over).toBe(true);
    expect(
      after.rows.find(
        (r: { attendeeId: string }) => r.attendeeId === seatOf(m, org.seats.deputyHead.userId).id,
      ).status,
    ).toBe('absentNotApproved');
  });

  it('counts members, substitutes and guests apart, before and after the meeting', async () => {
    const guest = await createUser(ctx.db, { fullName: 'Khách mời Sở Nội vụ' });
    const m = await noticedMeeting(6, { guestUserIds: [guest.id] });
    const url = `/api/v1/meetings/${m.id}`;
    await call(
      ctx.app,
      org.seats.residentialGroupHead.session,
      'POST',
      `${url}/response`,
      { response: 'substitute', substitute: { name: 'Tổ phó Lê Văn Phó', briefed: true } },
      200,
    );
    await call(
      ctx.app,
      org.seats.deputyHead.session,
      'POST',
      `${url}/response`,
      { response: 'absent', reason: 'Đi công tác' },
      200,
    );
    let rows = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `${url}/attendance`, undefined, 200)
    ).json().rows;
    const statusOf = (list: { attendeeId: string; status: string }[], userId: string) =>
      list.find((r) => r.attendeeId === seatOf(m, userId).id)!.status;
    expect(statusOf(rows, org.seats.deputyHead.userId)).toBe('absencePending');
    expect(statusOf(rows, org.seats.member.userId)).toBe('notAnswered');
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${url}/attendees/${seatOf(m, org.seats.residentialGroupHead.userId).id}/decision`,
      { decision: 'approve' },
      200,
    );
    clockAt(m, -10);
    for (const userId of [
      org.seats.head.userId,
      org.seats.member.userId,
      org.seats.residentialGroupHead.userId,
      guest.id,
    ]) {
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url}/attendees/${seatOf(m, userId).id}/check-in`,
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
        { attendeeId: seatOf(m, org.seats.secretary.userId).id },
        200,
      )
    ).json();
    // Head, member and the minute-taker in person; the substitute for the residential group head; a guest.
    expect(attendance.headcount).toEqual({ members: 3, substitutes: 1, guests: 1 });
    expect(attendance.quorum.present).toBe(4);
    rows = attendance.rows;
    expect(statusOf(rows, org.seats.residentialGroupHead.userId)).toBe('substitutePresent');
    expect(statusOf(rows, org.seats.deputyHead.userId)).toBe('absencePending');
    clockAt({ startsAt: m.endsAt }, 1);
    rows = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `${url}/attendance`, undefined, 200)
    ).json().rows;
    // The absence the chair never approved: without leave, once the meeting is over.
    expect(statusOf(rows, org.seats.deputyHead.userId)).toBe('absentNotApproved');
  });
});
