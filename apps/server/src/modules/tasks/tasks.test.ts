import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { multipartFile } from '../../../test/factories.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import {
  act,
  addSeat,
  calendar,
  newTask,
  plusDays,
  type TaskDto,
  type TaskOrg,
  taskOrg,
  today,
} from './tasks.fixtures.ts';

let ctx: TestContext;
let org: TaskOrg;
beforeAll(async () => {
  // A 1 MiB upload limit, so "evidence too large" is quick to show.
  ctx = await createTestContext({ seed: true, env: { FILE_MAX_MB: '1' } });
  org = await taskOrg(ctx.app, ctx.db, 'nhiem-vu');
});
afterAll(() => ctx.close());

const countTasks = async (title: string) =>
  (await ctx.db.execute(sql`select count(*)::int as n from tasks where title = ${title}`)).rows[0]!.n;
const pdf = (size = 200) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size, 0x20), Buffer.from('\n%%EOF\n')]);

async function upload(session = org.seats.member.session, data = pdf(), url = org.url) {
  const file = multipartFile('file', 'bien-ban.pdf', data, 'application/pdf');
  return ctx.app.inject({
    method: 'POST',
    url: `${url}/files`,
    headers: { ...session.headers, 'content-type': file.contentType },
    payload: file.payload,
  });
}

describe('creating a task: R1 lead and bad input', () => {
  it('requires exactly one lead, a unit or a member of the committee, never the committee itself (R1)', async () => {
    const s = org.seats.secretary.session;
    const base = { title: 'Nhiệm vụ lỗi R1', deadline: plusDays(today(), 10) };
    const neither = expectProblem(
      await call(ctx.app, s, 'POST', `${org.url}/tasks`, base),
      400,
      'request.validation',
    );
    expect(neither.errors?.[0]?.message).toContain('không giao cho cả Ban Chỉ đạo');
    const both = expectProblem(
      await call(ctx.app, s, 'POST', `${org.url}/tasks`, {
        ...base,
        leadUnitId: org.police.id,
        leadMembershipId: org.seats.member.membershipId,
      }),
      400,
      'request.validation',
    );
    expect(both.errors?.[0]?.message).toContain('không giao cho cả Ban Chỉ đạo');
    expectProblem(
      await call(ctx.app, s, 'POST', `${org.url}/tasks`, {
        ...base,
        leadUnitId: '0190f0f0-0000-7000-8000-000000000000',
      }),
      404,
      'unit.notFound',
    );
    // A seat of another committee, and a guest seat, cannot lead.
    const other = await committeeWithRoles(ctx.app, ctx.db, 'khac-r1');
    for (const seat of [other.seats.member.membershipId, org.seats.guest.membershipId]) {
      expectProblem(
        await call(ctx.app, s, 'POST', `${org.url}/tasks`, { ...base, leadMembershipId: seat }),
        404,
        'membership.notFound',
      );
    }
    expectProblem(
      await call(ctx.app, s, 'POST', `${org.url}/tasks`, {
        ...base,
        leadUnitId: org.police.id,
        cooperatingUnitIds: ['0190f0f0-0000-7000-8000-000000000001'],
      }),
      404,
      'unit.notFound',
    );
    expect(await countTasks(base.title)).toBe(0);

    // The database refuses a lead-less task even if a bug let one through.
    await expect(
      ctx.db.execute(sql`insert into tasks (id, committee_id, title, source_kind, source_date, deadline, original_deadline)
        values (gen_random_uuid(), ${org.committee.id}, ${base.title}, 'adHoc', current_date, current_date, current_date)`),
    ).rejects.toMatchObject({ cause: { constraint: 'tasks_one_lead_check' } });
  });

  it('refuses a deadline before the source date, an unknown domain and a foreign directive; nothing is written', async () => {
    const s = org.seats.secretary.session;
    const title = 'Nhiệm vụ hạn sai';
    expectProblem(
      await call(ctx.app, s, 'POST', `${org.url}/tasks`, {
        title,
        leadMembershipId: org.seats.member.membershipId,
        sourceDate: '2026-03-10',
        deadline: '2026-03-09',
      }),
      422,
      'task.deadlineBeforeSource',
    );
    expectProblem(
      await call(ctx.app, s, 'POST', `${org.url}/tasks`, {
        title,
        leadMembershipId: org.seats.member.membershipId,
        deadline: '2026-03-09',
        deadlineWorkingDays: 5,
      }),
      400,
      'request.validation',
    );
    expectProblem(
      await call(ctx.app, s, 'POST', `${org.url}/tasks`, {
        title,
        domain: 'XYZ',
        leadMembershipId: org.seats.member.membershipId,
        deadline: plusDays(today(), 3),
      }),
      422,
      'committee.unknownDomain',
    );
    expectProblem(
      await call(ctx.app, s, 'POST', `${org.url}/tasks`, {
        title,
        sourceKind: 'directive',
        documentId: '0190f0f0-0000-7000-8000-000000000002',
        leadMembershipId: org.seats.member.membershipId,
        deadline: plusDays(today(), 3),
      }),
      422,
      'task.invalidReference',
    );
    expect(await countTasks(title)).toBe(0);
  });

  it('counts "N working days" with the calendar, skipping the Tết 2026 holiday', async () => {
    const t = await newTask(ctx.app, org, {
      title: 'Báo cáo sau Tết',
      sourceDate: '2026-02-13',
      deadlineWorkingDays: 1,
    });
    expect(t.deadline).toBe(calendar.addWorkingDays('2026-02-13', 1));
    // Friday 13/02/2026 + 1 working day lands after the whole Tết break, not on Monday 16/02.
    expect(t.deadline > '2026-02-20').toBe(true);
    expect(t.originalDeadline).toBe(t.deadline);
    expect(t.events.map((e) => e.kind)).toEqual(['created']);
  });

  it('is for the head, the deputy and the standing agency; members get 403 and outsiders 404', async () => {
    for (const role of ['head', 'deputyHead', 'secretary'] as const) {
      const t = await newTask(ctx.app, org, { title: `Giao bởi ${role}` }, org.seats[role].session);
      expect(t.status).toBe('new');
    }
    for (const role of ['member', 'residentialGroupHead'] as const) {
      expectProblem(
        await call(ctx.app, org.seats[role].session, 'POST', `${org.url}/tasks`, {
          title: 'Tự giao',
          leadMembershipId: org.seats.member.membershipId,
          deadline: plusDays(today(), 5),
        }),
        403,
        'permission.denied',
      );
    }
    for (const session of [org.outsider.session, org.seats.guest.session]) {
      expectProblem(
        await call(ctx.app, session, 'POST', `${org.url}/tasks`, {
          title: 'Người ngoài giao',
          leadMembershipId: org.seats.member.membershipId,
          deadline: plusDays(today(), 5),
        }),
        404,
        'committee.notFound',
      );
    }
    expect(await countTasks('Tự giao')).toBe(0);
    // The lead member is notified of the new task.
    const n = await ctx.db.execute(
      sql`select count(*)::int as n from notifications where user_id = ${org.seats.member.userId} and kind = 'task.assigned'`,
    );
    expect(n.rows[0]!.n).toBeGreaterThanOrEqual(3);
  });
});

describe('the state machine', () => {
  it('runs new → inProgress → submittedDone → returned → submittedDone → done, with who/when/why', async () => {
    const t = await newTask(ctx.app, org, { title: 'Vòng đời đầy đủ' });
    const member = org.seats.member.session;
    // The secretary who assigned it may cancel it, or correct and reassign it.
    expect(t.allowedActions).toEqual(['cancel', 'edit']);
    const mine = (
      await call(ctx.app, member, 'GET', `/api/v1/tasks/${t.id}`, undefined, 200)
    ).json() as TaskDto;
    expect(mine.allowedActions.sort()).toEqual(['reportProgress', 'requestExtension', 'start', 'submitDone']);

    await act(ctx.app, member, t.id, 'start');
    const submitted = await act(ctx.app, member, t.id, 'submit-done', { note: 'Đã gửi báo cáo' });
    expect(submitted.status).toBe('submittedDone');
    expect(submitted.completedOn).toBe(today());
    const returned = await act(ctx.app, org.seats.secretary.session, t.id, 'return', {
      reason: 'Thiếu số liệu quý III',
    });
    expect(returned).toMatchObject({ status: 'returned', completedOn: null });
    await act(ctx.app, member, t.id, 'submit-done', {});
    const done = await act(ctx.app, org.seats.deputyHead.session, t.id, 'approve-done', {
      note: 'Đạt yêu cầu',
    });
    expect(done).toMatchObject({ status: 'done', derivedStatus: 'doneOnTime', progress: 100 });
    expect(done.doneAt).toBeTruthy();
    expect(done.events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'new'],
      ['started', 'new', 'inProgress'],
      ['submittedDone', 'inProgress', 'submittedDone'],
      ['returned', 'submittedDone', 'returned'],
      ['submittedDone', 'returned', 'submittedDone'],
      ['approvedDone', 'submittedDone', 'done'],
    ]);
    expect(done.events[3]).toMatchObject({
      reason: 'Thiếu số liệu quý III',
      actorName: expect.stringContaining('secretary'),
    });
    expect(done.allowedActions).toEqual([]);
    // Done is final: nothing moves it any more (409, the state forbids it, for someone who may act).
    const refused = expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', `/api/v1/tasks/${t.id}/cancel`, { reason: 'x' }),
      409,
      'task.invalidTransition',
    );
    // People read the status as the screens name it, not the code.
    expect(refused.detail).toBe('Nhiệm vụ đang ở trạng thái “Hoàn thành”.');
    expectProblem(
      await call(ctx.app, member, 'POST', `/api/v1/tasks/${t.id}/start`),
      409,
      'task.invalidTransition',
    );
    const audit = await ctx.db.execute(
      sql`select count(*)::int as n from audit_log where entity_id = ${t.id} and action like 'task.%'`,
    );
    expect(audit.rows[0]!.n).toBe(6);
  });

  /** Brings a fresh task (lead: the member, assigned by the secretary) into `status`. */
  async function taskIn(status: string): Promise<string> {
    const t = await newTask(ctx.app, org, { title: `Ma trận ${status}` });
    const member = org.seats.member.session;
    if (status === 'inProgress') await act(ctx.app, member, t.id, 'start');
    if (status === 'submittedDone') await act(ctx.app, member, t.id, 'submit-done', {});
    if (status === 'returned') {
      await act(ctx.app, member, t.id, 'submit-done', {});
      await act(ctx.app, org.seats.head.session, t.id, 'return', { reason: 'Chưa đạt' });
    }
    if (status === 'extensionRequested')
      await act(ctx.app, member, t.id, 'extension-request', {
        reason: 'Chờ số liệu',
        proposedDeadline: plusDays(today(), 60),
      });
    if (status === 'done') {
      await act(ctx.app, member, t.id, 'submit-done', {});
      await act(ctx.app, org.seats.head.session, t.id, 'approve-done', {});
    }
    if (status === 'cancelled')
      await act(ctx.app, org.seats.head.session, t.id, 'cancel', { reason: 'Không còn cần thiết' });
    return t.id;
  }

  const ROLES = ['head', 'deputyHead', 'secretary', 'member', 'residentialGroupHead'] as const;
  const MATRIX = [
    { path: 'start', from: 'new', to: 'inProgress', body: undefined, allowed: ['member'] },
    { path: 'start', from: 'returned', to: 'inProgress', body: undefined, allowed: ['member'] },
    { path: 'submit-done', from: 'inProgress', to: 'submittedDone', body: {}, allowed: ['member'] },
    {
      path: 'approve-done',
      from: 'submittedDone',
      to: 'done',
      body: {},
      allowed: ['head', 'deputyHead', 'secretary'],
    },
    {
      path: 'return',
      from: 'submittedDone',
      to: 'returned',
      body: { reason: 'Bổ sung' },
      allowed: ['head', 'deputyHead', 'secretary'],
    },
    {
      path: 'extension-request',
      from: 'inProgress',
      to: 'extensionRequested',
      body: { reason: 'Chờ văn bản của quận', proposedDeadline: plusDays(today(), 90) },
      allowed: ['member'],
    },
    // The assigner (the secretary here) or the head decides; the deputy only with a delegation (below).
    {
      path: 'extension-decision',
      from: 'extensionRequested',
      to: 'new',
      body: { decision: 'reject' },
      allowed: ['head', 'secretary'],
    },
    {
      path: 'cancel',
      from: 'inProgress',
      to: 'cancelled',
      body: { reason: 'Trùng nhiệm vụ khác' },
      allowed: ['head', 'deputyHead', 'secretary'],
    },
  ] as const;

  for (const rule of MATRIX) {
    it(`${rule.path} from ${rule.from}: allowed to ${rule.allowed.join(', ')}, refused to the others`, async () => {
      for (const role of ROLES) {
        const id = await taskIn(rule.from);
        const res = await call(
          ctx.app,
          org.seats[role].session,
          'POST',
          `/api/v1/tasks/${id}/${rule.path}`,
          rule.body,
        );
        if ((rule.allowed as readonly string[]).includes(role)) {
          expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
          // A rejected extension returns to the status before the request.
          const expected = rule.path === 'extension-decision' ? 'new' : rule.to;
          expect(res.json().status).toBe(expected);
        } else {
          expectProblem(res, 403, 'permission.denied');
          const [row] = (await ctx.db.execute(sql`select status from tasks where id = ${id}`)).rows;
          expect(row!.status).toBe(rule.from);
        }
      }
      // Outsiders do not learn the task exists.
      const id = await taskIn(rule.from);
      expectProblem(
        await call(ctx.app, org.outsider.session, 'POST', `/api/v1/tasks/${id}/${rule.path}`, rule.body),
        404,
        'task.notFound',
      );
    });
  }

  const INVALID = [
    {
      path: 'start',
      from: ['inProgress', 'submittedDone', 'done', 'cancelled', 'extensionRequested'],
      who: 'member',
    },
    {
      path: 'submit-done',
      from: ['submittedDone', 'done', 'cancelled', 'extensionRequested'],
      who: 'member',
      body: {},
    },
    {
      path: 'approve-done',
      from: ['new', 'inProgress', 'returned', 'done', 'cancelled'],
      who: 'head',
      body: {},
    },
    { path: 'return', from: ['new', 'inProgress', 'done'], who: 'secretary', body: { reason: 'x' } },
    {
      path: 'extension-request',
      from: ['submittedDone', 'done', 'cancelled', 'extensionRequested'],
      who: 'member',
      body: { reason: 'x', proposedDeadline: plusDays(today(), 90) },
    },
    {
      path: 'extension-decision',
      from: ['new', 'inProgress', 'done'],
      who: 'head',
      body: { decision: 'approve' },
    },
    { path: 'cancel', from: ['done', 'cancelled'], who: 'deputyHead', body: { reason: 'x' } },
  ] as const;
  for (const rule of INVALID) {
    it(`${rule.path} is a 409 from ${rule.from.join(', ')}, and changes nothing`, async () => {
      for (const from of rule.from) {
        const id = await taskIn(from);
        const before = (await ctx.db.execute(sql`select status, deadline from tasks where id = ${id}`))
          .rows[0];
        expectProblem(
          await call(
            ctx.app,
            org.seats[rule.who].session,
            'POST',
            `/api/v1/tasks/${id}/${rule.path}`,
            'body' in rule ? rule.body : undefined,
          ),
          409,
          'task.invalidTransition',
        );
        expect(
          (await ctx.db.execute(sql`select status, deadline from tasks where id = ${id}`)).rows[0],
        ).toEqual(before);
      }
    });
  }

  it('asks a reason for returning and cancelling', async () => {
    const id = await taskIn('submittedDone');
    expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', `/api/v1/tasks/${id}/return`, {}),
      400,
      'request.validation',
    );
    expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', `/api/v1/tasks/${id}/cancel`, { reason: ' ' }),
      400,
      'request.validation',
    );
  });
});

describe('extensions', () => {
  it('approval moves the deadline and keeps the original; rejection keeps both; history has old and new dates', async () => {
    const t = await newTask(ctx.app, org, { title: 'Gia hạn', deadline: plusDays(today(), 10) });
    const member = org.seats.member.session;
    await act(ctx.app, member, t.id, 'start');
    expectProblem(
      await call(ctx.app, member, 'POST', `/api/v1/tasks/${t.id}/extension-request`, {
        reason: 'Sớm hơn',
        proposedDeadline: plusDays(today(), 5),
      }),
      422,
      'task.extensionNotLater',
    );
    const asked = await act(ctx.app, member, t.id, 'extension-request', {
      reason: 'Chờ dữ liệu từ Công an quận',
      proposedDeadline: plusDays(today(), 40),
    });
    expect(asked).toMatchObject({
      status: 'extensionRequested',
      extensionProposedDeadline: plusDays(today(), 40),
    });
    const heads = await ctx.db.execute(
      sql`select count(*)::int as n from notifications where user_id = ${org.seats.head.userId} and kind = 'task.extensionRequested' and link = ${`/nhiem-vu/${t.id}`}`,
    );
    expect(heads.rows[0]!.n).toBe(1);

    const approved = await act(ctx.app, org.seats.head.session, t.id, 'extension-decision', {
      decision: 'approve',
      note: 'Đồng ý',
    });
    expect(approved).toMatchObject({
      status: 'inProgress',
      deadline: plusDays(today(), 40),
      originalDeadline: plusDays(today(), 10),
      extensionProposedDeadline: null,
    });
    expect(approved.events.at(-1)).toMatchObject({
      kind: 'extensionApproved',
      fromStatus: 'extensionRequested',
      toStatus: 'inProgress',
      oldDeadline: plusDays(today(), 10),
      newDeadline: plusDays(today(), 40),
    });

    await act(ctx.app, member, t.id, 'extension-request', {
      reason: 'Thêm lần nữa',
      proposedDeadline: plusDays(today(), 80),
    });
    const rejected = await act(ctx.app, org.seats.head.session, t.id, 'extension-decision', {
      decision: 'reject',
    });
    expect(rejected).toMatchObject({
      status: 'inProgress',
      deadline: plusDays(today(), 40),
      originalDeadline: plusDays(today(), 10),
    });
    expect(rejected.events.map((e) => e.kind).slice(-2)).toEqual(['extensionRequested', 'extensionRejected']);
  });

  it('a deputy decides only under the head’s delegation for it, within its domains (R4)', async () => {
    const t = await newTask(
      ctx.app,
      org,
      { title: 'Gia hạn ủy quyền', domain: 'CCHC' },
      org.seats.head.session,
    );
    await act(ctx.app, org.seats.member.session, t.id, 'extension-request', {
      reason: 'Cần thêm thời gian',
      proposedDeadline: plusDays(today(), 90),
    });
    const url = `/api/v1/tasks/${t.id}/extension-decision`;
    expectProblem(
      await call(ctx.app, org.seats.deputyHead.session, 'POST', url, { decision: 'approve' }),
      403,
      'permission.denied',
    );
    // A delegation for another domain does not reach this task.
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${org.url}/delegations`,
      {
        toMembershipId: org.seats.deputyHead.membershipId,
        scopes: ['decideTaskExtensions'],
        domains: ['DA06'],
        validFrom: plusDays(today(), -1),
        validTo: plusDays(today(), 30),
        document: { number: '01/QĐ-BCĐ', date: plusDays(today(), -1) },
      },
      201,
    );
    expectProblem(
      await call(ctx.app, org.seats.deputyHead.session, 'POST', url, { decision: 'approve' }),
      403,
      'permission.denied',
    );
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${org.url}/delegations`,
      {
        toMembershipId: org.seats.deputyHead.membershipId,
        scopes: ['decideTaskExtensions'],
        domains: ['CCHC'],
        validFrom: plusDays(today(), -1),
        validTo: plusDays(today(), 30),
        document: { number: '02/QĐ-BCĐ', date: plusDays(today(), -1) },
      },
      201,
    );
    const decided = await act(ctx.app, org.seats.deputyHead.session, t.id, 'extension-decision', {
      decision: 'approve',
    });
    expect(decided).toMatchObject({ status: 'new', deadline: plusDays(today(), 90) });
  });
});

describe('lead units, co-operators, progress and evidence', () => {
  it('lets the lead unit’s member act; a co-operating unit reports its part but does not submit', async () => {
    const coopUnitSeat = await addSeat(ctx.app, ctx.db, org, 'member', 'Phó Trưởng Công an', org.police.id);
    const t = await newTask(ctx.app, org, {
      title: 'Làm sạch dữ liệu dân cư',
      leadUnitId: org.police.id,
      cooperatingMembershipIds: [org.seats.residentialGroupHead.membershipId],
    });
    // Two seats of the lead unit: no single responsible member is guessed; both may act for the unit.
    expect(t.responsible).toBeNull();
    expect(t.leadUnit).toEqual({ id: org.police.id, name: org.police.name });
    await act(ctx.app, org.officer.session, t.id, 'start');
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `/api/v1/tasks/${t.id}/submit-done`, {}),
      403,
      'permission.denied',
    );

    const rgh = org.seats.residentialGroupHead.session;
    const part = await act(ctx.app, rgh, t.id, 'progress', {
      percent: 40,
      text: 'Tổ dân phố số 3 đã rà soát 120 hộ',
    });
    expect(part.progressReports).toHaveLength(1);
    expect(part.progress).toBe(0); // only the lead's report sets the task's percentage
    expectProblem(
      await call(ctx.app, rgh, 'POST', `/api/v1/tasks/${t.id}/submit-done`, {}),
      403,
      'permission.denied',
    );

    const lead = await act(ctx.app, coopUnitSeat.session, t.id, 'progress', {
      percent: 60,
      text: 'Đã làm sạch 60% dữ liệu',
    });
    expect(lead.progress).toBe(60);
    expect(lead.progressReports[1]).toMatchObject({ percent: 60, unitName: org.police.name });
    // Not involved: a member of neither the lead nor a co-operating unit.
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `/api/v1/tasks/${t.id}/progress`, {
        percent: 10,
        text: 'x',
      }),
      403,
      'permission.denied',
    );
  });

  it('attaches evidence uploaded through the files module; foreign or too large files are refused and nothing is written', async () => {
    const t = await newTask(ctx.app, org, { title: 'Báo cáo có minh chứng' });
    const member = org.seats.member.session;
    const uploaded = await upload();
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fileId = uploaded.json().id;

    const other = await committeeWithRoles(ctx.app, ctx.db, 'khac-tep');
    const foreign = await upload(other.seats.member.session, pdf(), other.url);
    expect(foreign.statusCode).toBe(201);
    expectProblem(
      await call(ctx.app, member, 'POST', `/api/v1/tasks/${t.id}/progress`, {
        percent: 30,
        text: 'Có tệp lạ',
        fileIds: [foreign.json().id],
      }),
      422,
      'task.invalidReference',
    );
    // The limit is the deployment's FILE_MAX_MB (1 MiB in this test).
    expectProblem(await upload(member, pdf(1_200_000)), 413, 'file.tooLarge');
    let rows = await ctx.db.execute(
      sql`select count(*)::int as n from task_progress where task_id = ${t.id}`,
    );
    expect(rows.rows[0]!.n).toBe(0);

    const withFile = await act(ctx.app, member, t.id, 'progress', {
      percent: 50,
      text: 'Đã hoàn thành một nửa',
      fileIds: [fileId],
    });
    expect(withFile.status).toBe('inProgress'); // a first report by the lead starts the task
    expect(withFile.progressReports[0]).toMatchObject({
      percent: 50,
      files: [{ id: fileId, name: 'bien-ban.pdf' }],
    });
    expect(withFile.events.map((e) => e.kind)).toEqual(['created', 'started']);
    rows = await ctx.db.execute(sql`select count(*)::int as n from task_progress where task_id = ${t.id}`);
    expect(rows.rows[0]!.n).toBe(1);
    expectProblem(
      await call(ctx.app, member, 'POST', `/api/v1/tasks/${t.id}/progress`, { percent: 101, text: 'Quá' }),
      400,
      'request.validation',
    );
  });
});

describe('correcting and reassigning a task', () => {
  it('reassigns the lead (R1), replaces the co-operators, keeps the deadline, and records why', async () => {
    const t = await newTask(ctx.app, org, { title: 'Giao nhầm người', cooperatingUnitIds: [org.police.id] });
    const res = await call(ctx.app, org.seats.secretary.session, 'PATCH', `/api/v1/tasks/${t.id}`, {
      title: 'Cập nhật danh mục thủ tục',
      leadUnitId: org.police.id,
      leadMembershipId: null,
      responsibleMembershipId: org.officer.membershipId,
      cooperatingUnitIds: [],
      cooperatingMembershipIds: [org.seats.member.membershipId],
      reason: 'Giao lại cho Công an theo ý kiến Trưởng Ban',
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json() as TaskDto;
    expect(edited).toMatchObject({
      title: 'Cập nhật danh mục thủ tục',
      leadUnit: { id: org.police.id },
      leadMember: null,
      responsible: { membershipId: org.officer.membershipId },
      cooperators: [{ unitId: null, membershipId: org.seats.member.membershipId }],
      deadline: t.deadline,
      originalDeadline: t.originalDeadline,
      status: 'new',
    });
    expect(edited.events.at(-1)).toMatchObject({
      kind: 'edited',
      reason: 'Giao lại cho Công an theo ý kiến Trưởng Ban',
      actorName: expect.stringContaining('secretary'),
    });
    // The newly assigned officer is told; the officer may now start it.
    const n = await ctx.db.execute(
      sql`select count(*)::int as n from notifications where user_id = ${org.officer.userId} and title like 'Nhiệm vụ được giao lại:%'`,
    );
    expect(n.rows[0]!.n).toBe(1);
    // Saving the same values again records nothing.
    const again = (
      await call(ctx.app, org.seats.secretary.session, 'PATCH', `/api/v1/tasks/${t.id}`, {
        title: 'Cập nhật danh mục thủ tục',
        leadUnitId: org.police.id,
        leadMembershipId: null,
        responsibleMembershipId: org.officer.membershipId,
        reason: 'Lưu lại',
      })
    ).json() as TaskDto;
    expect(again.events).toHaveLength(edited.events.length);
    await act(ctx.app, org.officer.session, t.id, 'start');
  });

  it('refuses the assignee (403), a lead that is neither or both (R1), an unknown unit, a closed task (409)', async () => {
    const t = await newTask(ctx.app, org, { title: 'Không sửa được' });
    const url = `/api/v1/tasks/${t.id}`;
    const reason = 'Điều chỉnh';
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'PATCH', url, { title: 'Tự sửa', reason }),
      403,
      'permission.denied',
    );
    const s = org.seats.secretary.session;
    const r1 = expectProblem(
      await call(ctx.app, s, 'PATCH', url, { leadUnitId: null, leadMembershipId: null, reason }),
      400,
      'request.validation',
    );
    expect(r1.errors?.[0]?.message).toContain('không giao cho cả Ban Chỉ đạo');
    expectProblem(await call(ctx.app, s, 'PATCH', url, { title: 'Thiếu lý do' }), 400, 'request.validation');
    expectProblem(
      await call(ctx.app, s, 'PATCH', url, {
        title: 'Đơn vị lạ',
        leadUnitId: '00000000-0000-4000-8000-000000000000',
        leadMembershipId: null,
        reason,
      }),
      404,
      'unit.notFound',
    );
    // Nothing was written by the refused requests.
    const unchanged = (await call(ctx.app, s, 'GET', url, undefined, 200)).json() as TaskDto;
    expect(unchanged).toMatchObject({
      title: 'Không sửa được',
      leadMember: { membershipId: org.seats.member.membershipId },
    });
    expect(unchanged.events.map((e) => e.kind)).toEqual(['created']);
    await act(ctx.app, s, t.id, 'cancel', { reason: 'Không còn cần thiết' });
    expectProblem(
      await call(ctx.app, s, 'PATCH', url, { title: 'Sau khi hủy', reason }),
      409,
      'task.invalidTransition',
    );
  });
});

describe('comments with @mentions', () => {
  it('notifies the members mentioned and refuses people outside the committee', async () => {
    const t = await newTask(ctx.app, org, { title: 'Trao đổi' });
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `/api/v1/tasks/${t.id}/comments`, {
        text: '@người ngoài xem giúp',
        mentions: [org.outsider.id],
      }),
      422,
      'task.mentionNotMember',
    );
    const after = (
      await call(
        ctx.app,
        org.seats.member.session,
        'POST',
        `/api/v1/tasks/${t.id}/comments`,
        {
          text: '@Huân nhờ anh cung cấp số liệu',
          mentions: [org.seats.secretary.userId],
        },
        200,
      )
    ).json();
    expect(after.comments).toHaveLength(1);
    expect(after.comments[0]).toMatchObject({ mentions: [{ userId: org.seats.secretary.userId }] });
    const n = await ctx.db.execute(
      sql`select title, link from notifications where user_id = ${org.seats.secretary.userId} and kind = 'task.mentioned'`,
    );
    expect(n.rows).toEqual([{ title: expect.stringContaining('Trao đổi'), link: `/nhiem-vu/${t.id}` }]);
    // Oversight from outside is not a seat: an outsider cannot comment (404).
    expectProblem(
      await call(ctx.app, org.outsider.session, 'POST', `/api/v1/tasks/${t.id}/comments`, { text: 'x' }),
      404,
      'task.notFound',
    );
  });
});

describe('who sees a task', () => {
  it('hides tasks from outsiders and members of another committee (404)', async () => {
    const t = await newTask(ctx.app, org, { title: 'Riêng của Ban' });
    const other = await committeeWithRoles(ctx.app, ctx.db, 'khac-xem');
    for (const session of [org.outsider.session, other.seats.head.session, org.seats.guest.session]) {
      expectProblem(await call(ctx.app, session, 'GET', `/api/v1/tasks/${t.id}`), 404, 'task.notFound');
      expectProblem(await call(ctx.app, session, 'GET', `${org.url}/tasks`), 404, 'committee.notFound');
      expectProblem(await call(ctx.app, session, 'GET', `${org.url}/tasks/stats`), 404, 'committee.notFound');
      expectProblem(
        await call(ctx.app, session, 'GET', `${org.url}/tasks/export.xlsx`),
        404,
        'committee.notFound',
      );
    }
    const mine = (
      await call(ctx.app, other.seats.head.session, 'GET', '/api/v1/tasks/mine', undefined, 200)
    ).json();
    expect(mine.items.map((x: { id: string }) => x.id)).not.toContain(t.id);
    // Every member of the committee sees it (collective work, R1).
    const seen = (
      await call(
        ctx.app,
        org.seats.residentialGroupHead.session,
        'GET',
        `/api/v1/tasks/${t.id}`,
        undefined,
        200,
      )
    ).json();
    expect(seen.allowedActions).toEqual([]);
    expectProblem(
      await call(
        ctx.app,
        org.seats.member.session,
        'GET',
        '/api/v1/tasks/0190f0f0-0000-7000-8000-000000000003',
      ),
      404,
      'task.notFound',
    );
  });
});
