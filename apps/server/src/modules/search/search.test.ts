import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import type { Session } from '../../../test/factories.ts';
import { meetingAt, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import { newTask } from '../tasks/tasks.fixtures.ts';

/*
 * The header's search (issue 19): accent-insensitive ("ket luan" finds "Kết luận"), grouped by kind, and only
 * what the person could open — another committee's task, meeting, document and people are never found.
 */

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
let other: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'tim-kiem');
  other = await committeeWithRoles(ctx.app, ctx.db, 'ban-khac');
});
afterAll(() => ctx.close());

type Hit = { id: string; title: string; subtitle: string | null; committeeId: string | null };
type Results = Record<'meetings' | 'tasks' | 'documents' | 'committees' | 'people', Hit[]>;

const find = async (session: Session, q: string) =>
  (
    await call(ctx.app, session, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`, undefined, 200)
  ).json() as Results;
const ids = (hits: Hit[]) => hits.map((h) => h.id);

describe('search (issue 19)', () => {
  it('finds tasks, meetings, documents, committees and people without accents, grouped by kind', async () => {
    const task = await newTask(ctx.app, org, { title: 'Thực hiện kết luận về Đề án 06' });
    const meeting = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        '/api/v1/meetings',
        {
          committeeId: org.committee.id,
          kind: 'adHoc',
          title: 'Họp triển khai kết luận quý',
          ...meetingAt(workingDay(10), '14:00'),
        },
        201,
      )
    ).json();
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${org.url}/documents`,
        { type: 'notice', title: 'Thông báo kết luận của Trưởng Ban' },
        201,
      )
    ).json();

    const found = await find(org.seats.member.session, 'ket luan');
    expect(ids(found.tasks)).toContain(task.id);
    expect(ids(found.meetings)).toContain(meeting.id);
    expect(ids(found.documents)).toContain(doc.id);
    expect(found.tasks.find((h) => h.id === task.id)).toMatchObject({
      title: 'Thực hiện kết luận về Đề án 06',
      committeeId: org.committee.id,
    });
    // Case, accents and đ fold both ways; every word must appear, in any order.
    expect(ids((await find(org.seats.member.session, 'DE AN 06 ket')).tasks)).toEqual([task.id]);
    expect(ids((await find(org.seats.member.session, 'Đề án 06')).tasks)).toEqual([task.id]);
    expect(ids((await find(org.seats.member.session, 'ket luan khong co')).tasks)).toEqual([]);

    const committees = await find(org.seats.member.session, 'ban chi dao thu tim kiem');
    expect(ids(committees.committees)).toEqual([org.committee.id]);
    const people = await find(org.seats.member.session, 'secretary tim-kiem');
    expect(ids(people.people)).toEqual([org.seats.secretary.userId]);
    expect(people.people[0]!.committeeId).toBe(org.committee.id);
  });

  it("never finds another committee's task, meeting, document, committee or people (404 rule)", async () => {
    const theirs = await newTask(ctx.app, other, { title: 'Kết luận riêng của ban khác' });
    const theirDoc = (
      await call(
        ctx.app,
        other.seats.secretary.session,
        'POST',
        `${other.url}/documents`,
        { type: 'notice', title: 'Kết luận riêng của ban khác' },
        201,
      )
    ).json();
    const mine = await find(org.seats.head.session, 'ket luan rieng');
    expect(mine).toEqual({ meetings: [], tasks: [], documents: [], committees: [], people: [] });
    expect(ids((await find(org.seats.head.session, 'ban-khac')).people)).toEqual([]);
    expect(ids((await find(org.seats.head.session, 'thu ban khac')).committees)).toEqual([]);
    // Its own members find it; an outsider sitting nowhere finds nothing.
    const theirs2 = await find(other.seats.member.session, 'ket luan rieng');
    expect(ids(theirs2.tasks)).toEqual([theirs.id]);
    expect(ids(theirs2.documents)).toEqual([theirDoc.id]);
    expect(await find(org.outsider.session, 'ket luan')).toEqual({
      meetings: [],
      tasks: [],
      documents: [],
      committees: [],
      people: [],
    });
    // A system administrator sees every committee.
    expect(ids((await find(org.admin.session, 'ket luan rieng')).tasks)).toEqual([theirs.id]);
  });

  it('refuses a missing, too short or too long query and an unknown parameter (problem+json), and strangers', async () => {
    for (const qs of ['', '?q=', '?q=a', `?q=${'x'.repeat(101)}`, '?q=ket&limit=0', '?q=ket&x=1']) {
      expectProblem(
        await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/search${qs}`),
        400,
        'request.validation',
      );
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/search?q=ket' })).statusCode).toBe(401);
    // LIKE's wildcards are plain characters.
    expect((await find(org.seats.member.session, '%_%')).tasks).toEqual([]);
  });

  it('reads the tasks through the trigram index of the folded title (fit for millions of tasks)', async () => {
    // Sequential scans off within one transaction: with a few rows the planner would read the table anyway.
    const indexed = await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute<{ 'QUERY PLAN': string }>(
        sql`explain select id from tasks where steerco_fold(title) like '%' || steerco_fold('ket luan') || '%'`,
      );
    });
    expect(indexed.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('tasks_title_search_idx');
  });
});
