import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { meetingAt, workingDay } from '../../../test/meeting-times.ts';
import { call } from '../../../test/org-fixtures.ts';
import { CARRY_OVER_TITLE } from './carry-over.service.ts';
import { act, newTask, plusDays, type TaskOrg, taskOrg, today } from './tasks.fixtures.ts';

let ctx: TestContext;
let org: TaskOrg;
let other: TaskOrg;

beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await taskOrg(ctx.app, ctx.db, 'chuyen-ky');
  other = await taskOrg(ctx.app, ctx.db, 'ban-khac');
});
afterAll(() => ctx.close());

/** A meeting `workingDaysAhead` working days on (never on a day off, whatever day the clock says). */
async function meeting(kind: string, workingDaysAhead: number) {
  return (
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      '/api/v1/meetings',
      {
        committeeId: org.committee.id,
        kind,
        title: kind === 'quarterly' ? 'Họp Ban Chỉ đạo quý IV' : 'Họp đột xuất',
        place: 'Phòng họp UBND',
        ...meetingAt(workingDay(workingDaysAhead)),
      },
      201,
    )
  ).json() as { id: string };
}

describe('carry-over of unfinished tasks (R8)', () => {
  let overdueId: string;
  let dueBeforeId: string;
  let laterId: string;
  let doneId: string;
  let quarterly: { id: string };

  beforeAll(async () => {
    // Overdue already: a deadline in the past is only possible for tasks assigned earlier, so move it in SQL.
    const overdue = await newTask(ctx.app, org, {
      title: 'Số hóa hồ sơ hộ tịch',
      deadline: plusDays(today(), 5),
    });
    await ctx.db.execute(
      sql`update tasks set deadline = ${plusDays(today(), -10)}, original_deadline = ${plusDays(today(), -10)}, source_date = ${plusDays(today(), -40)} where id = ${overdue.id}`,
    );
    overdueId = overdue.id;
    dueBeforeId = (
      await newTask(ctx.app, org, {
        title: 'Rà soát thủ tục hành chính cấp phường',
        leadUnitId: org.police.id,
        deadline: plusDays(today(), 10),
      })
    ).id;
    laterId = (
      await newTask(ctx.app, org, { title: 'Tổng kết Đề án 06 năm', deadline: plusDays(today(), 60) })
    ).id;
    const done = await newTask(ctx.app, org, { title: 'Lắp camera an ninh', deadline: plusDays(today(), 3) });
    await act(ctx.app, org.seats.member.session, done.id, 'start');
    await act(ctx.app, org.seats.member.session, done.id, 'submit-done', { note: 'Đã lắp xong' });
    await act(ctx.app, org.seats.secretary.session, done.id, 'approve-done');
    doneId = done.id;
    await newTask(ctx.app, other, { title: 'Nhiệm vụ của Ban khác', deadline: plusDays(today(), 5) });
    quarterly = await meeting('quarterly', 20);
  });

  it('proposes the open tasks due by the meeting day, oldest first, not done or later ones', async () => {
    const res = await call(
      ctx.app,
      org.seats.secretary.session,
      'GET',
      `/api/v1/meetings/${quarterly.id}/carry-over`,
      undefined,
      200,
    );
    const items = res.json().items as { taskId: string; derivedStatus: string; leadName: string }[];
    expect(items.map((i) => i.taskId)).toEqual([overdueId, dueBeforeId]);
    expect(items[0]!.derivedStatus).toBe('overdue');
    expect(items[1]!.leadName).toBe(org.police.name);
    expect(items.some((i) => i.taskId === doneId || i.taskId === laterId)).toBe(false);
  });

  it('puts them first in the agenda as one section, replaced when prepared again', async () => {
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/meetings/${quarterly.id}/agenda`,
      {
        title: 'Kết quả CCHC quý IV',
        takesOpinions: false,
      },
      200,
    );
    const first = await call(
      ctx.app,
      org.seats.secretary.session,
      'PUT',
      `/api/v1/meetings/${quarterly.id}/carry-over`,
      {},
      200,
    );
    const agenda = first.json().agenda as {
      title: string;
      carriedOver: boolean;
      carriedTasks: { taskId: string }[];
    }[];
    expect(agenda.map((a) => a.title)).toEqual([CARRY_OVER_TITLE, 'Kết quả CCHC quý IV']);
    expect(agenda[0]!.carriedOver).toBe(true);
    expect(agenda[0]!.carriedTasks.map((t) => t.taskId)).toEqual([overdueId, dueBeforeId]);

    const again = await call(
      ctx.app,
      org.seats.secretary.session,
      'PUT',
      `/api/v1/meetings/${quarterly.id}/carry-over`,
      { taskIds: [dueBeforeId] },
      200,
    );
    const sections = (
      again.json().agenda as { carriedOver: boolean; carriedTasks: { taskId: string }[] }[]
    ).filter((a) => a.carriedOver);
    expect(sections).toHaveLength(1);
    expect(sections[0]!.carriedTasks.map((t) => t.taskId)).toEqual([dueBeforeId]);
    await call(
      ctx.app,
      org.seats.secretary.session,
      'PUT',
      `/api/v1/meetings/${quarterly.id}/carry-over`,
      {},
      200,
    );
  });

  it('refuses other tasks, non-periodic meetings, members and outsiders — nothing written', async () => {
    const count = async () =>
      (await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from agenda_carried_tasks`)).rows[0]!
        .n;
    const before = await count();
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'PUT', `/api/v1/meetings/${quarterly.id}/carry-over`, {
        taskIds: [laterId],
      }),
      422,
      'task.notCarriable',
    );
    const adHoc = await meeting('adHoc', 15);
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'PUT', `/api/v1/meetings/${adHoc.id}/carry-over`, {}),
      409,
      'task.carryOverPeriodicOnly',
    );
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'PUT', `/api/v1/meetings/${quarterly.id}/carry-over`, {}),
      403,
      'permission.denied',
    );
    expectProblem(
      await call(
        ctx.app,
        other.seats.secretary.session,
        'GET',
        `/api/v1/meetings/${quarterly.id}/carry-over`,
      ),
      404,
      'meeting.notFound',
    );
    expect(await count()).toBe(before);
  });

  it('lists them in the notice (DOCX) and freezes the section once the notice is sent', async () => {
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/meetings/${quarterly.id}/notice`,
      {},
      200,
    );
    expectProblem(
      await call(
        ctx.app,
        org.seats.secretary.session,
        'PUT',
        `/api/v1/meetings/${quarterly.id}/carry-over`,
        {},
      ),
      409,
      'meeting.noticeAlreadySent',
    );
    const draft = await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/meetings/${quarterly.id}/documents`,
      { template: 'invitation' },
      201,
    );
    const docx = await call(
      ctx.app,
      org.seats.secretary.session,
      'GET',
      `/api/v1/documents/${draft.json().id}/docx`,
      undefined,
      200,
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'steerco-carry-'));
    try {
      writeFileSync(path.join(dir, 'giay-moi.docx'), docx.rawPayload);
      const xml = execFileSync('unzip', [
        '-p',
        path.join(dir, 'giay-moi.docx'),
        'word/document.xml',
      ]).toString('utf8');
      expect(xml).toContain(`${CARRY_OVER_TITLE} (2 nhiệm vụ, danh mục kèm theo)`);
      expect(xml).toContain('Danh mục nhiệm vụ chưa hoàn thành');
      expect(xml).toContain('Số hóa hồ sơ hộ tịch');
      expect(xml).toContain('Rà soát thủ tục hành chính cấp phường');
      expect(xml).toContain('quá hạn');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
