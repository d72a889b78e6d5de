import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser } from '../../../test/factories.ts';
import {
  addDays,
  clockAt,
  dayOffAfter,
  meetingAt,
  vnDateOf,
  workCalendar,
  workingDay,
} from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { createLinkToken } from '../../http/signed-links.ts';
import { rsvpLink } from './invitations.service.ts';

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'hop');
});
afterAll(() => ctx.close());
afterEach(() => clock.setClock(TEST_NOW));

const DAY = 86_400_000;
const count = async (table: string) =>
  (await ctx.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]!.n as number;

/** A draft meeting `workingDays` working days ahead, at 08:00, scheduled by the secretary. */
async function draft(workingDays = 20, extra: Record<string, unknown> = {}) {
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
      ...meetingAt(workingDay(workingDays)),
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
    const m = await draft(20, { guestUserIds: [guest.id] });
    expect(m).toMatchObject({
      status: 'draft',
      chairName: expect.stringContaining('head'),
      partial: false,
      recordedAfterwards: null,
      dayOff: null,
    });
    expect(m.attendees.filter((a: { kind: string }) => a.kind === 'member')).toHaveLength(5); // not the guest seat
    expect(m.attendees.find((a: { kind: string }) => a.kind === 'guest').fullName).toBe(
      'Khách mời chuyên gia',
    );
  });

  it('refuses an end before the start, an ended member, and a chair without delegation — nothing written', async () => {
    const before = await count('meetings');
    const base = { committeeId: org.committee.id, kind: 'adHoc', title: 'Họp đột xuất' };
    const day = meetingAt(workingDay(7));
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
        ...base,
        startsAt: day.endsAt,
        endsAt: day.startsAt,
      }),
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
      ...day,
      attendeeUserIds: [org.seats.member.userId, leaver.id],
    });
    expectProblem(ended, 422, 'meeting.notMember');

    const chair = await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
      ...base,
      ...day,
      chairMembershipId: org.seats.deputyHead.membershipId,
    });
    expectProblem(chair, 422, 'meeting.invalidChair');
    expect(await count('meetings')).toBe(before);
  });

  it('lets a deputy chair only under a delegation to chair meetings (R4)', async () => {
    const date = workingDay(12);
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
    const m = await draft(12, { chairMembershipId: org.seats.deputyHead.membershipId });
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
    for (const m of list.items) expect(workCalendar.isWorkingDay(vnDateOf(m.startsAt))).toBe(true);
  });

  it('does not plan the quarters of the year whose day has passed', async () => {
    const year = Number(clock.today().slice(0, 4)) + 3;
    // In the middle of August of that year: the first two quarters are behind us.
    clock.setClock(`${year}-08-15T09:00:00+07:00`);
    const made = (
      await call(ctx.app, org.seats.secretary.session, 'POST', `${org.url}/meetings/generate`, { year }, 200)
    ).json();
    expect(made.created).toHaveLength(2);
  });

  it('is refused to plain members', async () => {
    const res = await call(ctx.app, org.seats.member.session, 'POST', '/api/v1/meetings', {
      committeeId: org.committee.id,
      kind: 'adHoc',
      title: 'X',
      ...meetingAt(workingDay(5)),
    });
    expectProblem(res, 403, 'permission.denied');
  });

  it('schedules only in the future: a time already past is refused, nothing written', async () => {
    const before = await count('meetings');
    const past = await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
      committeeId: org.committee.id,
      kind: 'adHoc',
      title: 'Họp đã qua',
      startsAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
      endsAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    });
    const problem = expectProblem(past, 422, 'meeting.startsInPast');
    expect(problem.detail).toContain('ghi nhận sau');
    expect(await count('meetings')).toBe(before);
  });
});

describe('days off (R8: the chair decides the time)', () => {
  const base = () => ({ committeeId: org.committee.id, kind: 'thematic', title: 'Họp chuyên đề ngày nghỉ' });

  it('refuses a weekend unless the chair confirms it with a reason, which is recorded and shown', async () => {
    const saturday = (() => {
      let d = clock.today();
      do d = addDays(d, 1);
      while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 6 || workCalendar.isWorkingDay(d));
      return d;
    })();
    const before = await count('meetings');
    const missing = expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
        ...base(),
        ...meetingAt(saturday),
      }),
      422,
      'meeting.dayOffReasonRequired',
    );
    expect(missing.detail).toContain('là ngày nghỉ (Thứ Bảy)');
    expect(missing.errors?.[0]?.path).toBe('body.dayOffReason');
    // The secretary cannot decide it, even with a reason.
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
        ...base(),
        ...meetingAt(saturday),
        dayOffReason: 'Kịp tiến độ',
      }),
      403,
      'meeting.dayOffNeedsChair',
    );
    expect(await count('meetings')).toBe(before);

    const m = (
      await call(
        ctx.app,
        org.seats.head.session,
        'POST',
        '/api/v1/meetings',
        { ...base(), ...meetingAt(saturday), dayOffReason: 'Kiểm tra trước đợt cao điểm cấp căn cước' },
        201,
      )
    ).json();
    expect(m.dayOff).toMatchObject({
      name: 'Thứ Bảy',
      reason: 'Kiểm tra trước đợt cao điểm cấp căn cước',
      confirmedBy: expect.stringContaining('head'),
    });
    const listed = (
      await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/meetings?committeeId=${org.committee.id}`)
    ).json();
    expect(listed.items.find((x: { id: string }) => x.id === m.id).dayOff.name).toBe('Thứ Bảy');

    // Moved to a working day, the confirmation goes; moved to a holiday, it is needed again.
    const moved = (
      await call(ctx.app, org.seats.secretary.session, 'PATCH', url(m), meetingAt(workingDay(8)), 200)
    ).json();
    expect(moved.dayOff).toBeNull();
    const holiday = workCalendar
      .holidays(Number(clock.today().slice(0, 4)) + 1)
      .find((h) => h.kind === 'holiday')!.date;
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'PATCH', url(m), meetingAt(holiday)),
      422,
      'meeting.dayOffReasonRequired',
    );
    const onHoliday = (
      await call(
        ctx.app,
        org.seats.head.session,
        'PATCH',
        url(m),
        { ...meetingAt(holiday), dayOffReason: 'Ứng trực dịp lễ' },
        200,
      )
    ).json();
    expect(onHoliday.dayOff.reason).toBe('Ứng trực dịp lễ');
    expect(onHoliday.dayOff.name).not.toMatch(/^Thứ|Chủ nhật/);
  });

  it("counts a local day off (the calendar's override) like a holiday", async () => {
    const day = workingDay(15);
    const override = (
      await call(
        ctx.app,
        org.admin.session,
        'POST',
        '/api/v1/calendar/overrides',
        { date: day, kind: 'dayOff', name: 'Nghỉ lễ hội truyền thống phường' },
        201,
      )
    ).json();
    try {
      const refused = expectProblem(
        await call(ctx.app, org.seats.secretary.session, 'POST', '/api/v1/meetings', {
          ...base(),
          ...meetingAt(day),
        }),
        422,
        'meeting.dayOffReasonRequired',
      );
      expect(refused.detail).toContain('Nghỉ lễ hội truyền thống phường');
    } finally {
      await call(
        ctx.app,
        org.admin.session,
        'DELETE',
        `/api/v1/calendar/overrides/${override.id}`,
        undefined,
        204,
      );
    }
  });

  it('never puts the confirmation deadline on a day off: the last working day before the meeting', async () => {
    // The first working day after a day off: the deadline is the working day before that day off.
    const off = dayOffAfter(workingDay(3));
    const after = workCalendar.addWorkingDays(off, 1);
    const m = await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      '/api/v1/meetings',
      { ...base(), ...meetingAt(after, '14:00') },
      201,
    );
    const deadline = m.json().confirmationDeadline as string;
    expect(vnDateOf(deadline)).toBe(workCalendar.previousWorkingDay(after));
    expect(workCalendar.isWorkingDay(vnDateOf(deadline))).toBe(true);
    expect(new Date(deadline).getTime()).toBe(new Date(`${vnDateOf(deadline)}T14:00:00+07:00`).getTime());
  });
});

describe('notice (R9)', () => {
  it('goes out on time without a reason, freezes agenda version 1 and notifies every attendee', async () => {
    const m = await draft(20);
    expect(m.notice.late).toBe(false);
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

  it('when late, tells the secretary at once that only the chair may send it; the chair gives the reason', async () => {
    const m = await draft(1);
    expect(m.notice).toMatchObject({ late: true, workingDaysLeft: 0 });
    const secretary = expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {
        lateReason: 'Chỉ đạo khẩn của quận',
      }),
      403,
      'meeting.lateNoticeNeedsChair',
    );
    expect(secretary.detail).toMatch(/chậm nhất ngày \d\d\/\d\d\/\d{4}/);
    expect(secretary.detail).toContain('gửi đề nghị kèm lý do tới người chủ trì');
    expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', `${url(m)}/notice`, {}),
      422,
      'meeting.lateNoticeReasonRequired',
    );
    expect((await ctx.db.execute(sql`select status from meetings where id = ${m.id}`)).rows[0]!.status).toBe(
      'draft',
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

  it('is refused for a meeting whose start has passed (R9), nothing sent', async () => {
    const m = await draft(3);
    clockAt(m, 10);
    expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', `${url(m)}/notice`, { lateReason: 'Quên gửi' }),
      409,
      'meeting.alreadyStarted',
    );
    expect(
      (await ctx.db.execute(sql`select count(*)::int as n from meeting_notices where meeting_id = ${m.id}`))
        .rows[0]!.n,
    ).toBe(0);
  });

  it('sends an amended notice with what changed when time, place or agenda change', async () => {
    const m = await draft(25);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}, 200);
    const moved = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'PATCH',
        url(m),
        { place: 'Hội trường UBND', ...meetingAt(workingDay(26)) },
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

describe('the meeting follows the clock', () => {
  it('is "held" only from its start time; before, nothing after the meeting can change it', async () => {
    const m = await draft(4);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}, 200);
    // Minutes drafted the day before do not make it held.
    clockAt(m, -DAY / 60_000);
    await call(ctx.app, org.seats.secretary.session, 'PUT', `${url(m)}/minutes`, { notes: [] }, 200);
    let now = (await call(ctx.app, org.seats.member.session, 'GET', url(m), undefined, 200)).json();
    expect(now.status).toBe('noticeSent');
    expect((await ctx.db.execute(sql`select status from meetings where id = ${m.id}`)).rows[0]!.status).toBe(
      'noticeSent',
    );
    clockAt(m, 1);
    now = (await call(ctx.app, org.seats.member.session, 'GET', url(m), undefined, 200)).json();
    expect(now.status).toBe('held');
    // Once started, its time, place and agenda no longer change.
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'PATCH', url(m), { place: 'Hội trường' }),
      409,
      'meeting.locked',
    );
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/cancel`, { reason: 'Hoãn' }),
      409,
      'meeting.locked',
    );
  });
});

describe('confirmation (R10) and approval (R11)', () => {
  it('takes answers before the deadline; after it only the standing agency records one, marked late', async () => {
    const soon = await draft(2);
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${url(soon)}/notice`,
      { lateReason: 'Họp khẩn' },
      200,
    );
    // The deadline passes (the last working day before the meeting, at its start time).
    clockAt({ startsAt: soon.confirmationDeadline }, 1);
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
    clock.setClock(TEST_NOW);

    const later = await draft(20);
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
    const m = await draft(20);
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
    const notBriefed = expectProblem(
      await call(ctx.app, org.seats.residentialGroupHead.session, 'POST', `${url(m)}/response`, {
        response: 'substitute',
        substitute: { name: 'X', briefed: false },
      }),
      400,
      'request.validation',
    );
    // The rule in words, without an internal code.
    expect(JSON.stringify(notBriefed)).not.toMatch(/\bR\d{1,2}\b/);
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
    const m = await draft(20);
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
    expect(refused.detail).not.toMatch(/\bR\d{1,2}\b/);
    expect((await send(deputy.id, 'Cấp phó đơn vị')).statusCode).toBe(200);
  });
});

describe('the personal link in the invitation (R10)', () => {
  it('shows the meeting and confirms attendance in one click, without signing in; the answer names the meeting', async () => {
    const m = await draft(20);
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
    expect(shown.json()).toMatchObject({
      meetingId: m.id,
      meetingTitle: 'Họp định kỳ quý',
      open: true,
      response: null,
    });
    const answered = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rsvp',
      payload: { token, response: 'attend' },
    });
    expect(answered.json()).toMatchObject({ response: 'attend', meetingId: m.id });
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
    const m = await draft(20);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url(m)}/notice`, {}, 200);
    const attendee = m.attendees.find((a: { userId: string }) => a.userId === org.seats.member.userId);
    const token = await createLinkToken(
      ctx.db,
      'rsvp',
      attendee.id,
      new Date(clock.now().getTime() + 60 * DAY),
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
