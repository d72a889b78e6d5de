import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser, login } from '../../../test/factories.ts';
import { call, committeeWithRoles, type Seat } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { capCheck, levelOf } from './calc.ts';
import { findScheme } from './evaluations.repo.ts';

// R17: the annual evaluation of members from their work products, Decree 335/2025's method. Every figure below
// is computed by hand from the tasks written here; the clock is pinned to 20/11/2026 (before the 15/12 limit),
// whatever day the suite runs on (CI also runs it on 31/12 and in Tết).

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
const seat = {} as Record<'joiner' | 'leaver' | 'replacement' | 'deputy2', Seat>;
let cycleId = '';

type Member = {
  id: string;
  userId: string;
  figures: {
    tasks: {
      assigned: number;
      doneOnTime: number;
      doneLate: number;
      overdue: number;
      open: number;
      returned: number;
      majorErrors: number;
      exempted: number;
      cooperated: number;
      extensions: number;
      records: { taskId: string; returns: { eventId: string }[]; counted: boolean }[];
    };
    attendance: Record<string, number>;
  };
  taskScore: { quantityPct: number; qualityPct: number; timelinessPct: number; points: number };
  generalPoints: number | null;
  totalPoints: number | null;
  suggestedLevel: string | null;
  proposedLevel: string | null;
  decidedLevel: string | null;
};

async function addMember(role: string, name: string, startDate: string, endDate?: string): Promise<Seat> {
  const user = await createUser(ctx.db, { unitId: org.unit.id, fullName: name });
  const m = (
    await call(
      ctx.app,
      org.admin.session,
      'POST',
      `${org.url}/members`,
      {
        userId: user.id,
        role,
        startDate,
        ...(endDate ? { endDate } : {}),
      },
      201,
    )
  ).json();
  return { userId: user.id, membershipId: m.id, session: await login(ctx.app, user.username) };
}

/** A task written as the records stand at the end of its story (the tasks module's flows are tested there). */
async function task(
  lead: string,
  t: {
    deadline: string;
    status?: string;
    completedOn?: string;
    returns?: number;
    cooperator?: string;
    title?: string;
  },
) {
  const id = randomUUID();
  await ctx.db.execute(sql`insert into tasks (id, committee_id, title, source_kind, source_date, lead_membership_id,
      responsible_membership_id, deadline, original_deadline, status, completed_on)
    values (${id}, ${org.committee.id}, ${t.title ?? 'Nhiệm vụ thử'}, 'adHoc', '2026-01-05', ${lead}, ${lead},
      ${t.deadline}, ${t.deadline}, ${t.status ?? 'done'}, ${t.completedOn ?? null})`);
  for (let i = 0; i < (t.returns ?? 0); i++)
    await ctx.db.execute(sql`insert into task_events (id, task_id, kind, from_status, to_status, reason, created_at)
      values (${randomUUID()}, ${id}, 'returned', 'submittedDone', 'returned', 'Sản phẩm chưa đạt',
        now() - make_interval(days => ${30 - i}))`);
  if (t.cooperator)
    await ctx.db.execute(
      sql`insert into task_cooperators (id, task_id, membership_id) values (${randomUUID()}, ${id}, ${t.cooperator})`,
    );
  return id;
}

const ids = {} as Record<string, string>;

beforeAll(async () => {
  clock.setClock('2026-11-20T09:00:00+07:00');
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'danh-gia');
  // The standing deputy proposes (the committee's default proposer); a second deputy is not standing.
  await ctx.db.execute(
    sql`update memberships set is_standing = true where id = ${org.seats.deputyHead.membershipId}`,
  );
  seat.deputy2 = await addMember('deputyHead', 'Phó Trưởng ban thứ hai', '2024-01-01');
  seat.joiner = await addMember('member', 'Thành viên mới vào', '2026-07-01');
  seat.leaver = await addMember('member', 'Thành viên được thay', '2024-01-01', '2026-06-30');
  seat.replacement = await addMember('member', 'Thành viên thay thế', '2026-07-01');
  await ctx.db.execute(
    sql`update memberships set replaced_by_id = ${seat.replacement.membershipId}, end_reason = 'Chuyển công tác'
        where id = ${seat.leaver.membershipId}`,
  );
  const A = org.seats.member.membershipId;
  ids.a1 = await task(A, { deadline: '2026-03-31', completedOn: '2026-03-20' });
  ids.a2 = await task(A, { deadline: '2026-05-29', completedOn: '2026-05-25', returns: 1 });
  ids.a3 = await task(A, { deadline: '2026-06-30', completedOn: '2026-07-10' });
  ids.a4 = await task(A, { deadline: '2026-09-30', status: 'inProgress' });
  ids.a5 = await task(A, { deadline: '2026-12-31', status: 'inProgress' });
  ids.a6 = await task(A, { deadline: '2026-04-30', status: 'cancelled' });
  ids.a7 = await task(org.seats.secretary.membershipId, {
    deadline: '2026-04-15',
    completedOn: '2026-04-10',
    cooperator: A,
  });
  ids.c1 = await task(seat.joiner.membershipId, {
    deadline: '2026-08-31',
    completedOn: '2026-09-04',
    returns: 2,
  });
  ids.c2 = await task(seat.joiner.membershipId, { deadline: '2026-09-30', completedOn: '2026-09-29' });
  ids.d1 = await task(seat.leaver.membershipId, { deadline: '2026-03-31', completedOn: '2026-03-30' });
  // R14: the leaver's open task moved to the replacement at the change; done late by her, it counts for her.
  ids.x = await task(seat.replacement.membershipId, { deadline: '2026-08-31', completedOn: '2026-09-10' });
  await ctx.db.execute(sql`insert into task_events (id, task_id, kind, reason, data)
    values (${randomUUID()}, ${ids.x}, 'handedOver', 'Thay đổi nhân sự', ${JSON.stringify({ from: seat.leaver.membershipId })}::jsonb)`);
  ids.e2 = await task(seat.replacement.membershipId, { deadline: '2026-10-30', completedOn: '2026-10-28' });
  // One meeting held in April: the member checked in, the head's absence approved, the deputy sent a
  // substitute, the secretary was absent without leave.
  const meetingId = randomUUID();
  await ctx.db.execute(sql`insert into meetings (id, committee_id, kind, title, status, starts_at, ends_at)
    values (${meetingId}, ${org.committee.id}, 'quarterly', 'Họp quý I', 'held', '2026-04-10T09:00:00+07', '2026-04-10T11:00:00+07')`);
  const attendee = (userId: string, membershipId: string, extra: ReturnType<typeof sql>) =>
    ctx.db.execute(sql`insert into meeting_attendees (id, meeting_id, user_id, membership_id, kind, response,
        approval, checked_in_at) values (${randomUUID()}, ${meetingId}, ${userId}, ${membershipId}, 'member', ${extra})`);
  await attendee(org.seats.member.userId, A, sql`'attend', null, now()`);
  await attendee(org.seats.head.userId, org.seats.head.membershipId, sql`'absent', 'approved', null`);
  await attendee(
    org.seats.deputyHead.userId,
    org.seats.deputyHead.membershipId,
    sql`'substitute', 'approved', null`,
  );
  await attendee(org.seats.secretary.userId, org.seats.secretary.membershipId, sql`'absent', null, null`);
});
afterAll(async () => {
  await ctx.close();
  clock.setClock(TEST_NOW);
});

const getCycle = async (s: Seat['session'] = org.seats.secretary.session) =>
  (await call(ctx.app, s, 'GET', `/api/v1/evaluations/${cycleId}`, undefined, 200)).json();
const memberOf = (cycle: { members: Member[] }, userId: string) =>
  cycle.members.find((m) => m.userId === userId)!;

describe('opening the year (R17)', () => {
  it('refuses a deadline from 15/12 or on a day off, and a plain member; nothing is opened', async () => {
    const url = `${org.url}/evaluations`;
    const s = org.seats.secretary.session;
    expectProblem(
      await call(ctx.app, s, 'POST', url, { year: 2026, deadline: '2026-12-15' }),
      422,
      'evaluation.invalidDeadline',
    );
    // Saturday 12/12/2026.
    expectProblem(
      await call(ctx.app, s, 'POST', url, { year: 2026, deadline: '2026-12-12' }),
      422,
      'evaluation.invalidDeadline',
    );
    expectProblem(
      await call(ctx.app, s, 'POST', url, { year: 2026, deadline: '2026-11-19' }),
      422,
      'evaluation.invalidDeadline',
    );
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', url, { year: 2026 }),
      403,
      'permission.denied',
    );
    expectProblem(await call(ctx.app, s, 'POST', url, { year: 'x' }), 400, 'request.validation');
    expect((await call(ctx.app, s, 'GET', url, undefined, 200)).json().items).toEqual([]);
  });

  it('the standing agency opens it, by default on the last working day before 15/12, with every seat of the year', async () => {
    const cycle = (
      await call(ctx.app, org.seats.secretary.session, 'POST', `${org.url}/evaluations`, { year: 2026 }, 201)
    ).json();
    cycleId = cycle.id;
    expect(cycle.deadline).toBe('2026-12-14');
    expect(cycle.proposerRole).toBe('standingDeputy');
    const names = cycle.members.map((m: { fullName: string }) => m.fullName);
    // Guests are not evaluated; the leaver (until 30/06) and the joiner (from 01/07) are.
    expect(names).toHaveLength(9);
    expect(names).toEqual(
      expect.arrayContaining(['Thành viên được thay', 'Thành viên mới vào', 'Thành viên thay thế']),
    );
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${org.url}/evaluations`, { year: 2026 }),
      409,
      'evaluation.exists',
    );
  });
});

describe('the 70-point task part (Decree 335/2025)', () => {
  it('counts a member’s year: on time, a returned task, late, overdue; not yet due and cancelled left out', async () => {
    const a = memberOf(await getCycle(), org.seats.member.userId);
    expect(a.figures.tasks).toMatchObject({
      assigned: 4,
      doneOnTime: 2,
      doneLate: 1,
      overdue: 1,
      open: 1,
      returned: 1,
      majorErrors: 1,
      cooperated: 1,
      exempted: 0,
    });
    // Quantity 3/4; quality (1 + 0.75 + 1)/3; timeliness (1 + 1 + 0.75 + 0)/4; 70 × mean.
    expect(a.taskScore).toEqual({ quantityPct: 75, qualityPct: 91.67, timelinessPct: 68.75, points: 54.93 });
    expect(a.figures.attendance).toMatchObject({ meetings: 1, present: 1 });
  });

  it('an objective cause the committee confirmed exempts the delay, with its reason', async () => {
    const body = { taskId: ids.a3, kind: 'exemptDelay', reason: 'Chờ văn bản hướng dẫn của tỉnh' };
    expectProblem(
      await call(
        ctx.app,
        org.seats.member.session,
        'POST',
        `/api/v1/evaluations/${cycleId}/task-notes`,
        body,
      ),
      403,
      'permission.denied',
    );
    expectProblem(
      await call(ctx.app, org.seats.deputyHead.session, 'POST', `/api/v1/evaluations/${cycleId}/task-notes`, {
        ...body,
        taskId: randomUUID(),
      }),
      422,
      'evaluation.unknownTask',
    );
    const cycle = (
      await call(
        ctx.app,
        org.seats.deputyHead.session,
        'POST',
        `/api/v1/evaluations/${cycleId}/task-notes`,
        body,
        200,
      )
    ).json();
    const a = memberOf(cycle, org.seats.member.userId);
    expect(a.figures.tasks.exempted).toBe(1);
    // Timeliness (1 + 1 + 1 + 0)/4 = 75; 70 × (75 + 91.67 + 75)/3 = 56.39.
    expect(a.taskScore).toEqual({ quantityPct: 75, qualityPct: 91.67, timelinessPct: 75, points: 56.39 });
  });

  it('a member who joined mid-year: her tasks from then; a return marked minor is not a major error', async () => {
    let c = memberOf(await getCycle(), seat.joiner.userId);
    expect(c.figures.tasks).toMatchObject({
      assigned: 2,
      doneOnTime: 1,
      doneLate: 1,
      returned: 2,
      majorErrors: 2,
    });
    // Quality (0.5 + 1)/2, timeliness (0.75 + 1)/2: 70 × (100 + 75 + 87.5)/3 = 61.25.
    expect(c.taskScore).toEqual({ quantityPct: 100, qualityPct: 75, timelinessPct: 87.5, points: 61.25 });
    const second = c.figures.tasks.records.find((r) => r.taskId === ids.c1)!.returns[1]!.eventId;
    const cycle = (
      await call(
        ctx.app,
        org.seats.deputyHead.session,
        'POST',
        `/api/v1/evaluations/${cycleId}/task-notes`,
        {
          taskId: ids.c1,
          kind: 'minorReturn',
          eventId: second,
          reason: 'Sai sót chính tả, sửa ngay',
        },
        200,
      )
    ).json();
    c = memberOf(cycle, seat.joiner.userId);
    // Quality (0.75 + 1)/2: 70 × (100 + 87.5 + 87.5)/3 = 64.17.
    expect(c.taskScore).toEqual({ quantityPct: 100, qualityPct: 87.5, timelinessPct: 87.5, points: 64.17 });
  });

  it('a personnel change: the work done before counts for the leaver, the handed-over task for the replacement', async () => {
    const cycle = await getCycle();
    const d = memberOf(cycle, seat.leaver.userId);
    expect(d.figures.tasks).toMatchObject({ assigned: 1, doneOnTime: 1 });
    expect(d.taskScore.points).toBe(70);
    const e = memberOf(cycle, seat.replacement.userId);
    expect(e.figures.tasks).toMatchObject({ assigned: 2, doneOnTime: 1, doneLate: 1 });
    // Timeliness (0.75 + 1)/2: 70 × (100 + 100 + 87.5)/3 = 67.08.
    expect(e.taskScore).toEqual({ quantityPct: 100, qualityPct: 100, timelinessPct: 87.5, points: 67.08 });
  });
});

describe('levels and the cap', () => {
  it('the levels’ thresholds at their boundaries, read from the seeded scheme', async () => {
    const scheme = (await findScheme(ctx.db, 'nd335-2025'))!;
    expect(scheme.levels.map((l) => l.name)).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
    expect([89.99, 90, 69.99, 70, 49.99, 50, 0].map((t) => levelOf(scheme, t))).toEqual([
      'good',
      'excellent',
      'done',
      'good',
      'notDone',
      'done',
      'notDone',
    ]);
    expect(capCheck(scheme, ['excellent', 'good', 'good', 'good', 'good', 'good'])).toMatchObject({
      allowed: 1,
      exceeded: false,
    });
    expect(capCheck(scheme, ['excellent', 'good', 'good', 'good', 'good'])).toMatchObject({
      allowed: 0,
      exceeded: true,
    });
  });

  it('the member self-scores her general criteria; out-of-scheme scores are refused and nothing is changed', async () => {
    const mine = (await getCycle(org.seats.member.session)) as {
      members: Member[];
      may: { viewAll: boolean };
      myMemberId: string;
    };
    // A plain member sees only her own evaluation.
    expect(mine.members).toHaveLength(1);
    expect(mine.may.viewAll).toBe(false);
    const url = `/api/v1/evaluations/${cycleId}/members/${mine.myMemberId}/self-score`;
    const s = org.seats.member.session;
    expectProblem(
      await call(ctx.app, s, 'PUT', url, { scores: { 'I.1': 6 } }),
      422,
      'evaluation.scoreAboveMax',
    );
    expectProblem(
      await call(ctx.app, s, 'PUT', url, { scores: { IX: 1 } }),
      422,
      'evaluation.unknownCriterion',
    );
    expectProblem(
      await call(ctx.app, seat.joiner.session, 'PUT', url, { scores: { 'I.1': 5 } }),
      403,
      'permission.denied',
    );
    expect(memberOf(await getCycle(), org.seats.member.userId).generalPoints).toBeNull();
    const scores = { 'I.1': 5, 'I.2': 5, 'II.1': 2.5, 'II.2': 2.5, 'II.3': 2.5, 'II.4': 2.5, III: 8 };
    const a = memberOf((await call(ctx.app, s, 'PUT', url, { scores }, 200)).json(), org.seats.member.userId);
    expect(a.generalPoints).toBe(28);
    expect(a.totalPoints).toBe(84.39);
    expect(a.suggestedLevel).toBe('good');
  });

  it('89.99 and 90 through the API: the proposer’s reviewed scores on a 70-point member', async () => {
    const cycle = await getCycle();
    const d = memberOf(cycle, seat.leaver.userId);
    const url = `/api/v1/evaluations/${cycleId}/proposals`;
    const review = (III: number) => ({
      'I.1': 5,
      'I.2': 5,
      'II.1': 2.5,
      'II.2': 2.5,
      'II.3': 2.5,
      'II.4': 2.5,
      III,
    });
    let after = memberOf(
      (
        await call(
          ctx.app,
          org.seats.deputyHead.session,
          'POST',
          url,
          {
            items: [{ memberId: d.id, level: 'good', reviewedScores: { ...review(0), 'I.1': 4.99 } }],
          },
          200,
        )
      ).json(),
      seat.leaver.userId,
    );
    expect([after.totalPoints, after.suggestedLevel]).toEqual([89.99, 'good']);
    after = memberOf(
      (
        await call(
          ctx.app,
          org.seats.deputyHead.session,
          'POST',
          url,
          {
            items: [{ memberId: d.id, level: 'excellent', reviewedScores: review(0) }],
          },
          200,
        )
      ).json(),
      seat.leaver.userId,
    );
    expect([after.totalPoints, after.suggestedLevel, after.proposedLevel]).toEqual([
      90,
      'excellent',
      'excellent',
    ]);
  });

  it('only the proposer proposes; the cap warning shows before the head decides', async () => {
    const cycle = await getCycle();
    const url = `/api/v1/evaluations/${cycleId}/proposals`;
    const items = cycle.members.map((m: Member) => ({
      memberId: m.id,
      level: m.userId === seat.leaver.userId || m.userId === org.seats.member.userId ? 'excellent' : 'good',
    }));
    expectProblem(
      await call(ctx.app, seat.deputy2.session, 'POST', url, { items }),
      403,
      'permission.denied',
    );
    expectProblem(
      await call(ctx.app, org.seats.deputyHead.session, 'POST', url, {
        items: [{ memberId: items[0].memberId, level: 'best' }],
      }),
      400,
      'request.validation',
    );
    const proposed = (await call(ctx.app, org.seats.deputyHead.session, 'POST', url, { items }, 200)).json();
    // 2 excellent against 7 good: at most floor(20% × 7) = 1.
    expect(proposed.cap).toMatchObject({ count: 2, ofCount: 7, allowed: 1, exceeded: true });
  });

  it('a deputy under the head’s signDocuments delegation for every domain decides for the head (R4)', async () => {
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${org.url}/delegations`,
      {
        toMembershipId: seat.deputy2.membershipId,
        scopes: ['signDocuments'],
        domains: [],
        validFrom: '2026-11-01',
        validTo: '2026-12-31',
      },
      201,
    );
    const joiner = memberOf(await getCycle(), seat.joiner.userId);
    const cycle = (
      await call(
        ctx.app,
        seat.deputy2.session,
        'POST',
        `/api/v1/evaluations/${cycleId}/decisions`,
        {
          items: [{ memberId: joiner.id, level: 'good' }],
        },
        200,
      )
    ).json();
    expect(memberOf(cycle, seat.joiner.userId).decidedLevel).toBe('good');
    expect(cycle.status).toBe('open');
  });

  it('only the head decides: a deputy without a delegation gets 403; over the cap needs a reason; nothing changed before', async () => {
    const cycle = await getCycle();
    const url = `/api/v1/evaluations/${cycleId}/decisions`;
    const items = cycle.members.map((m: Member) => ({ memberId: m.id, level: m.proposedLevel }));
    expectProblem(
      await call(ctx.app, org.seats.deputyHead.session, 'POST', url, { items }),
      403,
      'permission.denied',
    );
    expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', url, { items }),
      409,
      'evaluation.capExceeded',
    );
    const unchanged = await getCycle();
    expect(unchanged.members.filter((m: Member) => m.decidedLevel !== null)).toHaveLength(1);
    expect(unchanged.status).toBe('open');
    const decided = (
      await call(
        ctx.app,
        org.seats.head.session,
        'POST',
        url,
        {
          items,
          capOverrideReason: 'Hai thành viên có sáng kiến được công nhận cấp tỉnh',
        },
        200,
      )
    ).json();
    expect(decided.status).toBe('decided');
    expect(decided.capOverrideReason).toBe('Hai thành viên có sáng kiến được công nhận cấp tỉnh');
    expect(memberOf(decided, org.seats.member.userId).decidedLevel).toBe('excellent');
    expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', url, { items }),
      409,
      'evaluation.closed',
    );
  });

  it('the member reads her result and the figures behind it, and her sheet; the summary is not hers', async () => {
    const mine = await getCycle(org.seats.member.session);
    const res = await call(
      ctx.app,
      org.seats.member.session,
      'GET',
      `/api/v1/evaluations/${cycleId}/members/${mine.myMemberId}`,
      undefined,
      200,
    );
    expect(res.json()).toMatchObject({ decidedLevel: 'excellent', taskScore: { points: 56.39 } });
    expect(res.json().figures.tasks.records.map((r: { taskId: string }) => r.taskId)).toContain(ids.a2);
    const sheet = await call(
      ctx.app,
      org.seats.member.session,
      'GET',
      `/api/v1/evaluations/${cycleId}/members/${mine.myMemberId}/sheet.docx`,
      undefined,
      200,
    );
    expect(sheet.headers['content-type']).toContain('wordprocessingml');
    expect(sheet.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const other = memberOf(await getCycle(), seat.joiner.userId);
    expectProblem(
      await call(
        ctx.app,
        org.seats.member.session,
        'GET',
        `/api/v1/evaluations/${cycleId}/members/${other.id}`,
      ),
      404,
      'evaluation.memberNotFound',
    );
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/evaluations/${cycleId}/summary.xlsx`),
      403,
      'permission.denied',
    );
    for (const f of ['summary.docx', 'summary.xlsx']) {
      const r = await call(
        ctx.app,
        org.seats.head.session,
        'GET',
        `/api/v1/evaluations/${cycleId}/${f}`,
        undefined,
        200,
      );
      expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    expectProblem(
      await call(ctx.app, org.outsider.session, 'GET', `/api/v1/evaluations/${cycleId}`),
      404,
      'evaluation.notFound',
    );
  });
});
