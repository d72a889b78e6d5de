import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../src/clock.ts';
import { forgetOldIdempotencyKeys } from '../src/http/idempotency.ts';
import { plusDays, type TaskOrg, taskOrg, today } from '../src/modules/tasks/tasks.fixtures.ts';
import { TEST_NOW } from './clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from './context.ts';
import { multipartFile } from './factories.ts';

/*
 * Issue #17, defect 11: a creating write whose answer was lost is retried with the same Idempotency-Key and must
 * not be written twice — within one instance or across several (the keys are rows), for 24 hours.
 */
let ctx: TestContext;
let org: TaskOrg;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await taskOrg(ctx.app, ctx.db, 'idem');
});
afterEach(() => clock.setClock(TEST_NOW));
afterAll(() => ctx.close());

const countTasks = async (title: string) =>
  Number((await ctx.db.execute(sql`select count(*)::int as n from tasks where title = ${title}`)).rows[0]!.n);
const createTask = (title: string, key?: string, extra: object = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: `${org.url}/tasks`,
    headers: { ...org.seats.secretary.session.headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload: { title, leadUnitId: org.police.id, deadline: plusDays(today(), 20), ...extra },
  });

describe('Idempotency-Key on creating writes', () => {
  it('answers a retry with the first answer and writes nothing new', async () => {
    const title = 'Rà soát thủ tục (gửi lại cùng khóa)';
    const first = await createTask(title, 'khoa-nhiem-vu-0001');
    expect(first.statusCode, first.body).toBe(201);
    const retry = await createTask(title, 'khoa-nhiem-vu-0001');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await countTasks(title)).toBe(1);
    // Without a key, each request is its own write.
    await createTask(title);
    expect(await countTasks(title)).toBe(2);
  });

  it('refuses the same key for another request, and a malformed key', async () => {
    await createTask('Nhiệm vụ A (khóa dùng lại)', 'khoa-nhiem-vu-0002');
    expectProblem(
      await createTask('Nhiệm vụ B (khóa dùng lại)', 'khoa-nhiem-vu-0002'),
      422,
      'request.idempotencyMismatch',
    );
    expect(await countTasks('Nhiệm vụ B (khóa dùng lại)')).toBe(0);
    expectProblem(await createTask('Nhiệm vụ C', 'ngan'), 400, 'request.idempotencyKey');
    expect(await countTasks('Nhiệm vụ C')).toBe(0);
  });

  it('writes once when the same request arrives twice at the same moment', async () => {
    const title = 'Nhiệm vụ gửi hai lần cùng lúc';
    const [a, b] = await Promise.all([
      createTask(title, 'khoa-nhiem-vu-0003'),
      createTask(title, 'khoa-nhiem-vu-0003'),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    expect(await countTasks(title)).toBe(1);
  });

  it('never writes twice a request that committed but whose answer was lost', async () => {
    const title = 'Nhiệm vụ đã ghi nhưng mất câu trả lời';
    expect((await createTask(title, 'khoa-nhiem-vu-0004')).statusCode).toBe(201);
    // As if the server had stopped after the commit, before the answer was kept and sent.
    await ctx.db.execute(
      sql`update idempotency_keys set status_code = null, body = null where key = 'khoa-nhiem-vu-0004'`,
    );
    expectProblem(await createTask(title, 'khoa-nhiem-vu-0004'), 409, 'request.alreadyApplied');
    expect(await countTasks(title)).toBe(1);
  });

  it('runs again a request that failed, and one that died before its commit', async () => {
    // A refused request frees its key: the corrected retry is a new write (same body, so same key is fine).
    const title = 'Nhiệm vụ lần đầu bị từ chối';
    const refused = await createTask(title, 'khoa-nhiem-vu-0005', {
      leadUnitId: '0190f0f0-0000-7000-8000-000000000000',
    });
    expectProblem(refused, 404, 'unit.notFound');
    expect((await createTask(title, 'khoa-nhiem-vu-0006')).statusCode).toBe(201);
    // A request claimed but never applied (its instance died before the commit) is taken over after a minute.
    const lost = 'Nhiệm vụ của một máy chủ đã dừng';
    expect((await createTask(lost, 'khoa-nhiem-vu-0007')).statusCode).toBe(201);
    await ctx.db.execute(sql`delete from tasks where title = ${lost}`);
    await ctx.db.execute(
      sql`update idempotency_keys set applied_at = null, status_code = null, body = null where key = 'khoa-nhiem-vu-0007'`,
    );
    expectProblem(await createTask(lost, 'khoa-nhiem-vu-0007'), 409, 'request.idempotencyInFlight');
    clock.setClock(new Date(clock.now().getTime() + 2 * 60_000));
    expect((await createTask(lost, 'khoa-nhiem-vu-0007')).statusCode).toBe(201);
    expect(await countTasks(lost)).toBe(1);
  });

  it('keeps an upload once, and forgets keys after 24 hours', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
    const send = () => {
      const file = multipartFile('file', 'minh-chung.pdf', pdf, 'application/pdf');
      return ctx.app.inject({
        method: 'POST',
        url: `${org.url}/files`,
        headers: {
          ...org.seats.member.session.headers,
          'content-type': file.contentType,
          'idempotency-key': 'khoa-tep-0001',
        },
        payload: file.payload,
      });
    };
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const again = await send();
    expect(again.json().id, again.body).toBe(first.json().id);
    const files = await ctx.db.execute(
      sql`select count(*)::int as n from files where sha256 = ${first.json().sha256}`,
    );
    expect(files.rows[0]!.n).toBe(1);

    clock.setClock(new Date(clock.now().getTime() + 25 * 60 * 60_000));
    const title = 'Nhiệm vụ sau 24 giờ';
    expect((await createTask(title, 'khoa-nhiem-vu-0002')).statusCode).toBe(201);
    expect(await forgetOldIdempotencyKeys(ctx.db)).toBeGreaterThan(0);
    const left = await ctx.db.execute(
      sql`select key from idempotency_keys where key in ('khoa-nhiem-vu-0001', 'khoa-tep-0001')`,
    );
    expect(left.rows).toEqual([]);
  });
});
