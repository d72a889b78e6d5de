import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { signedInUser } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import { notify } from './notifications.service.ts';

/*
 * The notification page (issue 19): the whole history behind the bell, newest first, page by page, filtered by
 * read state and kind; mark one or all read; only one's own.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

type Page = {
  unread: number;
  items: { id: string; kind: string; title: string; readAt: string | null }[];
  nextCursor: string | null;
};

describe('notifications page', () => {
  it('pages through the history newest first, filters by state and kind, marks all read; strangers see none', async () => {
    const me = await signedInUser(ctx.app, ctx.db);
    const someone = await signedInUser(ctx.app, ctx.db);
    const kinds = [
      'meeting.notice',
      'task.assigned',
      'document.distributed',
      'report.reminder',
      'account.locked',
    ];
    // One statement per notification, so that each has its own time (newest last).
    for (let i = 0; i < 10; i++) {
      await notify(ctx.db, [{ userId: me.id, kind: kinds[i % kinds.length]!, title: `Thông báo ${i}` }]);
    }
    await notify(ctx.db, [{ userId: someone.id, kind: 'task.assigned', title: 'Của người khác' }]);
    const get = async (qs: string) =>
      (await call(ctx.app, me.session, 'GET', `/api/v1/notifications${qs}`, undefined, 200)).json() as Page;

    const first = await get('?limit=4');
    expect(first.unread).toBe(10);
    expect(first.items.map((n) => n.title)).toEqual([
      'Thông báo 9',
      'Thông báo 8',
      'Thông báo 7',
      'Thông báo 6',
    ]);
    const second = await get(`?limit=4&before=${first.nextCursor}`);
    const third = await get(`?limit=4&before=${second.nextCursor}`);
    expect([...second.items, ...third.items].map((n) => n.title)).toEqual(
      [5, 4, 3, 2, 1, 0].map((i) => `Thông báo ${i}`),
    );
    expect(third.nextCursor).toBeNull();

    expect((await get('?area=task')).items.map((n) => n.title)).toEqual(['Thông báo 6', 'Thông báo 1']);
    expect((await get('?area=other')).items.map((n) => n.kind)).toEqual(['account.locked', 'account.locked']);

    // Reading one: it leaves the unread filter and joins the read one.
    const one = first.items[0]!.id;
    await call(ctx.app, me.session, 'POST', '/api/v1/notifications/read', { ids: [one] }, 204);
    expect((await get('?state=read')).items.map((n) => n.id)).toEqual([one]);
    expect((await get('?state=unread')).items).toHaveLength(9);
    expect((await get('?unread=true')).items).toHaveLength(9);

    // Mark all read: nothing unread; the other person's notification untouched.
    await call(ctx.app, me.session, 'POST', '/api/v1/notifications/read', { ids: 'all' }, 204);
    const after = await get('?state=unread');
    expect(after).toMatchObject({ unread: 0, items: [] });
    const theirs = (
      await call(ctx.app, someone.session, 'GET', '/api/v1/notifications', undefined, 200)
    ).json() as Page;
    expect(theirs.unread).toBe(1);
    expect(theirs.items.map((n) => n.title)).toEqual(['Của người khác']);
    // Another person's notification as a cursor leads nowhere in mine.
    expect((await get(`?before=${theirs.items[0]!.id}`)).items).toEqual([]);
  });

  it('refuses bad filters with problem+json', async () => {
    const me = await signedInUser(ctx.app, ctx.db);
    for (const qs of ['?state=new', '?area=foo', '?before=xyz', '?limit=0', '?limit=101', '?page=2']) {
      expectProblem(
        await call(ctx.app, me.session, 'GET', `/api/v1/notifications${qs}`),
        400,
        'request.validation',
      );
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});
