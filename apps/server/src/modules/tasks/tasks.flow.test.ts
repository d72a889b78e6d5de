import { DEFAULT_RULE_SETTINGS } from '@steerco/contract/regulation';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser } from '../../../test/factories.ts';
import { clockAt, meetingAt, vnDateOf, workingDay } from '../../../test/meeting-times.ts';
import { call } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { DEFAULT_CONCLUSION_TASK_WORKING_DAYS } from './from-conclusions.service.ts';
import { act, addSeat, calendar, newTask, plusDays, type TaskOrg, taskOrg, today } from './tasks.fixtures.ts';

let ctx: TestContext;
let org: TaskOrg;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await taskOrg(ctx.app, ctx.db, 'theo-doi');
});
afterAll(() => ctx.close());
afterEach(() => clock.setClock(TEST_NOW));

type Item = { id: string; title: string; deadline: string; status: string; derivedStatus: string };

/**
 * A meeting of the committee two working days on, minutes and conclusions drafted before it; on the day, half an
 * hour after the start (the clock moved there), the minutes submitted to the chair.
 */
async function submittedMinutes(conclusions: unknown[]) {
  const sec = org.seats.secretary.session;
  const { startsAt, endsAt } = meetingAt(workingDay(2), '08:00');
  const m = (
    await call(
      ctx.app,
      sec,
      'POST',
      '/api/v1/meetings',
      {
        committeeId: org.committee.id,
        kind: 'quarterly',
        title: 'Họp quý III',
        startsAt,
        endsAt,
      },
      201,
    )
  ).json();
  const url = `/api/v1/meetings/${m.id}`;
  await call(ctx.app, sec, 'POST', `${url}/agenda`, { title: 'Kết quả quý III' }, 200);
  await call(
    ctx.app,
    org.seats.head.session,
    'POST',
    `${url}/notice`,
    { lateReason: 'Họp gấp theo chỉ đạo' },
    200,
  );
  await call(ctx.app, sec, 'PUT', `${url}/minutes`, { summary: 'Đánh giá quý III', notes: [] }, 200);
  await call(ctx.app, sec, 'PUT', `${url}/conclusions`, { items: conclusions }, 200);
  clockAt({ startsAt }, 30);
  await call(ctx.app, sec, 'POST', `${url}/minutes/submit`, undefined, 200);
  return { id: m.id as string, url, meetingDate: vnDateOf(startsAt) };
}

describe('tasks from approved conclusions', () => {
  it('turns every task proposal into a task linked to its conclusion when the chair approves, assigned that day (R13)', async () => {
    const deadline = plusDays(today(), 45);
    const m = await submittedMinutes([
      {
        text: 'Đẩy mạnh dịch vụ công trực tuyến toàn trình.',
        domain: 'CDS',
        tasks: [
          {
            title: 'Hướng dẫn người dân nộp hồ sơ trực tuyến',
            leadMembershipId: org.seats.member.membershipId,
            deadline,
          },
          {
            title: 'Làm sạch dữ liệu dân cư',
            leadUnitId: org.police.id,
            cooperatingUnitIds: [org.unit.id],
            deadlineWorkingDays: 5,
          },
        ],
      },
      {
        text: 'Tổ chức tuyên truyền VNeID.',
        tasks: [
          { title: 'Tuyên truyền VNeID', leadMembershipId: org.seats.residentialGroupHead.membershipId },
        ],
      },
    ]);
    const before = await call(
      ctx.app,
      org.seats.secretary.session,
      'GET',
      `${org.url}/tasks?source=conclusion`,
      undefined,
      200,
    );
    expect(before.json().total).toBe(0);

    // The chair approves the next morning: that is the tasks' assigned date ("Ngày giao").
    clock.advanceClock(24 * 3_600_000);
    const approvedOn = today();
    const approved = (
      await call(ctx.app, org.seats.head.session, 'POST', `${m.url}/minutes/approve`, undefined, 200)
    ).json();
    const list = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'GET',
        `${org.url}/tasks?source=conclusion&limit=10`,
        undefined,
        200,
      )
    ).json();
    expect(list.total).toBe(3);
    const byTitle = Object.fromEntries(list.items.map((t: Item) => [t.title, t]));
    const conclusionIds = (
      await ctx.db.execute(
        sql`select id, position from conclusions where meeting_id = ${m.id} order by position`,
      )
    ).rows.map((r) => r.id);
    expect(byTitle['Hướng dẫn người dân nộp hồ sơ trực tuyến']).toMatchObject({
      sourceKind: 'conclusion',
      conclusionId: conclusionIds[0],
      meetingId: m.id,
      sourceDate: approvedOn,
      domain: 'CDS',
      deadline,
      leadMember: { membershipId: org.seats.member.membershipId },
      responsible: { membershipId: org.seats.member.membershipId },
      status: 'new',
    });
    expect(approvedOn).not.toBe(m.meetingDate);
    // N working days from the assigned date, by the calendar; the lead unit's only member answers for it.
    expect(byTitle['Làm sạch dữ liệu dân cư']).toMatchObject({
      deadline: calendar.addWorkingDays(approvedOn, 5),
      leadUnit: { id: org.police.id },
      responsible: { membershipId: org.officer.membershipId },
      cooperators: [{ unitId: org.unit.id }],
    });
    expect(byTitle['Tuyên truyền VNeID']).toMatchObject({
      conclusionId: conclusionIds[1],
      deadline: calendar.addWorkingDays(approvedOn, DEFAULT_CONCLUSION_TASK_WORKING_DAYS),
    });
    // The history agrees: the task was created at the approval.
    const task = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'GET',
        `/api/v1/tasks/${byTitle['Tuyên truyền VNeID'].id}`,
        undefined,
        200,
      )
    ).json();
    expect(task.events[0]).toMatchObject({ kind: 'created' });
    expect(
      Math.abs(new Date(task.events[0].at).getTime() - new Date(approved.approvedAt).getTime()),
    ).toBeLessThan(5_000);
    // The members find them in "my tasks", and were notified.
    const mine = (
      await call(ctx.app, org.officer.session, 'GET', '/api/v1/tasks/mine?role=responsible', undefined, 200)
    ).json();
    expect(mine.items.map((t: Item) => t.title)).toContain('Làm sạch dữ liệu dân cư');
    const notified = await ctx.db.execute(
      sql`select count(*)::int as n from notifications where user_id = ${org.officer.userId} and kind = 'task.assigned'`,
    );
    expect(notified.rows[0]!.n).toBe(1);
  });

  it('fails the approval with a 4xx and writes nothing when a proposal’s deadline is before the assigned date', async () => {
    const m = await submittedMinutes([
      {
        text: 'Kết luận có hạn sai.',
        tasks: [
          {
            title: 'Hạn trước ngày họp',
            leadMembershipId: org.seats.member.membershipId,
            deadline: plusDays(today(), -3),
          },
        ],
      },
    ]);
    expectProblem(
      await call(ctx.app, org.seats.head.session, 'POST', `${m.url}/minutes/approve`),
      422,
      'task.deadlineBeforeSource',
    );
    const minutes = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `${m.url}/minutes`, undefined, 200)
    ).json();
    expect(minutes.status).toBe('submitted');
    const rows = await ctx.db.execute(sql`select count(*)::int as n from tasks where meeting_id = ${m.id}`);
    expect(rows.rows[0]!.n).toBe(0);
  });
});

describe('personnel change (R14)', () => {
  it('moves the outgoing member’s open tasks to the replacement, keeps closed ones, and records the hand-over', async () => {
    const leaving = await addSeat(ctx.app, ctx.db, org, 'member', 'Cán bộ chuyển công tác');
    const open = await newTask(ctx.app, org, {
      title: 'Việc đang làm',
      leadMembershipId: leaving.membershipId,
    });
    const coop = await newTask(ctx.app, org, {
      title: 'Việc phối hợp',
      cooperatingMembershipIds: [leaving.membershipId],
    });
    const closed = await newTask(ctx.app, org, {
      title: 'Việc đã xong',
      leadMembershipId: leaving.membershipId,
    });
    await act(ctx.app, leaving.session, open.id, 'start');
    await act(ctx.app, leaving.session, closed.id, 'submit-done', {});
    await act(ctx.app, org.seats.secretary.session, closed.id, 'approve-done', {});

    const successor = await createUser(ctx.db, { unitId: org.unit.id, fullName: 'Cán bộ kế nhiệm' });
    const change = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${org.url}/personnel-changes`,
        {
          membershipId: leaving.membershipId,
          replacementUserId: successor.id,
          reportDate: today(),
          reason: 'Chuyển công tác',
          effectiveDate: today(),
        },
        201,
      )
    ).json();
    const decided = (
      await call(
        ctx.app,
        org.seats.head.session,
        'POST',
        `${org.url}/personnel-changes/${change.id}/decide`,
        { decision: 'approve' },
        200,
      )
    ).json();
    expect(decided.movedItems.tasks).toBe(2);
    const newSeat = decided.newMembershipId;

    const moved = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `/api/v1/tasks/${open.id}`, undefined, 200)
    ).json();
    expect(moved).toMatchObject({
      status: 'inProgress',
      leadMember: { membershipId: newSeat },
      responsible: { membershipId: newSeat },
    });
    expect(moved.events.at(-1)).toMatchObject({
      kind: 'handedOver',
      reason: expect.stringContaining('Chuyển giao theo thay đổi nhân sự'),
    });
    const coopAfter = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `/api/v1/tasks/${coop.id}`, undefined, 200)
    ).json();
    expect(coopAfter.cooperators).toEqual([expect.objectContaining({ membershipId: newSeat })]);
    const kept = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `/api/v1/tasks/${closed.id}`, undefined, 200)
    ).json();
    expect(kept.leadMember.membershipId).toBe(leaving.membershipId);
    expect(kept.events.map((e: { kind: string }) => e.kind)).not.toContain('handedOver');
  });
});

describe('lists, filters and paging', () => {
  let lo: TaskOrg;
  beforeAll(async () => {
    lo = await taskOrg(ctx.app, ctx.db, 'danh-sach');
    const t = today();
    const specs = [
      {
        title: 'Làm sạch dữ liệu dân cư khu 1',
        domain: 'DA06',
        sourceDate: plusDays(t, -20),
        deadline: plusDays(t, -5),
      },
      { title: 'Cập nhật thủ tục một cửa', domain: 'CCHC', deadline: calendar.addWorkingDays(t, 2) },
      { title: 'Tuyên truyền chuyển đổi số', domain: 'CDS', deadline: calendar.addWorkingDays(t, 5) },
      {
        title: 'Báo cáo chỉ số PAR INDEX',
        domain: 'CCHC',
        deadline: plusDays(t, 40),
        leadUnitId: lo.police.id,
      },
      {
        title: 'Kích hoạt VNeID',
        domain: 'DA06',
        deadline: plusDays(t, 50),
        cooperatingMembershipIds: [lo.seats.residentialGroupHead.membershipId],
      },
      { title: 'Rà soát hồ sơ trực tuyến', domain: 'CDS', deadline: plusDays(t, 60) },
      {
        title: 'Tổng hợp số liệu quý',
        domain: 'CCHC',
        sourceDate: plusDays(t, -30),
        deadline: plusDays(t, -10),
      },
    ];
    for (const s of specs) await newTask(ctx.app, lo, s);
    // One finished late (reported after its deadline), one cancelled.
    const late = await newTask(ctx.app, lo, {
      title: 'Nộp báo cáo muộn',
      sourceDate: plusDays(t, -9),
      deadline: plusDays(t, -2),
    });
    await act(ctx.app, lo.seats.member.session, late.id, 'submit-done', {});
    await act(ctx.app, lo.seats.head.session, late.id, 'approve-done', {});
    const cancelled = await newTask(ctx.app, lo, { title: 'Việc bị hủy', deadline: plusDays(t, 20) });
    await act(ctx.app, lo.seats.head.session, cancelled.id, 'cancel', { reason: 'Trùng lặp' });
  });

  const list = async (query: string, session = lo.seats.member.session) =>
    (await call(ctx.app, session, 'GET', `${lo.url}/tasks?${query}`, undefined, 200)).json() as {
      items: Item[];
      total: number;
      nextCursor: string | null;
    };

  it('pages by deadline with a cursor, every task exactly once, with the total on each page', async () => {
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(9);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen.map((t) => t.id)).size).toBe(9);
    const deadlines = seen.map((t) => t.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expectProblem(
      await call(ctx.app, lo.seats.member.session, 'GET', `${lo.url}/tasks?cursor=rac`),
      400,
      'request.validation',
    );
    expectProblem(
      await call(ctx.app, lo.seats.member.session, 'GET', `${lo.url}/tasks?limit=1000`),
      400,
      'request.validation',
    );
  });

  it('filters by display status using working days, status, domain, unit, member, source, due range and words', async () => {
    const titles = async (q: string) => (await list(q)).items.map((t) => t.title).sort();
    expect(await titles('derived=overdue')).toEqual([
      'Làm sạch dữ liệu dân cư khu 1',
      'Tổng hợp số liệu quý',
    ]);
    // Due soon: at most 3 working days away (the committee's default); 5 working days is still "on time".
    expect(await titles('derived=dueSoon')).toEqual(['Cập nhật thủ tục một cửa']);
    expect(await titles('derived=onTime')).toContain('Tuyên truyền chuyển đổi số');
    expect(await titles('derived=doneLate')).toEqual(['Nộp báo cáo muộn']);
    expect(await titles('derived=cancelled')).toEqual(['Việc bị hủy']);
    expect((await list('status=open')).total).toBe(7);
    expect(await titles('status=done')).toEqual(['Nộp báo cáo muộn']);
    expect(await titles('domain=DA06')).toEqual(['Kích hoạt VNeID', 'Làm sạch dữ liệu dân cư khu 1']);
    expect(await titles(`leadUnitId=${lo.police.id}`)).toEqual(['Báo cáo chỉ số PAR INDEX']);
    expect(await titles(`membershipId=${lo.seats.residentialGroupHead.membershipId}`)).toEqual([
      'Kích hoạt VNeID',
    ]);
    expect((await list('source=adHoc')).total).toBe(9);
    expect((await list('source=conclusion')).total).toBe(0);
    expect(await titles(`dueFrom=${plusDays(today(), 39)}&dueTo=${plusDays(today(), 51)}`)).toEqual([
      'Báo cáo chỉ số PAR INDEX',
      'Kích hoạt VNeID',
    ]);
    // Words without diacritics find the title with them.
    expect(await titles('q=lam sach du lieu')).toEqual(['Làm sạch dữ liệu dân cư khu 1']);
    expect(await titles('q=50%25')).toEqual([]);
    expectProblem(
      await call(ctx.app, lo.seats.member.session, 'GET', `${lo.url}/tasks?status=xong`),
      400,
      'request.validation',
    );
    const one = (await list('q=Cap nhat thu tuc')).items[0]!;
    expect(one.derivedStatus).toBe('dueSoon');
  });

  it('shows "my tasks" as lead, co-operator and reviewer', async () => {
    const mine = async (session: typeof lo.seats.member.session, role: string) =>
      (await call(ctx.app, session, 'GET', `/api/v1/tasks/mine?role=${role}&limit=50`, undefined, 200))
        .json()
        .items.map((t: Item) => t.title);
    expect(await mine(lo.seats.member.session, 'responsible')).toHaveLength(8);
    // Paged by deadline with a cursor, like the committee list.
    const pages: Item[][] = [];
    let cursor: string | null = null;
    do {
      const res: { items: Item[]; total: number; nextCursor: string | null } = (
        await call(
          ctx.app,
          lo.seats.member.session,
          'GET',
          `/api/v1/tasks/mine?role=responsible&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          undefined,
          200,
        )
      ).json();
      expect(res.total).toBe(8);
      pages.push(res.items);
      cursor = res.nextCursor;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    const deadlines = pages.flat().map((t) => t.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(new Set(pages.flat().map((t) => t.id)).size).toBe(8);
    // A cursor at the last task: an empty page that still says how many there are.
    const lastTask = pages.flat().at(-1)!;
    const pastEnd = Buffer.from(`${lastTask.deadline}|${lastTask.id}`).toString('base64url');
    expect(
      (
        await call(
          ctx.app,
          lo.seats.member.session,
          'GET',
          `/api/v1/tasks/mine?role=responsible&limit=3&cursor=${pastEnd}`,
          undefined,
          200,
        )
      ).json(),
    ).toEqual({ items: [], total: 8, nextCursor: null });
    expect(await mine(lo.officer.session, 'responsible')).toEqual(['Báo cáo chỉ số PAR INDEX']);
    expect(await mine(lo.seats.residentialGroupHead.session, 'cooperating')).toEqual(['Kích hoạt VNeID']);
    expect(await mine(lo.seats.residentialGroupHead.session, 'responsible')).toEqual([]);
    const t = await newTask(ctx.app, lo, { title: 'Chờ xem xét', deadline: plusDays(today(), 15) });
    await act(ctx.app, lo.seats.member.session, t.id, 'submit-done', {});
    expect(await mine(lo.seats.secretary.session, 'reviewer')).toEqual(['Chờ xem xét']);
    expect(await mine(lo.seats.head.session, 'reviewer')).toEqual(['Chờ xem xét']);
    expect(await mine(lo.seats.residentialGroupHead.session, 'reviewer')).toEqual([]);
    await act(ctx.app, lo.seats.secretary.session, t.id, 'approve-done', {});
    expect(await mine(lo.seats.secretary.session, 'reviewer')).toEqual([]);
    const overdue = await mine(lo.seats.member.session, 'all&derived=overdue');
    expect(overdue.sort()).toEqual(['Làm sạch dữ liệu dân cư khu 1', 'Tổng hợp số liệu quý']);
  });

  it('counts per unit and per member: assigned, done on time / late, overdue', async () => {
    const stats = (
      await call(ctx.app, lo.seats.head.session, 'GET', `${lo.url}/tasks/stats`, undefined, 200)
    ).json();
    expect(stats.totals).toMatchObject({
      assigned: 9,
      done: 2,
      doneOnTime: 1,
      doneLate: 1,
      overdue: 2,
      open: 7,
    });
    const police = stats.byUnit.find((u: { id: string }) => u.id === lo.police.id);
    expect(police).toMatchObject({ name: lo.police.name, assigned: 1, done: 0, overdue: 0, open: 1 });
    const member = stats.byMember.find((m: { id: string }) => m.id === lo.seats.member.membershipId);
    expect(member).toMatchObject({ assigned: 8, done: 2, doneLate: 1, overdue: 2 });
    const cchc = (
      await call(ctx.app, lo.seats.head.session, 'GET', `${lo.url}/tasks/stats?domain=CCHC`, undefined, 200)
    ).json();
    expect(cchc.totals).toMatchObject({ assigned: 3, overdue: 1 });
  });

  it('exports any filtered list to Excel with Vietnamese headers and dd/MM/yyyy dates', async () => {
    const res = await call(
      ctx.app,
      lo.seats.member.session,
      'GET',
      `${lo.url}/tasks/export.xlsx?domain=CCHC`,
      undefined,
      200,
    );
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('danh-sach-nhiem-vu.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Nhiệm vụ')!;
    expect(String(sheet.getCell('A1').value)).toContain('DANH SÁCH NHIỆM VỤ');
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining([
        'STT',
        'Tên nhiệm vụ',
        'Đơn vị/thành viên chủ trì',
        'Hạn hoàn thành',
        'Trạng thái',
        'Tình trạng thời hạn',
      ]),
    );
    const rows = [4, 5, 6].map((r) => sheet.getRow(r));
    expect(sheet.rowCount).toBe(6); // two title rows, the header and the three CCHC tasks
    const col = (name: string) => headers.indexOf(name) + 1;
    const overdue = rows.find((r) => r.getCell(col('Tên nhiệm vụ')).value === 'Tổng hợp số liệu quý')!;
    const [y, m, d] = plusDays(today(), -10).split('-');
    expect(overdue.getCell(col('Hạn hoàn thành')).value).toBe(`${d}/${m}/${y}`);
    expect(overdue.getCell(col('Tình trạng thời hạn')).value).toBe('Quá hạn');
    expect(overdue.getCell(col('Trạng thái')).value).toBe('Mới giao');
    const police = rows.find((r) => r.getCell(col('Tên nhiệm vụ')).value === 'Báo cáo chỉ số PAR INDEX')!;
    expect(police.getCell(col('Đơn vị/thành viên chủ trì')).value).toBe(lo.police.name);
  });
});

describe('directives from the level above', () => {
  it('links the task to the incoming document and counts from its date; a deadline before it is refused', async () => {
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${org.url}/documents/incoming`,
        {
          numberText: '125/KH-UBND',
          issuedOn: plusDays(today(), -10),
          issuer: 'UBND quận Hà Đông',
          title: 'Kế hoạch triển khai Đề án 06 năm 2026',
        },
        201,
      )
    ).json();
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${org.url}/tasks`, {
        sourceKind: 'directive',
        documentId: doc.id,
        title: 'Hạn trước văn bản',
        leadUnitId: org.police.id,
        deadline: plusDays(today(), -12),
      }),
      422,
      'task.deadlineBeforeSource',
    );
    const t = await newTask(ctx.app, org, {
      sourceKind: 'directive',
      documentId: doc.id,
      title: 'Triển khai Kế hoạch 125/KH-UBND',
      leadUnitId: org.police.id,
      deadlineWorkingDays: 10,
    });
    expect(t).toMatchObject({
      sourceKind: 'directive',
      documentId: doc.id,
      sourceDate: plusDays(today(), -10),
      deadline: calendar.addWorkingDays(plusDays(today(), -10), 10),
    });
    const listed = (
      await call(
        ctx.app,
        org.seats.member.session,
        'GET',
        `${org.url}/tasks?source=directive`,
        undefined,
        200,
      )
    ).json();
    expect(listed.items.map((x: Item) => x.id)).toEqual([t.id]);
  });
});

describe('the "due soon" window', () => {
  it('follows the committee’s setting, in working days', async () => {
    const w = await taskOrg(ctx.app, ctx.db, 'sap-den-han');
    const t = await newTask(ctx.app, w, {
      title: 'Năm ngày làm việc',
      deadline: calendar.addWorkingDays(today(), 5),
    });
    expect(t.derivedStatus).toBe('onTime'); // default: 3 working days
    await call(
      ctx.app,
      w.seats.secretary.session,
      'PUT',
      `${w.url}/settings`,
      { ...DEFAULT_RULE_SETTINGS, taskDueSoonWorkingDays: 5 },
      200,
    );
    const again = (
      await call(ctx.app, w.seats.member.session, 'GET', `/api/v1/tasks/${t.id}`, undefined, 200)
    ).json();
    expect(again.derivedStatus).toBe('dueSoon');
    const soon = (
      await call(ctx.app, w.seats.member.session, 'GET', `${w.url}/tasks?derived=dueSoon`, undefined, 200)
    ).json();
    expect(soon.total).toBe(1);
  });
});

describe('breakdowns', () => {
  it('links a sub-task to a task of the same committee, never to one of an unrelated committee', async () => {
    const parent = await newTask(ctx.app, org, { title: 'Nhiệm vụ lớn' });
    const child = await newTask(ctx.app, org, {
      title: 'Phần việc của Công an',
      parentTaskId: parent.id,
      leadUnitId: org.police.id,
    });
    expect(child.parentTaskId).toBe(parent.id);
    const other = await taskOrg(ctx.app, ctx.db, 'khac-cha');
    const foreign = await newTask(ctx.app, other, { title: 'Việc của Ban khác' });
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `${org.url}/tasks`, {
        title: 'Con của việc Ban khác',
        parentTaskId: foreign.id,
        leadMembershipId: org.seats.member.membershipId,
        deadline: plusDays(today(), 10),
      }),
      422,
      'task.invalidReference',
    );
  });
});
