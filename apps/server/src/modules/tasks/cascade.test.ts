import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser, login, type Session } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import { act, newTask, plusDays, type TaskOrg, taskOrg, today } from './tasks.fixtures.ts';

let ctx: TestContext;
let org: TaskOrg;
interface Child {
  committeeId: string;
  unitId: string;
  secretary: Session;
  lead: Session;
}
const children: Child[] = [];

/** A commune committee under the test district's committee, with a secretary and one member from its People's Committee. */
async function childCommittee(label: string): Promise<Child> {
  const admin = org.admin.session;
  const unit = (
    await call(
      ctx.app,
      admin,
      'POST',
      '/api/v1/units',
      { level: 'commune', name: `Phường ${label}`, parentId: org.unit.id, isSample: true },
      201,
    )
  ).json();
  const committee = (
    await call(
      ctx.app,
      admin,
      'POST',
      '/api/v1/committees',
      { name: `Ban Chỉ đạo phường ${label}`, unitId: unit.id, parentId: org.committee.id },
      201,
    )
  ).json();
  const seat = async (role: string, fullName: string) => {
    const user = await createUser(ctx.db, { unitId: unit.id, fullName });
    await call(
      ctx.app,
      admin,
      'POST',
      `/api/v1/committees/${committee.id}/members`,
      { userId: user.id, role, startDate: '2024-01-01', unitId: unit.id },
      201,
    );
    return login(ctx.app, user.username);
  };
  return {
    committeeId: committee.id,
    unitId: unit.id,
    secretary: await seat('secretary', `Công chức Văn phòng ${label}`),
    lead: await seat('deputyHead', `Phó Chủ tịch UBND phường ${label}`),
  };
}

beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await taskOrg(ctx.app, ctx.db, 'cap-tren');
  children.push(await childCommittee('Một'), await childCommittee('Hai'));
});
afterAll(() => ctx.close());

describe('directives handed down the committee tree', () => {
  let directive: { id: string };

  it("gives each child committee its own copy, led by its People's Committee (R1), once", async () => {
    directive = await newTask(ctx.app, org, {
      title: 'Triển khai dịch vụ công trực tuyến toàn trình',
      leadUnitId: org.police.id,
      deadline: plusDays(today(), 45),
      domain: 'CDS',
    });
    const res = await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/tasks/${directive.id}/cascade`,
      {},
      200,
    );
    expect(res.json().created).toBe(2);
    const rows = res.json().rollup.rows as { committeeId: string; taskId: string; derivedStatus: string }[];
    expect(rows.map((r) => r.committeeId).sort()).toEqual(children.map((c) => c.committeeId).sort());
    expect(res.json().rollup.summary).toMatchObject({ onTime: 2, doneOnTime: 0 });

    const copy = (
      await call(
        ctx.app,
        children[0]!.secretary,
        'GET',
        `/api/v1/tasks/${rows.find((r) => r.committeeId === children[0]!.committeeId)!.taskId}`,
        undefined,
        200,
      )
    ).json();
    expect(copy).toMatchObject({
      title: 'Triển khai dịch vụ công trực tuyến toàn trình',
      sourceKind: 'directive',
      parentTaskId: directive.id,
      deadline: plusDays(today(), 45),
      leadUnit: { id: children[0]!.unitId },
      leadMember: null,
    });

    const again = await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/tasks/${directive.id}/cascade`,
      {},
      200,
    );
    expect(again.json().created).toBe(0);
    const { rows: count } = await ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from tasks where parent_task_id = ${directive.id}`,
    );
    expect(count[0]!.n).toBe(2);
  });

  it("rolls the children's progress up to the parent's view and its counters", async () => {
    const rollup = (
      await call(
        ctx.app,
        org.seats.head.session,
        'GET',
        `/api/v1/tasks/${directive.id}/rollup`,
        undefined,
        200,
      )
    ).json();
    const mine = rollup.rows.find((r: { committeeId: string }) => r.committeeId === children[0]!.committeeId);
    await act(ctx.app, children[0]!.lead, mine.taskId, 'submit-done', { note: 'Đã triển khai 100% thủ tục' });
    await act(ctx.app, children[0]!.secretary, mine.taskId, 'approve-done');

    const after = (
      await call(
        ctx.app,
        org.seats.head.session,
        'GET',
        `/api/v1/tasks/${directive.id}/rollup`,
        undefined,
        200,
      )
    ).json();
    expect(after.summary).toMatchObject({ onTime: 1, doneOnTime: 1 });
    expect(
      after.rows.find((r: { committeeId: string }) => r.committeeId === children[0]!.committeeId),
    ).toMatchObject({
      status: 'done',
      derivedStatus: 'doneOnTime',
    });

    const counters = (
      await call(ctx.app, org.seats.head.session, 'GET', `${org.url}/tasks/counters`, undefined, 200)
    ).json();
    const { rows } = await ctx.db.execute<{ status: string; n: number }>(
      sql`select t.status, count(*)::int as n from tasks t join committees c on c.id = t.committee_id
          where c.path like (select path from committees where id = ${org.committee.id}) || '%' group by t.status`,
    );
    for (const r of rows) expect(counters.byStatus[r.status]).toBe(r.n);
    expect(counters.byStatus.done).toBe(1);
    expect(counters.total).toBe(rows.reduce((s, r) => s + r.n, 0));
    // A child's counters hold only its own tasks.
    const child = (
      await call(
        ctx.app,
        children[1]!.secretary,
        'GET',
        `/api/v1/committees/${children[1]!.committeeId}/tasks/counters`,
        undefined,
        200,
      )
    ).json();
    expect(child.total).toBe(1);
  });

  it('counts overdue tasks of the whole subtree', async () => {
    const late = await newTask(ctx.app, org, { title: 'Báo cáo quá hạn', deadline: plusDays(today(), 5) });
    await ctx.db.execute(
      sql`update tasks set deadline = ${plusDays(today(), -3)}, original_deadline = ${plusDays(today(), -3)}, source_date = ${plusDays(today(), -20)} where id = ${late.id}`,
    );
    const counters = (
      await call(ctx.app, org.seats.head.session, 'GET', `${org.url}/tasks/counters`, undefined, 200)
    ).json();
    expect(counters.overdue).toBe(1);
  });

  it('refuses members, committees that are not direct children, and hides the parent from the children', async () => {
    const task = await newTask(ctx.app, org, { title: 'Chỉ thị mới', deadline: plusDays(today(), 30) });
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `/api/v1/tasks/${task.id}/cascade`, {}),
      403,
      'permission.denied',
    );
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/tasks/${task.id}/cascade`, {
        committeeIds: [org.committee.id],
      }),
      422,
      'task.notChildCommittee',
    );
    expectProblem(
      await call(ctx.app, children[0]!.secretary, 'GET', `/api/v1/tasks/${directive.id}/rollup`),
      404,
      'task.notFound',
    );
    expectProblem(
      await call(ctx.app, org.outsider.session, 'GET', `${org.url}/tasks/counters`),
      404,
      'committee.notFound',
    );
    const { rows } = await ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from tasks where parent_task_id = ${task.id}`,
    );
    expect(rows[0]!.n).toBe(0);
  });
});
