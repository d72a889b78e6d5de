import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'bien-ban');
});
afterAll(() => ctx.close());

const DAY = 86_400_000;
type Detail = {
  id: string;
  agenda: { id: string; takesOpinions: boolean }[];
  attendees: { id: string; userId: string }[];
};

/** A meeting with two agenda items (the second takes opinions, R12), notice sent. */
async function noticedMeeting(msFromNow = 20 * DAY): Promise<Detail> {
  const created = await call(
    ctx.app,
    org.seats.secretary.session,
    'POST',
    '/api/v1/meetings',
    {
      committeeId: org.committee.id,
      kind: 'quarterly',
      title: 'Họp quý III',
      startsAt: new Date(clock.now().getTime() + msFromNow).toISOString(),
      endsAt: new Date(clock.now().getTime() + msFromNow + 2 * 3_600_000).toISOString(),
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
  it('checks people in, shows the quorum, drafts minutes with attendance and opinions, and locks approved conclusions', async () => {
    const m = await noticedMeeting(DAY / 24); // starts in an hour: check-in is open
    const url = `/api/v1/meetings/${m.id}`;
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'GET', `${url}/minutes`),
      403,
      'permission.denied',
    );
    await call(ctx.app, org.seats.member.session, 'POST', `${url}/check-in`, undefined, 200);
    for (const role of ['head', 'secretary'] as const) {
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url}/attendees/${seatOf(m, org.seats[role].userId).id}/check-in`,
        undefined,
        200,
      );
    }
    const attendance = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `${url}/attendance`, undefined, 200)
    ).json();
    expect(attendance.quorum).toEqual({ members: 5, present: 3, required: 3, reached: true });
    expect(
      attendance.rows.find(
        (r: { attendeeId: string }) => r.attendeeId === seatOf(m, org.seats.deputyHead.userId).id,
      ).status,
    ).toBe('notArrived');

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
    expect(problem.errors?.[0]?.message).toContain('R1');

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
                  deadline: '2026-12-31',
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
    expect(saved.attendance.quorum.present).toBe(3);

    expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', `${url}/minutes/approve`),
      409,
      'meeting.minutesWrongState',
    );
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
  });
});
