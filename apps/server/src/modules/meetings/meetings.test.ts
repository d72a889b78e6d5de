import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser } from '../../../test/factories.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { createLinkToken } from '../../http/signed-links.ts';
import { rsvpLink } from './meetings.service.ts';

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'hop');
});
afterAll(() => ctx.close());

const DAY = 86_400_000;
const at = (msFromNow: number, hours = 2) => ({
  startsAt: new Date(clock.now().getTime() + msFromNow).toISOString(),
  endsAt: new Date(clock.now().getTime() + msFromNow + hours * 3_600_000).toISOString(),
});

async function draft(msFromNow = 30 * DAY, extra: Record<string, unknown> = {}) {
  const res = await call(
    ctx.app,
    org.seats.secretary.session,
    'POST',
    '/api/v1/meetings',
    {
      committeeId: org.committee.id,
      kind: 'quarterly',
      title: 'Họp định kỳ quý',
      place: 'Phòng họp tầng 2',
      ...at(msFromNow),
      ...extra,
    },
    201,
  );
  return res.json();
}
const url = (m: { id: string }) => `/api/v1/meetings/${m.id}`;

describe('scheduling (R8)', () => {
  it('drafts a meeting chaired by the head with every member invited, guests apart', async () => {
    const guest = await createUser(ctx.db, { fullName: 'Khách mời chuyên gia' });
    const m = await draft(30 * DAY, { guestUserIds: [guest.id] });
    expect(m).toMatchObject({ status: 'draft', chairName: expect.stringContaining('head'), partial: false });
    expect(m.attendees.filter((a: { kind: string }) => a.kind === 'member')).toHaveLength(5); // not the guest seat
    expect(m.attendees.find((a: { kind: string }) => a.kind === 'guest').fullName).toBe(
      'Khách mời chuyên gia',
    );
  });

  it('refuses an end before the start, an ended member, and a chair without delegation — nothing written', async () => {
    const before = (await ctx.db.execute(sql`select count(*)::int as n from meetings`)).rows[0]!.n;
    const base = { committeeId: org.committee.id, kind: 'adHoc', title: 'Họp đột xuất' };
    const reversed = { startsAt: at(10 * DAY).endsAt, endsAt: at(10 * DAY).startsAt };
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', { ...base, ...reversed }),
      422,
      'validation.dateOrder',
    );

    const leaver = await createUser(ctx.db, { unitId: org.unit.id });
    const seat = (
      await call(
        ctx.app,
        org.admin.session,
        'POST',
        `${org.url}/members`,
        { userId: leaver.id, role: 'member', startDate: '2024-01-01' },
        201,
      )
    ).json();
    await call(
      ctx.app,
      org.admin.session,
      'POST',
      `${org.url}/members/${seat.id}/end`,
      { endDate: '2025-01-01', reason: 'Nghỉ hưu' },
      200,
    );
    const ended = await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
      ...base,
      ...at(10 * DAY),
      attendeeUserIds: [org.seats.member.userId, leaver.id],
    });
    expectProblem(ended, 422, 'meeting.notMember');

    const chair = await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
      ...base,
      ...at(10 * DAY),
      chairMembershipId: org.seats.deputyHead.membershipId,
    });
    expectProblem(chair, 422, 'meeting.invalidChair');
    expect((await ctx.db.execute(sql`select count(*)::int as n from meetings`)).rows[0]!.n).toBe(before);
  });

  it('lets a deputy chair only under a delegation to chair meetings (R4)', async () => {
    const date = new Date(clock.now().getTime() + 12 * DAY).toISOString().slice(0, 10);
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${org.url}/delegations`,
      {
        toMembershipId: org.seats.deputyHead.membershipId,
        scopes: ['chairMeetings', 'approveAbsences'],
        validFrom: date,
        validTo: date,
      },
      201,
    );
    const m = await draft(12 * DAY, { chairMembershipId: org.seats.deputyHead.membershipId });
    expect(m.chairName).toContain('deputyHead');
  });

  it('generates the year of periodic meetings from the regulation, once', async () => {
    // Two years ahead of the clock: no meeting another test schedules a few weeks ahead can fall in it.
    const year = Number(clock.today().slice(0, 4)) + 2;
    const first = (
      await call(ctx.app, org.seats.secretary.session, 'POST', `${org.url}/meetings/generate`, { year }, 200)
    ).json();
    expect(first.created).toHaveLength(4);
    const again = (
      await call(ctx.app, org.seats.secretary.session, 'POST', `${org.url}/meetings/generate`, { year }, 200)
    ).json();
    expect(again.created).toHaveLength(0);
    const list = (
      await call(
        ctx.app,
        org.seats.member.session,
        'GET',
        `/api/v1/meetings?committeeId=${org.committee.id}&from=${year}-01-01&to=${year}-12-31`,
        undefined,
        200,
      )
    ).json();
    expect(list.items.map((m: { kind: string }) => m.kind)).toEqual([
      'quarterly',
      'halfYearReview',
      'quarterly',
      'annualReview',
    ]);
    expect(list.items[1].title).toBe(`Sơ kết 6 tháng đầu năm ${year}`);
  });

  it('is refused to plain members', async () => {
    const res = await call(ctx.app, org.seats.member.session, 'POST', '/api/v1/meetings', {
      committeeId: org.committee.id,
      kind: 'adHoc',
      title: 'X',
      ...at(5 * DAY),
    });
    expectProblem(res, 403, 'permission.denied');
  });
});

describe('notice (R9)', () => {
  it('goes out on time without a reason, freezes agenda version 1 and notifies every attendee', async () => {
    const m = await draft(30 * DAY);
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `${url(m)}/agenda`,
      { title: 'Đánh giá kết quả quý', takesOpinions: false },
      200,
    );
    const sent = (
      await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}, 200)
    ).json();
    expect(sent).toMatchObject({ status: 'noticeSent', noticeVersion: 1, lateNotice: null });
    const notes = await ctx.db.execute(
      sql`select count(*)::int as n from notifications where kind = 'meeting.notice' and link = ${`/cuoc-hop/${m.id}`}`,
    );
    expect(notes.rows[0]!.n).toBe(m.attendees.length);
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}),
      409,
      'meeting.noticeAlreadySent',
    );
  });

  it('when late, needs the chair and a reason, which are recorded and shown', async () => {
    const m = await draft(DAY / 2);
    const noReason = await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {});
    const problem = expectProblem(noReason, 422, 'meeting.lateNoticeReasonRequired');
    expect(problem.detail).toMatch(/chậm nhất ngày \d\d\/\d\d\/\d{4}/);
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {
        lateReason: 'Chỉ đạo khẩn của quận',
      }),
      403,
      'meeting.lateNoticeNeedsChair',
    );
    const sent = (
      await call(
        ctx.app,
        org.seats.head.session,
        'POST',
        `${url(m)}/notice`,
        { lateReason: 'Chỉ đạo khẩn của quận' },
        200,
      )
    ).json();
    expect(sent.lateNotice).toMatchObject({ reason: 'Chỉ đạo khẩn của quận', workingDaysGiven: 0 });
  });

  it('sends an amended notice with what changed when time, place or agenda change', async () => {
    const m = await draft(40 * DAY);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}, 200);
    const moved = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'PATCH',
        url(m),
        { place: 'Hội trường UBND', ...at(41 * DAY) },
        200,
      )
    ).json();
    expect(moved.noticeVersion).toBe(2);
    const notice = await ctx.db.execute(
      sql`select kind, changes from meeting_notices where meeting_id = ${m.id} and version = 2`,
    );
    expect(notice.rows[0]).toMatchObject({ kind: 'amendment' });
    expect((notice.rows[0]!.changes as string[]).join(' ')).toContain(
      'Địa điểm: Phòng họp tầng 2 → Hội trường UBND',
    );
    const seq = await ctx.db.execute(sql`select sequence from meetings where id = ${m.id}`);
    expect(seq.rows[0]!.sequence).toBe(1);
    const cancelled = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url(m)}/cancel`,
        { reason: 'Trùng lịch tiếp công dân' },
        200,
      )
    ).json();
    expect(cancelled.status).toBe('cancelled');
  });
});

describe('confirmation (R10) and approval (R11)', () => {
  it('takes answers before the deadline; after it only the standing agency records one, marked late', async () => {
    const soon = await draft(DAY / 2);
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${url(soon)}/notice`,
      { lateReason: 'Họp khẩn' },
      200,
    );
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `${url(soon)}/response`, { response: 'attend' }),
      409,
      'meeting.confirmationClosed',
    );
    const attendee = soon.attendees.find((a: { userId: string }) => a.userId === org.seats.member.userId);
    const recorded = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url(soon)}/attendees/${attendee.id}/response`,
        { response: 'attend' },
        200,
      )
    ).json();
    expect(recorded.attendees.find((a: { id: string }) => a.id === attendee.id)).toMatchObject({
      response: 'attend',
      respondedLate: true,
    });

    const later = await draft(20 * DAY);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url(later)}/notice`, {}, 200);
    const ok = (
      await call(
        ctx.app,
        org.seats.member.session,
        'POST',
        `${url(later)}/response`,
        { response: 'attend' },
        200,
      )
    ).json();
    expect(ok.roll.attend).toBe(1);
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `${url(later)}/response`, { response: 'absent' }),
      400,
      'request.validation',
    );
  });

  it('absences and substitutes wait for the chair; only the chair, the head or a delegate decides', async () => {
    const m = await draft(20 * DAY);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}, 200);
    const answered = (
      await call(
        ctx.app,
        org.seats.residentialGroupHead.session,
        'POST',
        `${url(m)}/response`,
        {
          response: 'substitute',
          substitute: { name: 'Nguyễn Văn Dự', position: 'Tổ phó tổ dân phố', briefed: true },
        },
        200,
      )
    ).json();
    const attendee = answered.attendees.find(
      (a: { userId: string }) => a.userId === org.seats.residentialGroupHead.userId,
    );
    expect(attendee).toMatchObject({
      approval: 'pending',
      substitute: { name: 'Nguyễn Văn Dự', briefed: true },
    });
    expect(answered.roll.substitutePending).toBe(1);
    expectProblem(
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url(m)}/attendees/${attendee.id}/decision`,
        { decision: 'approve' },
      ),
      403,
      'permission.denied',
    );
    const decided = (
      await call(
        ctx.app,
        org.seats.head.session,
        'POST',
        `${url(m)}/attendees/${attendee.id}/decision`,
        { decision: 'approve' },
        200,
      )
    ).json();
    expect(decided.attendees.find((a: { id: string }) => a.id === attendee.id).approval).toBe('approved');
    const note = await ctx.db.execute(
      sql`select title from notifications where user_id = ${org.seats.residentialGroupHead.userId} and kind = 'meeting.approvalDecided'`,
    );
    expect(note.rows[0]!.title).toContain('Đồng ý người dự thay');
    expectProblem(
      await call(ctx.app, org.seats.residentialGroupHead.session, 'POST', `${url(m)}/response`, {
        response: 'substitute',
        substitute: { name: 'X', briefed: false },
      }),
      400,
      'request.validation',
    );
  });

  it("applies Bình Định's substitute rule: only a deputy head of the member's own unit (seed 004)", async () => {
    await call(
      ctx.app,
      org.seats.head.session,
      'PUT',
      `${org.url}/settings`,
      {
        noticeLeadWorkingDays: 2,
        confirmationLeadDays: 1,
        substitutePolicy: 'deputyOfUnitOnly',
        meetingCadence: { quarterly: true, halfYearReview: true, annualReview: true },
        absenteeWrittenOpinionRequired: true,
        quorumFraction: 0.5,
      },
      200,
    );
    const deputy = await createUser(ctx.db, { unitId: org.unit.id, fullName: 'Cấp phó đơn vị' });
    const divisionHead = await createUser(ctx.db, { unitId: org.unit.id, fullName: 'Phó trưởng phòng' });
    await ctx.db.execute(sql`update users set position = 'Phó Giám đốc Sở' where id = ${deputy.id}`);
    await ctx.db.execute(
      sql`update users set position = 'Phó Trưởng phòng Tổng hợp' where id = ${divisionHead.id}`,
    );
    const m = await draft(20 * DAY);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}, 200);
    const send = (userId: string, name: string) =>
      call(ctx.app, org.seats.member.session, 'POST', `${url(m)}/response`, {
        response: 'substitute',
        substitute: { name, userId, briefed: true },
      });
    const refused = expectProblem(
      await send(divisionHead.id, 'Phó trưởng phòng'),
      422,
      'meeting.substituteNotAllowed',
    );
    expect(refused.detail).toContain('không cử lãnh đạo cấp phòng');
    expect((await send(deputy.id, 'Cấp phó đơn vị')).statusCode).toBe(200);
  });
});

describe('the personal link in the invitation (R10)', () => {
  it('shows the meeting and confirms attendance in one click, without signing in', async () => {
    const m = await draft(20 * DAY);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}, 200);
    const attendee = m.attendees.find((a: { userId: string }) => a.userId === org.seats.member.userId);
    const [row] = (await ctx.db.execute(sql`select * from meetings where id = ${m.id}`)).rows;
    const link = await rsvpLink(ctx.db, 'https://bcd.phucla.vn/', attendee.id, {
      ...(row as object),
      endsAt: new Date(String((row as { ends_at: string }).ends_at)),
    } as Parameters<typeof rsvpLink>[3]);
    expect(link).toMatch(/^https:\/\/bcd\.phucla\.vn\/xac-nhan\?token=/);
    const token = decodeURIComponent(link.split('token=')[1]!);

    const shown = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/rsvp?token=${encodeURIComponent(token)}`,
    });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ meetingTitle: 'Họp định kỳ quý', open: true, response: null });
    const answered = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rsvp',
      payload: { token, response: 'attend' },
    });
    expect(answered.json().response).toBe('attend');
    const detail = (await call(ctx.app, org.seats.secretary.session, 'GET', url(m), undefined, 200)).json();
    expect(detail.attendees.find((a: { id: string }) => a.id === attendee.id)).toMatchObject({
      response: 'attend',
      respondedLate: false,
    });

    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    expectProblem(
      await ctx.app.inject({ method: 'GET', url: `/api/v1/rsvp?token=${encodeURIComponent(forged)}` }),
      404,
      'meeting.linkInvalid',
    );
    const expired = await createLinkToken(
      ctx.db,
      'rsvp',
      attendee.id,
      new Date(clock.now().getTime() - 1000),
    );
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/rsvp',
        payload: { token: expired, response: 'attend' },
      }),
      404,
      'meeting.linkInvalid',
    );
  });

  it('names a briefed substitute from the link too, waiting for the chair (R11)', async () => {
    const m = await draft(20 * DAY);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}, 200);
    const attendee = m.attendees.find((a: { userId: string }) => a.userId === org.seats.member.userId);
    const token = await createLinkToken(
      ctx.db,
      'rsvp',
      attendee.id,
      new Date(clock.now().getTime() + 30 * DAY),
    );
    const post = (payload: object) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/rsvp', payload: { token, ...payload } });

    // Not briefed, or an account id slipped in: refused, nothing recorded.
    expectProblem(
      await post({ response: 'substitute', substitute: { name: 'Lê Thị Phó', briefed: false } }),
      400,
      'request.validation',
    );
    expectProblem(
      await post({
        response: 'substitute',
        substitute: { name: 'Lê Thị Phó', userId: org.seats.head.userId, briefed: true },
      }),
      400,
      'request.validation',
    );
    expectProblem(await post({ response: 'substitute' }), 400, 'request.validation');
    const substitute = { name: 'Lê Thị Phó', position: 'Phó Trưởng Công an phường', briefed: true };
    // Under Bình Định's rule (set by the test above) a substitute without an account cannot be checked: refused.
    const settings = (
      await call(ctx.app, org.seats.head.session, 'GET', `${org.url}/regulation`, undefined, 200)
    ).json().settings;
    expect(settings.substitutePolicy).toBe('deputyOfUnitOnly');
    expectProblem(await post({ response: 'substitute', substitute }), 422, 'meeting.substituteNotAllowed');
    let detail = (await call(ctx.app, org.seats.secretary.session, 'GET', url(m), undefined, 200)).json();
    expect(detail.attendees.find((a: { id: string }) => a.id === attendee.id).response).toBeNull();

    await call(
      ctx.app,
      org.seats.head.session,
      'PUT',
      `${org.url}/settings`,
      { ...settings, substitutePolicy: 'chairApproval' },
      200,
    );
    const answered = await post({ response: 'substitute', substitute });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().response).toBe('substitute');
    detail = (await call(ctx.app, org.seats.secretary.session, 'GET', url(m), undefined, 200)).json();
    expect(detail.attendees.find((a: { id: string }) => a.id === attendee.id)).toMatchObject({
      response: 'substitute',
      approval: 'pending',
      substitute: { name: 'Lê Thị Phó', position: 'Phó Trưởng Công an phường', userId: null, briefed: true },
    });
  });
});
