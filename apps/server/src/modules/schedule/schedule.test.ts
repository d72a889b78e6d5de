import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import type { Session } from '../../../test/factories.ts';
import { addDays, meetingAt, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { newTask } from '../tasks/tasks.fixtures.ts';

/*
 * Lịch công tác (issue 19): a week or a month of meetings and deadlines, as the person may see them; and each
 * person's subscribable calendar (ICS) at a secret address: a subscribed calendar receives new, changed and
 * cancelled meetings; a revoked (or replaced) address answers 404.
 */

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
let other: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'lich-tuan');
  other = await committeeWithRoles(ctx.app, ctx.db, 'lich-khac');
});
afterAll(() => ctx.close());

async function meeting(title: string, days: number, notice = true) {
  const m = (
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      '/api/v1/meetings',
      { committeeId: org.committee.id, kind: 'adHoc', title, ...meetingAt(workingDay(days), '14:00') },
      201,
    )
  ).json() as { id: string; startsAt: string };
  if (notice) await call(ctx.app, org.seats.head.session, 'POST', `/api/v1/meetings/${m.id}/notice`, {}, 200);
  return m;
}
const schedule = async (session: Session, qs: string) =>
  (await call(ctx.app, session, 'GET', `/api/v1/schedule?${qs}`, undefined, 200)).json() as {
    meetings: { id: string; title: string; status: string }[];
    deadlines: { id: string; deadline: string }[];
  };

describe('the weekly schedule', () => {
  it('lists the noticed meetings and open deadlines of the range, per committee, only for those who may see them', async () => {
    const noticed = await meeting('Họp giao ban tuần', 5);
    const draft = await meeting('Họp còn dự thảo', 5, false);
    const day = workingDay(5);
    const task = await newTask(ctx.app, org, { title: 'Nộp báo cáo tuần', deadline: day });
    const qs = `from=${addDays(day, -3)}&to=${addDays(day, 3)}`;
    const seen = await schedule(org.seats.member.session, qs);
    expect(seen.meetings.map((m) => m.id)).toContain(noticed.id);
    expect(seen.meetings.map((m) => m.id)).not.toContain(draft.id);
    expect(seen.deadlines.map((d) => d.id)).toContain(task.id);
    // One committee: its own; another committee's members see none of it, and may not ask for it (404).
    const mine = await schedule(org.seats.member.session, `${qs}&committeeId=${org.committee.id}`);
    expect(mine.meetings.map((m) => m.id)).toContain(noticed.id);
    const theirs = await schedule(other.seats.head.session, qs);
    expect(theirs.meetings.map((m) => m.id)).not.toContain(noticed.id);
    expect(theirs.deadlines.map((d) => d.id)).not.toContain(task.id);
    expectProblem(
      await call(
        ctx.app,
        other.seats.head.session,
        'GET',
        `/api/v1/schedule?${qs}&committeeId=${org.committee.id}`,
      ),
      404,
      'committee.notFound',
    );
    // Outside the range: nothing.
    const later = await schedule(org.seats.member.session, `from=${addDays(day, 10)}&to=${addDays(day, 16)}`);
    expect(later.meetings.map((m) => m.id)).not.toContain(noticed.id);
  });

  it('refuses a range that is reversed, too long or malformed (problem+json)', async () => {
    const today = clock.today();
    for (const qs of [
      `from=${today}&to=${addDays(today, -1)}`,
      `from=${today}&to=${addDays(today, 43)}`,
      `from=${today}`,
      'from=15/10/2026&to=20/10/2026',
      `from=${today}&to=${today}&committeeId=abc`,
    ]) {
      expectProblem(
        await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/schedule?${qs}`),
        400,
        'request.validation',
      );
    }
  });
});

describe('the personal calendar feed (ICS)', () => {
  it('receives new, changed and cancelled meetings; a revoked or replaced address answers 404', async () => {
    const me = org.seats.member.session;
    expect((await call(ctx.app, me, 'GET', '/api/v1/me/calendar-feed', undefined, 200)).json()).toEqual({
      active: false,
      createdAt: null,
    });
    const made = (await call(ctx.app, me, 'POST', '/api/v1/me/calendar-feed', undefined, 201)).json();
    expect(made).toMatchObject({
      active: true,
      url: expect.stringMatching(/\/api\/v1\/calendar-feeds\/[\w-]{43}$/),
    });
    const path = new URL(made.url).pathname;
    // The calendar application calls without a session.
    const feed = async (p = path) => ctx.app.inject({ method: 'GET', url: p });

    const m = await meeting('Họp chuyên đề chuyển đổi số', 8);
    let res = await feed();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const event = (body: string) => {
      const uid = `UID:meeting-${m.id}@steerco`;
      const start = body.indexOf(uid);
      expect(start, body).toBeGreaterThan(-1);
      return body.slice(body.lastIndexOf('BEGIN:VEVENT', start), body.indexOf('END:VEVENT', start));
    };
    let e = event(res.body);
    expect(e).toContain('SUMMARY:Họp chuyên đề chuyển đổi số');
    expect(e).toContain('STATUS:CONFIRMED');
    const sequence = (text: string) => Number(/SEQUENCE:(\d+)/.exec(text)?.[1]);
    const first = sequence(e);

    // Changed: the new place and a higher SEQUENCE, under the same UID.
    await call(
      ctx.app,
      org.seats.secretary.session,
      'PATCH',
      `/api/v1/meetings/${m.id}`,
      { place: 'Hội trường UBND' },
      200,
    );
    e = event((await feed()).body);
    expect(e).toContain('LOCATION:Hội trường UBND');
    expect(sequence(e)).toBeGreaterThan(first);

    // Cancelled: still there, marked cancelled.
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/meetings/${m.id}/cancel`,
      { reason: 'Hoãn' },
      200,
    );
    e = event((await feed()).body);
    expect(e).toContain('STATUS:CANCELLED');

    // Another person's feed does not hold this committee's meetings.
    const theirs = (
      await call(ctx.app, other.seats.member.session, 'POST', '/api/v1/me/calendar-feed', undefined, 201)
    ).json();
    expect((await feed(new URL(theirs.url).pathname)).body).not.toContain(m.id);

    // A new address replaces the old one; revoking ends it.
    const again = (await call(ctx.app, me, 'POST', '/api/v1/me/calendar-feed', undefined, 201)).json();
    res = await feed();
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((await feed(new URL(again.url).pathname)).statusCode).toBe(200);
    await call(ctx.app, me, 'DELETE', '/api/v1/me/calendar-feed', undefined, 204);
    expect((await feed(new URL(again.url).pathname)).statusCode).toBe(404);
    expect((await call(ctx.app, me, 'GET', '/api/v1/me/calendar-feed', undefined, 200)).json().active).toBe(
      false,
    );
    expect((await feed('/api/v1/calendar-feeds/khong-co')).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/me/calendar-feed' })).statusCode).toBe(401);
  });
});
