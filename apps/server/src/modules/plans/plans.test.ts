import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser, login } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import { setClock } from '../../clock.ts';
import { addSeat, newTask, plusDays, type TaskOrg, taskOrg, today } from '../tasks/tasks.fixtures.ts';

let ctx: TestContext;
let org: TaskOrg;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await taskOrg(ctx.app, ctx.db, 'ke-hoach');
});
afterAll(() => ctx.close());

interface PlanDto {
  id: string;
  year: number;
  title: string;
  status: string;
  documentId: string | null;
  approvedOn: string | null;
  approvedByName: string | null;
  approvedUnderDelegation: boolean;
  allowedActions: string[];
  items: {
    id: string;
    position: number;
    domain: string;
    quarter: number;
    title: string;
    deadline: string;
    leadUnit: { id: string } | null;
    leadMember: { membershipId: string } | null;
    cooperatingUnits: { id: string; name: string }[];
    task: { id: string; status: string; derivedStatus: string } | null;
  }[];
}

const thisYear = () => Number(today().slice(0, 4));
afterEach(() => setClock(TEST_NOW));
const nextYear = () => thisYear() + 1;

async function newPlan(year: number, session = org.seats.secretary.session): Promise<PlanDto> {
  return (await call(ctx.app, session, 'POST', `${org.url}/plans`, { year }, 201)).json();
}
async function cancel(plan: { id: string }) {
  await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/plans/${plan.id}/cancel`, undefined, 200);
}
const put = (planId: string, items: unknown[], session = org.seats.secretary.session) =>
  call(ctx.app, session, 'PUT', `/api/v1/plans/${planId}`, { items });
const approve = (planId: string, session = org.seats.head.session) =>
  call(ctx.app, session, 'POST', `/api/v1/plans/${planId}/approve`);
const count = async (query: ReturnType<typeof sql>) =>
  (await ctx.db.execute<{ n: number }>(query)).rows[0]!.n;
const tasksOfPlan = (planId: string) =>
  count(sql`select count(*)::int as n from tasks t join work_plan_items i on i.id = t.plan_item_id
    where i.plan_id = ${planId}`);

/** A valid item: CCHC, quarter 2 of the plan year, led by the police unit. */
const item = (over: Record<string, unknown> = {}) => ({
  domain: 'CCHC',
  quarter: 2,
  title: 'Rà soát, đơn giản hóa thủ tục hành chính',
  leadUnitId: org.police.id,
  cooperatingUnitIds: [],
  expectedProduct: 'Báo cáo kết quả rà soát',
  ...over,
});

describe('creating a plan', () => {
  it('opens a draft for a year, one per committee and year unless cancelled; members and outsiders cannot', async () => {
    const year = nextYear() + 3;
    const plan = await newPlan(year);
    expect(plan).toMatchObject({ year, status: 'draft', items: [] });
    expect(plan.title).toBe(`Kế hoạch công tác năm ${year} của Ban Chỉ đạo thử ke-hoach`);
    expect(plan.allowedActions).toEqual(expect.arrayContaining(['edit', 'cancel', 'draftDocument']));
    // The secretary drafts, only the head (or a delegate) approves.
    expect(plan.allowedActions).not.toContain('approve');
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${org.url}/plans`, { year }),
      409,
      'plan.yearTaken',
    );
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `${org.url}/plans`, { year: year + 1 }),
      403,
      'permission.denied',
    );
    expectProblem(
      await call(ctx.app, org.outsider.session, 'POST', `${org.url}/plans`, { year: year + 1 }),
      404,
      'committee.notFound',
    );
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${org.url}/plans`, { year: 1999 }),
      400,
      'request.validation',
    );
    const list = (
      await call(ctx.app, org.seats.member.session, 'GET', `${org.url}/plans`, undefined, 200)
    ).json();
    expect(list.items.map((p: PlanDto) => p.id)).toContain(plan.id);
    // Cancelled, the year is free again.
    await cancel(plan);
    const again = await newPlan(year);
    expect(again.id).not.toBe(plan.id);
    await cancel(again);
  });
});

describe('editing the items of a draft', () => {
  it('validates R1 lead, domain, quarter, deadline, units and seats; nothing is written on a bad list', async () => {
    const year = nextYear();
    const plan = await newPlan(year);
    const saved = (
      await put(plan.id, [item(), item({ domain: 'CDS', quarter: 3, deadline: `${year}-12-15` })])
    ).json() as PlanDto;
    expect(saved.items).toHaveLength(2);
    // Without a date the deadline is the quarter's last day.
    expect(saved.items[0]).toMatchObject({ position: 1, quarter: 2, deadline: `${year}-06-30` });
    expect(saved.items[1]).toMatchObject({ position: 2, domain: 'CDS', deadline: `${year}-12-15` });

    const bad = async (over: Record<string, unknown>, status: number, code: string, path?: string) => {
      const p = expectProblem(await put(plan.id, [item(), item(over)]), status, code);
      if (path) expect(p.errors?.map((e) => e.path)).toContain(path);
      return p;
    };
    // R1: neither a unit nor a member, or both — the committee itself cannot lead.
    const neither = await bad({ leadUnitId: null }, 400, 'request.validation');
    expect(neither.errors?.[0]?.message).toContain('không giao cho cả Ban Chỉ đạo');
    await bad({ leadMembershipId: org.seats.member.membershipId }, 400, 'request.validation');
    await bad({ quarter: 5 }, 400, 'request.validation');
    await bad({ quarter: 0 }, 400, 'request.validation');
    const domain = await bad({ domain: 'XYZ' }, 422, 'plan.invalidItem', 'items.1.domain');
    expect(domain.detail).toContain('Nhiệm vụ 2');
    // Deadline: not before the quarter starts, not after the plan year.
    await bad({ quarter: 3, deadline: `${year}-06-30` }, 422, 'plan.invalidItem', 'items.1.deadline');
    await bad({ quarter: 4, deadline: `${year + 1}-01-05` }, 422, 'plan.invalidItem', 'items.1.deadline');
    await bad(
      { leadUnitId: '0190f0f0-0000-7000-8000-000000000000' },
      422,
      'plan.invalidItem',
      'items.1.leadUnitId',
    );
    await bad(
      { cooperatingUnitIds: ['0190f0f0-0000-7000-8000-000000000000'] },
      422,
      'plan.invalidItem',
      'items.1.cooperatingUnitIds',
    );
    // A guest's seat cannot lead (R1: a member of the committee).
    await bad(
      { leadUnitId: null, leadMembershipId: org.seats.guest.membershipId },
      422,
      'plan.invalidItem',
      'items.1.leadMembershipId',
    );
    // Several problems are reported together.
    const many = expectProblem(
      await put(plan.id, [item({ domain: 'XYZ' }), item({ quarter: 1, deadline: `${year - 1}-12-31` })]),
      422,
      'plan.invalidItem',
    );
    expect(many.errors?.map((e) => e.path)).toEqual(['items.0.domain', 'items.1.deadline']);
    // Members may not edit; nothing above changed the saved items.
    expectProblem(await put(plan.id, [item()], org.seats.member.session), 403, 'permission.denied');
    const after = (
      await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/plans/${plan.id}`, undefined, 200)
    ).json() as PlanDto;
    expect(after.items.map((i) => i.id)).toEqual(saved.items.map((i) => i.id));
    // A member as lead, co-operating units (the lead unit is not its own co-operator).
    const other = (
      await call(
        ctx.app,
        org.admin.session,
        'POST',
        '/api/v1/units',
        { level: 'agency', name: 'Văn phòng thử ke-hoach', parentId: org.unit.id, isSample: true },
        201,
      )
    ).json();
    const withMember = (
      await put(plan.id, [
        item({
          leadUnitId: null,
          leadMembershipId: org.seats.member.membershipId,
          cooperatingUnitIds: [other.id, org.police.id],
        }),
        item({ cooperatingUnitIds: [org.police.id, other.id] }),
      ])
    ).json() as PlanDto;
    expect(withMember.items[0]!.leadMember?.membershipId).toBe(org.seats.member.membershipId);
    expect(withMember.items[0]!.cooperatingUnits.map((u) => u.id).sort()).toEqual(
      [other.id, org.police.id].sort(),
    );
    expect(withMember.items[1]!.cooperatingUnits.map((u) => u.id)).toEqual([other.id]);
    await cancel(plan);
  });
});

describe('approving a plan', () => {
  it('is the head’s, or a deputy’s under a delegation to sign documents for every domain (R4)', async () => {
    const year = nextYear();
    const plan = await newPlan(year);
    await put(plan.id, [item()]);
    for (const seat of [org.seats.member, org.seats.secretary, org.seats.deputyHead]) {
      expectProblem(await approve(plan.id, seat.session), 403, 'permission.denied');
    }
    expectProblem(await approve(plan.id, org.outsider.session), 404, 'plan.notFound');
    const delegate = (scopes: string[], domains: string[], number: string) =>
      call(
        ctx.app,
        org.seats.head.session,
        'POST',
        `${org.url}/delegations`,
        {
          toMembershipId: org.seats.deputyHead.membershipId,
          scopes,
          domains,
          validFrom: plusDays(today(), -1),
          validTo: plusDays(today(), 30),
          document: { number, date: plusDays(today(), -1) },
        },
        201,
      );
    // Chairing meetings, or signing for one domain only, does not reach the whole plan.
    await delegate(['chairMeetings'], [], '10/QĐ-BCĐ');
    await delegate(['signDocuments'], ['CCHC'], '11/QĐ-BCĐ');
    expectProblem(await approve(plan.id, org.seats.deputyHead.session), 403, 'permission.denied');
    expect(await tasksOfPlan(plan.id)).toBe(0);
    const d = (await delegate(['signDocuments'], [], '12/QĐ-BCĐ')).json();
    const before = (
      await call(ctx.app, org.seats.deputyHead.session, 'GET', `/api/v1/plans/${plan.id}`, undefined, 200)
    ).json() as PlanDto;
    expect(before.allowedActions).toContain('approve');
    const approved = (await approve(plan.id, org.seats.deputyHead.session)).json() as PlanDto;
    expect(approved).toMatchObject({
      status: 'approved',
      approvedUnderDelegation: true,
      approvedOn: today(),
    });
    expect(approved.approvedByName).toBe('deputyHead ke-hoach');
    const [row] = (
      await ctx.db.execute(
        sql`select approved_under_delegation_id as d from work_plans where id = ${plan.id}`,
      )
    ).rows;
    expect(row!.d).toBe(d.id);
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${org.url}/delegations/${d.id}/revoke`,
      undefined,
      200,
    );
  });

  it('creates one task per item, linked to its item, from the approval date; twice → 409; editing → 409', async () => {
    const year = nextYear() + 1;
    const plan = await newPlan(year);
    const draft = (
      await put(plan.id, [
        item({ quarter: 1, cooperatingUnitIds: [] }),
        item({
          domain: 'DA06',
          quarter: 4,
          title: 'Làm sạch dữ liệu dân cư',
          leadUnitId: null,
          leadMembershipId: org.officer.membershipId,
          cooperatingUnitIds: [org.police.id],
          deadline: `${year}-11-30`,
        }),
      ])
    ).json() as PlanDto;
    const approved = (await approve(plan.id)).json() as PlanDto;
    expect(approved).toMatchObject({
      status: 'approved',
      approvedUnderDelegation: false,
      approvedOn: today(),
    });
    expect(approved.allowedActions).not.toContain('approve');
    expect(approved.allowedActions).not.toContain('edit');
    const rows = (
      await ctx.db.execute<Record<string, unknown>>(sql`select t.*, i.id as item_id, i.task_id as item_task
        from work_plan_items i join tasks t on t.plan_item_id = i.id
        where i.plan_id = ${plan.id} order by i.position`)
    ).rows;
    expect(rows).toHaveLength(2);
    for (const [n, r] of rows.entries()) {
      expect(r.item_task).toBe(r.id);
      expect(r.item_id).toBe(draft.items[n]!.id);
      expect(approved.items[n]!.task).toMatchObject({ id: r.id, status: 'new' });
      expect(r).toMatchObject({
        source_kind: 'planItem',
        source_date: today(),
        committee_id: org.committee.id,
        status: 'new',
        assigned_by: org.seats.head.userId,
      });
    }
    expect(rows[0]).toMatchObject({ deadline: `${year}-03-31`, domain: 'CCHC', lead_unit_id: org.police.id });
    expect(rows[1]).toMatchObject({
      deadline: `${year}-11-30`,
      domain: 'DA06',
      lead_membership_id: org.officer.membershipId,
      responsible_membership_id: org.officer.membershipId,
    });
    // The co-operating unit went with it; the officer sees the task in "my tasks".
    expect(
      await count(sql`select count(*)::int as n from task_cooperators where task_id = ${rows[1]!.id as string}
        and unit_id = ${org.police.id}`),
    ).toBe(1);
    const mine = (
      await call(ctx.app, org.officer.session, 'GET', '/api/v1/tasks/mine', undefined, 200)
    ).json();
    expect(mine.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([rows[1]!.id]));

    expectProblem(await approve(plan.id), 409, 'plan.notDraft');
    expectProblem(await put(plan.id, [item()]), 409, 'plan.notDraft');
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/plans/${plan.id}/cancel`),
      409,
      'plan.notDraft',
    );
    expect(await tasksOfPlan(plan.id)).toBe(2);
  });

  it('is atomic: an item past its deadline fails it with the list, a failing task rolls back the others', async () => {
    // This year's plan: a first-quarter item is already late (unless today is in the first quarter).
    const year = thisYear();
    const plan = await newPlan(year);
    await put(plan.id, [
      item({ quarter: 4, deadline: `${year}-12-31` }),
      item({ quarter: 4, title: 'Hạn đã qua' }),
    ]);
    // Move the second item's deadline before today in SQL (as if the plan were approved late).
    await ctx.db.execute(
      sql`update work_plan_items set deadline = ${plusDays(today(), -1)} where plan_id = ${plan.id} and position = 2`,
    );
    const late = expectProblem(await approve(plan.id), 422, 'plan.itemsPastDeadline');
    expect(late.detail).toContain('2. “Hạn đã qua”');
    const body = (await approve(plan.id)).json();
    expect(body.items).toEqual([expect.objectContaining({ position: 2, title: 'Hạn đã qua' })]);
    expect(await tasksOfPlan(plan.id)).toBe(0);

    // Now a lead whose seat ended after drafting: the first item's task is rolled back with the failure.
    const leaving = await addSeat(ctx.app, ctx.db, org, 'member', 'Thành viên sắp nghỉ');
    await put(plan.id, [
      item({ quarter: 4, deadline: `${year}-12-31` }),
      item({ quarter: 4, leadUnitId: null, leadMembershipId: leaving.membershipId }),
    ]);
    await ctx.db.execute(
      sql`update memberships set end_date = ${plusDays(today(), -1)} where id = ${leaving.membershipId}`,
    );
    expectProblem(await approve(plan.id), 404, 'membership.notFound');
    expect(await tasksOfPlan(plan.id)).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from work_plan_items where plan_id = ${plan.id} and task_id is not null`,
      ),
    ).toBe(0);
    const still = (
      await call(ctx.app, org.seats.head.session, 'GET', `/api/v1/plans/${plan.id}`, undefined, 200)
    ).json() as PlanDto;
    expect(still.status).toBe('draft');
    // An empty plan cannot be approved either.
    await put(plan.id, []);
    expectProblem(await approve(plan.id), 422, 'plan.empty');
    await cancel(plan);
  });
});

describe('the plan document', () => {
  it('is drafted through the documents module as a Kế hoạch with the items by domain', async () => {
    const year = nextYear() + 2;
    const plan = await newPlan(year);
    await call(ctx.app, org.seats.secretary.session, 'PUT', `/api/v1/plans/${plan.id}`, {
      purpose: 'Triển khai hiệu quả công tác cải cách hành chính.',
      items: [item(), item({ domain: 'CDS', quarter: 3, title: 'Số hóa hồ sơ' })],
    });
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `/api/v1/plans/${plan.id}/document`),
      403,
      'permission.denied',
    );
    const drafted = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/plans/${plan.id}/document`,
        undefined,
        200,
      )
    ).json() as PlanDto & { document: { id: string; status: string } };
    expect(drafted.documentId).toBeTruthy();
    expect(drafted.document).toMatchObject({ id: drafted.documentId, status: 'draft' });
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'GET',
        `/api/v1/documents/${drafted.documentId}`,
        undefined,
        200,
      )
    ).json();
    expect(doc).toMatchObject({ type: 'plan', title: plan.title, committeeId: org.committee.id });
    const text = JSON.stringify(doc.body);
    expect(text).toContain('Mục đích, yêu cầu');
    expect(text).toContain('CẢI CÁCH HÀNH CHÍNH');
    expect(text).toContain('CHUYỂN ĐỔI SỐ');
    expect(text).toContain('Số hóa hồ sơ');
    expect(text).toContain(`Quý III, 30/09/${year}`);
    expect(text).toContain(org.police.name);
    await cancel(plan);
  });
});

describe('review data for the 6-month and annual reviews', () => {
  it('counts done on time / late, open, overdue and cancelled by domain and by lead', async () => {
    // Reviewed on 20 November: the year's deadlines up to September are past, 31 December is still ahead.
    setClock(`${thisYear()}-11-20T09:00:00+07:00`);
    const year = thisYear();
    const plan = await newPlan(year);
    const last = `${year}-12-31`;
    const items = [
      item({ quarter: 4, deadline: last, title: 'A đúng hạn' }),
      item({
        quarter: 4,
        deadline: last,
        title: 'B trễ hạn',
        leadUnitId: null,
        leadMembershipId: org.seats.member.membershipId,
      }),
      item({ domain: 'CDS', quarter: 4, deadline: last, title: 'C quá hạn' }),
      item({
        domain: 'CDS',
        quarter: 4,
        deadline: last,
        title: 'D trong hạn',
        leadUnitId: null,
        leadMembershipId: org.officer.membershipId,
      }),
      item({ domain: 'DA06', quarter: 4, deadline: last, title: 'E hủy' }),
      item({ domain: 'DA06', quarter: 4, deadline: last, title: 'G đã báo cáo đúng hạn' }),
    ];
    await put(plan.id, items);
    await approve(plan.id).then((r) => expect(r.statusCode, r.body).toBe(200));
    const ad = await newTask(ctx.app, org, {
      title: 'H đột xuất quá hạn',
      leadUnitId: org.police.id,
      domain: 'CCHC',
    });
    // Move the tasks into the year's past (the derived status is judged today).
    const move = (title: string, deadline: string, set: ReturnType<typeof sql> = sql``) =>
      ctx.db.execute(sql`update tasks set source_date = ${`${year}-01-02`}, deadline = ${deadline},
        original_deadline = ${deadline} ${set} where committee_id = ${org.committee.id} and title = ${title}`);
    await move('A đúng hạn', `${year}-03-31`, sql`, status = 'done', completed_on = ${`${year}-03-20`}`);
    await move('B trễ hạn', `${year}-05-15`, sql`, status = 'done', completed_on = ${`${year}-06-01`}`);
    await move('C quá hạn', `${year}-09-30`);
    await move('E hủy', `${year}-06-30`, sql`, status = 'cancelled'`);
    await move(
      'G đã báo cáo đúng hạn',
      `${year}-10-15`,
      sql`, status = 'submittedDone', completed_on = ${`${year}-10-10`}`,
    );
    await move('H đột xuất quá hạn', `${year}-02-10`);
    // D keeps its deadline (31/12), still ahead.
    expect(ad.id).toBeTruthy();

    const review = async (q: string) =>
      (
        await call(ctx.app, org.seats.member.session, 'GET', `${org.url}/plans/review?${q}`, undefined, 200)
      ).json();
    const half = await review(`year=${year}&period=firstHalf`);
    expect(half).toMatchObject({ from: `${year}-01-01`, to: `${year}-06-30`, asOf: today() });
    expect(half.totals).toEqual({
      total: 4,
      doneOnTime: 1,
      doneLate: 1,
      openOnTime: 0,
      overdue: 1,
      cancelled: 1,
    });
    const full = await review(`year=${year}&period=fullYear&planId=${plan.id}`);
    expect(full.totals).toEqual({
      total: 6,
      doneOnTime: 1,
      doneLate: 1,
      openOnTime: 2,
      overdue: 1,
      cancelled: 1,
    });
    const byDomain = Object.fromEntries(full.byDomain.map((r: { key: string }) => [r.key, r]));
    expect(byDomain.CCHC).toMatchObject({
      name: 'Cải cách hành chính',
      total: 2,
      doneOnTime: 1,
      doneLate: 1,
    });
    expect(byDomain.CDS).toMatchObject({ name: 'Chuyển đổi số', total: 2, overdue: 1, openOnTime: 1 });
    expect(byDomain.DA06).toMatchObject({ name: 'Đề án 06', total: 2, cancelled: 1, openOnTime: 1 });
    expect(full.byDomain.map((r: { key: string }) => r.key)).toEqual(['CCHC', 'CDS', 'DA06']);
    // By lead unit: the officer's seat belongs to the police, so D counts for it; B for the member's unit.
    const police = full.byLead.find((r: { key: string }) => r.key === org.police.id);
    expect(police).toMatchObject({
      name: org.police.name,
      total: 5,
      doneOnTime: 1,
      overdue: 1,
      openOnTime: 2,
      cancelled: 1,
    });
    const memberUnit = full.byLead.find((r: { key: string }) => r.key === org.unit.id);
    expect(memberUnit).toMatchObject({ name: org.unit.name, total: 1, doneLate: 1 });
    // The whole committee for the year includes the ad-hoc task.
    expect((await review(`year=${year}`)).totals).toMatchObject({ total: 7, overdue: 2 });
    // Outsiders see nothing; a plan of another committee is not found.
    expectProblem(
      await call(ctx.app, org.outsider.session, 'GET', `${org.url}/plans/review?year=${year}`),
      404,
      'committee.notFound',
    );
  });
});

describe('the committee above', () => {
  it('sees a ward committee’s plan and review figures, and may not draft or approve it', async () => {
    const admin = org.admin.session;
    const unit = (
      await call(
        ctx.app,
        admin,
        'POST',
        '/api/v1/units',
        { level: 'commune', name: 'Phường thử ke-hoach', parentId: org.unit.id, isSample: true },
        201,
      )
    ).json();
    const ward = (
      await call(
        ctx.app,
        admin,
        'POST',
        '/api/v1/committees',
        { name: 'Ban Chỉ đạo phường thử ke-hoach', unitId: unit.id, parentId: org.committee.id },
        201,
      )
    ).json();
    const wardSecretary = await createUser(ctx.db, { unitId: unit.id, fullName: 'Công chức phường thử' });
    await call(
      ctx.app,
      admin,
      'POST',
      `/api/v1/committees/${ward.id}/members`,
      { userId: wardSecretary.id, role: 'secretary', startDate: '2024-01-01' },
      201,
    );
    const session = await login(ctx.app, wardSecretary.username);
    const plan = (
      await call(ctx.app, session, 'POST', `/api/v1/committees/${ward.id}/plans`, { year: nextYear() }, 201)
    ).json() as PlanDto;
    // The district's head looks down on the ward (oversight): reads, never acts.
    const districtHead = org.seats.head.session;
    const seen = (
      await call(ctx.app, districtHead, 'GET', `/api/v1/plans/${plan.id}`, undefined, 200)
    ).json();
    expect(seen.allowedActions).toEqual([]);
    await call(ctx.app, districtHead, 'GET', `/api/v1/committees/${ward.id}/plans`, undefined, 200);
    await call(
      ctx.app,
      districtHead,
      'GET',
      `/api/v1/committees/${ward.id}/plans/review?year=${nextYear()}&planId=${plan.id}`,
      undefined,
      200,
    );
    expectProblem(await approve(plan.id, districtHead), 403, 'permission.denied');
    expectProblem(
      await call(ctx.app, districtHead, 'POST', `/api/v1/committees/${ward.id}/plans`, {
        year: nextYear() + 1,
      }),
      403,
      'permission.denied',
    );
    // A plan of another committee does not answer for this one's review.
    expectProblem(
      await call(
        ctx.app,
        districtHead,
        'GET',
        `${org.url}/plans/review?year=${nextYear()}&planId=${plan.id}`,
      ),
      404,
      'plan.notFound',
    );
    // The ward's people do not see the district's plans.
    expectProblem(await call(ctx.app, session, 'GET', `${org.url}/plans`), 404, 'committee.notFound');
  });
});

describe('outsiders', () => {
  it('get 404 for a plan and every action on it', async () => {
    const plan = await newPlan(nextYear() + 5);
    const s = org.outsider.session;
    expectProblem(await call(ctx.app, s, 'GET', `/api/v1/plans/${plan.id}`), 404, 'plan.notFound');
    expectProblem(await put(plan.id, [item()], s), 404, 'plan.notFound');
    expectProblem(await call(ctx.app, s, 'POST', `/api/v1/plans/${plan.id}/cancel`), 404, 'plan.notFound');
    expectProblem(await call(ctx.app, s, 'POST', `/api/v1/plans/${plan.id}/document`), 404, 'plan.notFound');
    expectProblem(await call(ctx.app, s, 'GET', `${org.url}/plans`), 404, 'committee.notFound');
    expectProblem(
      await call(
        ctx.app,
        org.seats.secretary.session,
        'GET',
        '/api/v1/plans/0190f0f0-0000-7000-8000-000000000000',
      ),
      404,
      'plan.notFound',
    );
  });
});
