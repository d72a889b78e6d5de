import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, type TestContext } from '../../../test/context.ts';
import { clockAt, meetingAt, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';

// The walk-through of issue #14: approving the minutes (approval.service.ts) closes the meeting and emits
// `conclusions.approved`; src/wiring.ts hands it to the follow-up module, which creates the tasks and emits
// `task.created`, which the notifications react to — all in the approval's transaction.

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'duyet-ket-luan');
});
afterAll(() => ctx.close());
afterEach(() => clock.setClock(TEST_NOW));

describe('approving the minutes', () => {
  it('closes the meeting, creates the proposed tasks and tells their lead, in one request', async () => {
    const secretary = org.seats.secretary.session;
    const created = await call(
      ctx.app,
      secretary,
      'POST',
      '/api/v1/meetings',
      {
        committeeId: org.committee.id,
        kind: 'adHoc',
        title: 'Họp chuyên đề',
        ...meetingAt(workingDay(5), '09:00'),
      },
      201,
    );
    const m = created.json();
    const url = `/api/v1/meetings/${m.id}`;
    await call(
      ctx.app,
      secretary,
      'POST',
      `${url}/agenda`,
      { title: 'Dịch vụ công', takesOpinions: false },
      200,
    );
    await call(ctx.app, org.seats.head.session, 'POST', `${url}/notice`, { lateReason: 'Việc gấp' }, 200);
    clockAt(m, 30);
    await call(
      ctx.app,
      secretary,
      'PUT',
      `${url}/conclusions`,
      {
        items: [
          {
            text: 'Nâng tỷ lệ hồ sơ trực tuyến',
            tasks: [
              {
                title: 'Rà soát thủ tục trực tuyến',
                leadMembershipId: org.seats.member.membershipId,
                cooperatingUnitIds: [],
              },
            ],
          },
        ],
      },
      200,
    );
    await call(ctx.app, secretary, 'PUT', `${url}/minutes`, { notes: [] }, 200);
    await call(ctx.app, secretary, 'POST', `${url}/minutes/submit`, undefined, 200);
    const before = await ctx.db.execute(
      sql`select count(*)::int as n from tasks where committee_id = ${org.committee.id}`,
    );
    expect(before.rows[0]!.n).toBe(0);

    const approved = (
      await call(ctx.app, org.seats.head.session, 'POST', `${url}/minutes/approve`, undefined, 200)
    ).json();
    expect(approved.status).toBe('approved');

    const tasks = await ctx.db.execute(
      sql`select t.title, t.source_kind, t.lead_membership_id from tasks t
          join conclusions c on c.id = t.conclusion_id where c.meeting_id = ${m.id}`,
    );
    expect(tasks.rows).toEqual([
      {
        title: 'Rà soát thủ tục trực tuyến',
        source_kind: 'conclusion',
        lead_membership_id: org.seats.member.membershipId,
      },
    ]);
    const told = await ctx.db.execute(
      sql`select count(*)::int as n from notifications where user_id = ${org.seats.member.userId} and kind = 'task.assigned'`,
    );
    expect(told.rows[0]!.n).toBe(1);
    expect((await call(ctx.app, secretary, 'GET', url, undefined, 200)).json().status).toBe('closed');
  });
});
