import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser, type Session } from '../../../test/factories.ts';
import { clockAt, meetingAt, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { act, newTask, plusDays } from '../tasks/tasks.fixtures.ts';

/*
 * "Việc chờ tôi xử lý" (issue 19): for each kind of waiting item, it appears for the person who must decide or
 * answer, for nobody else, and disappears once acted on. Dates come from the test clock (meeting-times.ts).
 */

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'hop-thu');
});
afterAll(() => ctx.close());
afterEach(() => clock.setClock(TEST_NOW));

type Item = {
  kind: string;
  id: string;
  title: string;
  committeeName: string;
  at: string;
  target: { type: string; id: string };
};
type Inbox = { items: Item[]; total: number; counts: Record<string, number> };

const inbox = async (session: Session) =>
  (await call(ctx.app, session, 'GET', '/api/v1/inbox', undefined, 200)).json() as Inbox;
const has = async (session: Session, kind: string, id: string) =>
  (await inbox(session)).items.some((i) => i.kind === kind && i.id === id);

/** Who, among the committee's people and an outsider, sees the item. */
async function whoSees(kind: string, id: string) {
  const seen: string[] = [];
  for (const [role, seat] of Object.entries(org.seats))
    if (await has(seat.session, kind, id)) seen.push(role);
  if (await has(org.outsider.session, kind, id)) seen.push('outsider');
  return seen.sort();
}

type Detail = { id: string; startsAt: string; attendees: { id: string; userId: string }[] };

async function meeting(title: string, days = 10) {
  return (
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      '/api/v1/meetings',
      { committeeId: org.committee.id, kind: 'adHoc', title, ...meetingAt(workingDay(days), '14:00') },
      201,
    )
  ).json() as Detail;
}
async function noticed(title: string) {
  const m = await meeting(title);
  return (
    await call(ctx.app, org.seats.head.session, 'POST', `/api/v1/meetings/${m.id}/notice`, {}, 200)
  ).json() as Detail;
}
const attendeeOf = (m: Detail, userId: string) => m.attendees.find((a) => a.userId === userId)!.id;

describe('the inbox (issue 19)', () => {
  it('lists an unanswered invitation for the invited person only, until they answer (R10)', async () => {
    const m = await noticed('Họp triển khai VNeID mức 2');
    const mine = attendeeOf(m, org.seats.member.userId);
    expect(await whoSees('invitation', mine)).toEqual(['member']);
    const item = (await inbox(org.seats.member.session)).items.find((i) => i.id === mine)!;
    expect(item).toMatchObject({
      title: 'Họp triển khai VNeID mức 2',
      committeeName: org.committee.name,
      target: { type: 'meeting', id: m.id },
    });
    await call(
      ctx.app,
      org.seats.member.session,
      'POST',
      `/api/v1/meetings/${m.id}/response`,
      { response: 'attend' },
      200,
    );
    expect(await whoSees('invitation', mine)).toEqual([]);
  });

  it('lists an absence or a substitute for the chair to approve, until decided (R11)', async () => {
    const m = await noticed('Họp quý IV');
    const url = `/api/v1/meetings/${m.id}`;
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
      { response: 'substitute', substitute: { name: 'Tổ phó Lê Văn Phó', briefed: true } },
      200,
    );
    const absent = attendeeOf(m, org.seats.deputyHead.userId);
    const substitute = attendeeOf(m, org.seats.residentialGroupHead.userId);
    expect(await whoSees('absenceApproval', absent)).toEqual(['head']);
    expect(await whoSees('absenceApproval', substitute)).toEqual(['head']);
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${url}/attendees/${absent}/decision`,
      { decision: 'approve' },
      200,
    );
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${url}/attendees/${substitute}/decision`,
      { decision: 'reject', note: 'Đề nghị dự trực tiếp' },
      200,
    );
    expect(await whoSees('absenceApproval', absent)).toEqual([]);
    expect(await whoSees('absenceApproval', substitute)).toEqual([]);
  });

  it('lists a late-notice request for the chair it was sent to, until decided (R9)', async () => {
    const m = await meeting('Họp đột xuất về dịch vụ công', 1);
    const url = `/api/v1/meetings/${m.id}`;
    const requested = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${url}/late-notice-request`,
        { reason: 'Chỉ đạo khẩn của UBND quận' },
        200,
      )
    ).json();
    const requestId = requested.lateNoticeRequest.id as string;
    expect(await whoSees('lateNotice', requestId)).toEqual(['head']);
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${url}/late-notice-request/decision`,
      { decision: 'refuse', comment: 'Lùi sang tuần sau.' },
      200,
    );
    expect(await whoSees('lateNotice', requestId)).toEqual([]);
  });

  it('lists submitted minutes for the chair, until approved (R13)', async () => {
    const m = await noticed('Họp sơ kết 6 tháng');
    const url = `/api/v1/meetings/${m.id}`;
    await call(ctx.app, org.seats.secretary.session, 'PUT', `${url}/minutes`, { summary: 'Tóm tắt' }, 200);
    clockAt(m, 5);
    expect(await whoSees('minutesApproval', m.id)).toEqual([]);
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/minutes/submit`, undefined, 200);
    expect(await whoSees('minutesApproval', m.id)).toEqual(['head']);
    await call(ctx.app, org.seats.head.session, 'POST', `${url}/minutes/approve`, undefined, 200);
    expect(await whoSees('minutesApproval', m.id)).toEqual([]);
  });

  it('lists a completion report for the reviewers, until reviewed', async () => {
    const task = await newTask(ctx.app, org, { title: 'Số hóa hồ sơ một cửa' });
    await act(ctx.app, org.seats.member.session, task.id, 'start');
    await act(ctx.app, org.seats.member.session, task.id, 'submit-done', { note: 'Đã xong' });
    // The standing agency, the head and the deputies review completions.
    expect(await whoSees('taskReview', task.id)).toEqual(['deputyHead', 'head', 'secretary']);
    await act(ctx.app, org.seats.secretary.session, task.id, 'approve-done');
    expect(await whoSees('taskReview', task.id)).toEqual([]);
  });

  it('lists an extension request for the head and the assigner, until decided (R4)', async () => {
    const task = await newTask(ctx.app, org, { title: 'Cập nhật dữ liệu dân cư' });
    await act(ctx.app, org.seats.member.session, task.id, 'start');
    await act(ctx.app, org.seats.member.session, task.id, 'extension-request', {
      reason: 'Chờ số liệu của quận',
      proposedDeadline: plusDays(task.deadline, 14),
    });
    expect(await whoSees('extensionRequest', task.id)).toEqual(['head', 'secretary']);
    await act(ctx.app, org.seats.head.session, task.id, 'extension-decision', { decision: 'approve' });
    expect(await whoSees('extensionRequest', task.id)).toEqual([]);
  });

  it('lists a submitted document for the signer, until signed', async () => {
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${org.url}/documents`,
        { type: 'report', title: 'Báo cáo kết luận quý' },
        201,
      )
    ).json();
    expect(await whoSees('documentSign', doc.id)).toEqual([]);
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/documents/${doc.id}/submit`,
      undefined,
      200,
    );
    expect(await whoSees('documentSign', doc.id)).toEqual(['head']);
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `/api/v1/documents/${doc.id}/approve`,
      undefined,
      200,
    );
    expect(await whoSees('documentSign', doc.id)).toEqual([]);
  });

  it('lists a proposed personnel change for the head, until decided (R14)', async () => {
    const replacement = await createUser(ctx.db, { unitId: org.unit.id, fullName: 'Người thay thế' });
    const change = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${org.url}/personnel-changes`,
        {
          membershipId: org.seats.residentialGroupHead.membershipId,
          replacementUserId: replacement.id,
          reportDate: clock.today(),
          reason: 'Điều động công tác',
          effectiveDate: plusDays(clock.today(), 7),
        },
        201,
      )
    ).json();
    expect(await whoSees('personnelChange', change.id)).toEqual(['head']);
    const item = (await inbox(org.seats.head.session)).items.find((i) => i.id === change.id)!;
    expect(item.target).toEqual({ type: 'committeePersonnel', id: org.committee.id });
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${org.url}/personnel-changes/${change.id}/decide`,
      { decision: 'reject', note: 'Chưa phù hợp' },
      200,
    );
    expect(await whoSees('personnelChange', change.id)).toEqual([]);
  });

  it('puts the newest first, counts each kind, filters by kind and refuses an unknown kind', async () => {
    const a = await newTask(ctx.app, org, { title: 'Việc cũ hơn' });
    await act(ctx.app, org.seats.member.session, a.id, 'submit-done', { note: 'Xong' });
    clock.setClock(new Date(clock.now().getTime() + 60_000));
    const b = await newTask(ctx.app, org, { title: 'Việc mới hơn' });
    await act(ctx.app, org.seats.member.session, b.id, 'submit-done', { note: 'Xong' });
    const box = await inbox(org.seats.secretary.session);
    const order = box.items.map((i) => i.id);
    expect(order.indexOf(b.id)).toBeLessThan(order.indexOf(a.id));
    expect(box.total).toBe(box.items.length);
    expect(box.counts.taskReview).toBe(box.items.filter((i) => i.kind === 'taskReview').length);
    const [x, y] = box.items;
    if (x && y) expect(x.at >= y.at).toBe(true);
    const only = (
      await call(ctx.app, org.seats.secretary.session, 'GET', '/api/v1/inbox?kind=taskReview', undefined, 200)
    ).json() as Inbox;
    expect(only.items.every((i) => i.kind === 'taskReview')).toBe(true);
    expect(only.total).toBe(box.total);
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'GET', '/api/v1/inbox?kind=nope'),
      400,
      'request.validation',
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/inbox' })).statusCode).toBe(401);
  });
});
