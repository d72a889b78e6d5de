import { DerivedTaskStatus, TaskStatus } from '@steerco/contract/tasks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, type TestContext } from '../../../test/context.ts';
import { login, type Session } from '../../../test/factories.ts';
import * as clock from '../../clock.ts';

/*
 * Issue 19, one request per view: the dashboard's counters come from GET /api/v1/dashboard, and each must equal
 * the total of the list it stands for (the dashboard used to read those totals as 21 one-row pages).
 */
let ctx: TestContext;
const DEMO_PASSWORD = 'PhucLa@2024';
const sessions = new Map<string, Session>();

/** A demo person signed in, the initial password changed once (the gate refuses everything else before). */
async function demo(username: string): Promise<Session> {
  const known = sessions.get(username);
  if (known) return known;
  const first = await login(ctx.app, username, DEMO_PASSWORD);
  const newPassword = `Mat-khau-${username}-2026`;
  const changed = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: first.headers,
    payload: { currentPassword: DEMO_PASSWORD, newPassword },
  });
  expect(changed.statusCode, changed.body).toBe(204);
  const session = await login(ctx.app, username, newPassword);
  sessions.set(username, session);
  return session;
}

const total = async (session: Session, url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json().total as number;
};

const dashboard = async (session: Session) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: '/api/v1/dashboard',
    headers: { cookie: session.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  // The seed and these checks are dated from the clock: pinned to a day the day after the fourth quarter's cut-off, so the sample regimes' reports are due, whatever day the suite
  // runs on (CI also runs it on 31/12 and in Tết).
  clock.setClock('2026-12-15T09:00:00+07:00');
  ctx = await createTestContext({ seed: true });
  // Tasks in the demo committee, so that the comparisons are not of zeros only: the head assigns two to the
  // secretary's seat (one due in a year, one in two days: on time and due soon).
  const head = await demo('hang.ntt');
  const { managedCommittees } = await dashboard(head);
  const committeeId = managedCommittees[0].id as string;
  const members = await ctx.app.inject({
    method: 'GET',
    url: `/api/v1/committees/${committeeId}/members`,
    headers: { cookie: head.cookie },
  });
  const secretary = (members.json().items as { id: string; role: string }[]).find(
    (m) => m.role === 'secretary',
  );
  for (const days of [365, 2]) {
    const deadline = new Date(`${clock.today()}T00:00:00Z`);
    deadline.setUTCDate(deadline.getUTCDate() + days);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/committees/${committeeId}/tasks`,
      headers: head.headers,
      payload: {
        title: `Rà soát thủ tục hành chính (${days} ngày)`,
        deadline: deadline.toISOString().slice(0, 10),
        leadMembershipId: secretary!.id,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await ctx?.close();
  clock.setClock(TEST_NOW);
});

describe('GET /api/v1/dashboard', () => {
  // The Phúc La head, the secretary (standing agency) and a member: different roles see different numbers.
  it.each([
    'hang.ntt',
    'huan.vt',
    'hoan.tx',
  ])('my tasks of %s equal the totals of "my tasks" lists', async (who) => {
    const session = await demo(who);
    const { myTasks } = await dashboard(session);
    expect(myTasks.open).toBe(await total(session, '/api/v1/tasks/mine?role=all&status=open&limit=1'));
    expect(myTasks.reviewer).toBe(
      await total(session, '/api/v1/tasks/mine?role=reviewer&status=open&limit=1'),
    );
    for (const derived of DerivedTaskStatus.options)
      expect(myTasks[derived], derived).toBe(
        await total(session, `/api/v1/tasks/mine?role=all&derived=${derived}&limit=1`),
      );
  });

  it('the committees I manage tasks on: counts by status and domain equal the committee list totals', async () => {
    const session = await demo('hang.ntt');
    const { managedCommittees } = await dashboard(session);
    expect(managedCommittees.length).toBeGreaterThan(0);
    let seen = 0;
    for (const committee of managedCommittees) {
      const url = `/api/v1/committees/${committee.id}/tasks?limit=1`;
      for (const status of TaskStatus.options) {
        expect(committee.byStatus[status], status).toBe(await total(session, `${url}&status=${status}`));
        seen += committee.byStatus[status];
      }
      for (const domain of committee.byDomain)
        expect(domain.count, domain.code).toBe(await total(session, `${url}&domain=${domain.code}`));
    }
    // The demo committee has tasks: the comparison above is not of zeros only.
    expect(seen).toBeGreaterThan(0);
  });

  it('reports (R16): what my committee owes equals its due list, what it receives equals each rollup', async () => {
    // The ward owes Hà Đông its sample regimes' reports; one is drafted and submitted so that not all are equal.
    const ward = await demo('huan.vt');
    const { reports: owedSide } = await dashboard(ward);
    const wardCommittees = new Set(
      owedSide.owed.map((r: { reporterCommitteeId: string }) => r.reporterCommitteeId),
    );
    expect(owedSide.owed.length).toBeGreaterThan(0);
    for (const committeeId of wardCommittees) {
      const due = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/committees/${committeeId}/reports/due`,
        headers: { cookie: ward.cookie },
      });
      const byPeriod = new Map(
        (due.json().items as { period: { id: string }; status: string; late: boolean }[]).map((d) => [
          d.period.id,
          d,
        ]),
      );
      for (const item of owedSide.owed.filter(
        (r: { reporterCommitteeId: string }) => r.reporterCommitteeId === committeeId,
      )) {
        expect(item.status).not.toBe('accepted');
        expect(byPeriod.get(item.period.id)).toMatchObject({ status: item.status, late: item.late });
      }
    }
    const first = owedSide.owed[0];
    const opened = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/report-periods/${first.period.id}/reports`,
      headers: ward.headers,
      payload: { reporterCommitteeId: first.reporterCommitteeId },
    });
    expect(opened.statusCode, opened.body).toBeLessThan(300);
    const submitted = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${opened.json().id}/submit`,
      headers: ward.headers,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const district = await demo('quan.hd');
    const { reports } = await dashboard(district);
    const received = reports.received as {
      period: { id: string };
      reporters: number;
      sent: number;
      late: number;
      missing: number;
    }[];
    expect(received.map((r) => r.period.id)).toContain(first.period.id);
    for (const period of received) {
      const rollup = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/report-periods/${period.period.id}/rollup`,
        headers: { cookie: district.cookie },
      });
      const { counts } = rollup.json();
      expect(period).toMatchObject({
        reporters: counts.reporters,
        sent: counts.submitted,
        missing: counts.missing,
        late: counts.late,
      });
    }
    expect(received.find((r) => r.period.id === first.period.id)!.sent).toBeGreaterThanOrEqual(1);
  });

  it('lists only committees where I manage tasks, and answers 401 to nobody signed in', async () => {
    const member = await dashboard(await demo('hoan.tx'));
    for (const committee of member.managedCommittees) {
      // Whatever is listed must be a committee this person may manage tasks on (checked by its permissions).
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/committees/${committee.id}`,
        headers: { cookie: (await demo('hoan.tx')).cookie },
      });
      expect(res.json().myPermissions).toContain('task.manage');
    }
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/dashboard' });
    expect(res.statusCode).toBe(401);
  });
});
