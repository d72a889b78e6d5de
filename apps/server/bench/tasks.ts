// Child process of `npm run bench tasks` (issues 8 and 18): the follow-up queries on a national dataset — 3,400
// committees, 1.7 million tasks, 10 million history and progress rows — and the daily reminder run over it.
// The server runs as in production (request logging on at the default level); each figure is drawn from many
// people and committees, warm (after 20 warm-up requests) and cold (right after PostgreSQL restarted), and the
// list queries are measured with random_page_cost 1.1 and 4.
import { randomBytes } from 'node:crypto';
import { todayInVietnam } from '@steerco/contract/datetime';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { getWorkingCalendar } from '../src/modules/calendar/calendar.service.ts';
import { runTaskReminders } from '../src/modules/tasks/reminders.service.ts';
import { hashPassword } from '../src/modules/users/passwords.service.ts';
import { sessionIdOf as hashToken } from '../src/modules/users/sessions.service.ts';
import { sessions } from '../src/modules/users/users.schema.ts';
import { openBenchDatabase } from './bench-database.ts';
import { generateOrgDataset } from './org-dataset.ts';
import { generateTaskDataset } from './tasks-dataset.ts';

const logger = pino({ level: 'warn' });
const bench = await openBenchDatabase(logger, 'national');
let t = performance.now();
// Smaller sizes for a quick check of the script: BENCH_COMMITTEES=200 BENCH_TASKS_PER_COMMITTEE=50.
const data = await bench.dataset('national', async (db) => {
  await generateOrgDataset(
    db,
    await hashPassword('unused-password-1'),
    Number(process.env.BENCH_COMMITTEES ?? 3_400),
  );
  return generateTaskDataset(db, Number(process.env.BENCH_TASKS_PER_COMMITTEE ?? 500));
});
const generatedMs = bench.reused ? 0 : performance.now() - t;

// The people measured here have changed their first password already.
await bench.db.execute(sql`update users set must_change_password = false where must_change_password`);
const rows = async <R>(db: Db, q: ReturnType<typeof sql>) => (await db.execute(q)).rows as unknown as R[];
async function sessionOf(userId: string) {
  const token = randomBytes(24).toString('base64url');
  await bench.db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken: 'bench',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return { cookie: `steerco_session=${token}` };
}
const headOf = async (committeeId: string) =>
  (
    await rows<{ user_id: string }>(
      bench.db,
      sql`select user_id from memberships where committee_id = ${committeeId} and role = 'head' limit 1`,
    )
  )[0]!.user_id;

// Many people and committees, so no figure is one URL on warm caches: the member answering for 200 tasks
// and 19 members of other communes; 20 commune heads; the directives of 20 provinces.
const members = [
  await sessionOf(data.busy.user_id),
  ...(await Promise.all(
    (
      await rows<{ user_id: string }>(
        bench.db,
        sql`select m.user_id from memberships m join (select distinct on (committee_id) responsible_membership_id id
          from tasks where responsible_membership_id is not null and committee_id <> ${data.busy.committee_id}
          and committee_id in (select id from committees order by id limit 400) order by committee_id) r on r.id = m.id
        order by m.id limit 19`,
      )
    ).map((r) => sessionOf(r.user_id)),
  )),
];
const communes = await Promise.all(
  (
    await rows<{ committee_id: string; user_id: string }>(
      bench.db,
      sql`select c.id as committee_id, m.user_id from committees c join administrative_units u on u.id = c.unit_id
        join memberships m on m.committee_id = c.id and m.role = 'head'
      where u.level = 'commune' and c.name like 'Ban Chỉ đạo đo tải%' order by c.id limit 20`,
    )
  ).map(async (r) => ({ committeeId: r.committee_id, ...(await sessionOf(r.user_id)) })),
);
const directives = await Promise.all(
  (
    await rows<{ task_id: string; committee_id: string; copies: number }>(
      bench.db,
      sql`select t.id as task_id, t.committee_id,
        (select count(*) from tasks c where c.cascade_root_id = t.id)::int - 1 as copies
      from tasks t where t.cascade_root_id = t.id and t.title = 'Chỉ thị đo tải của tỉnh' order by t.id limit 20`,
    )
  ).map(async (r) => ({ ...r, ...(await sessionOf(await headOf(r.committee_id))) })),
);
const nationalHead = await sessionOf(await headOf(data.nationalCommitteeId));

/** The app as production runs it: request logging at the default level (to /dev/null, not a terminal). */
async function startApp() {
  const config = loadConfig({ ...process.env, DATABASE_URL: bench.url, LOG_LEVEL: 'info' });
  const appLogger = pino({ level: config.LOG_LEVEL }, pino.destination({ dest: '/dev/null', sync: true }));
  const app = await buildApp({ db: bench.db, config, logger: appLogger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1` };
}
let server = await startApp();

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function measure(
  runs: number,
  warmup: number,
  request: (i: number) => { url: string; cookie: string },
  check: (b: never) => void,
) {
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const { url, cookie } = request(i);
    const started = performance.now();
    const res = await fetch(`${server.base}${url}`, { headers: { cookie } });
    const body = await res.json();
    if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
    check(body as never);
    if (i >= warmup) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

let myTotal = 0;
const lists = (runs: number, warmup: number) => ({
  // The largest page the API allows, for 20 members (the first answers for 200 tasks).
  myTasks: () =>
    measure(
      runs,
      warmup,
      (i) => ({ url: '/tasks/mine?role=responsible&limit=200', ...members[i % members.length]! }),
      (b: { total: number }) => {
        myTotal = Math.max(myTotal, b.total);
      },
    ),
  // The page as the web app opens it: every role, the first 30 (the list loads more as one scrolls).
  myTasksFirstPage: () =>
    measure(
      runs,
      warmup,
      (i) => ({ url: '/tasks/mine?limit=30', ...members[i % members.length]! }),
      (b: { items: unknown[] }) => {
        if (!b.items.length) throw new Error('my tasks, first page: empty');
      },
    ),
  committeeList: () => {
    const cursors = new Map<string, string>();
    return measure(
      runs,
      warmup,
      (i) => {
        const c = communes[i % communes.length]!;
        const cursor = Math.floor(i / communes.length) % 2 ? cursors.get(c.committeeId) : undefined;
        return {
          url: `/committees/${c.committeeId}/tasks?status=inProgress&domain=CDS&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          cookie: c.cookie,
        };
      },
      (b: { items: { committeeId: string }[]; nextCursor: string | null }) => {
        if (!b.items.length) throw new Error('committee list: empty');
        if (b.nextCursor) cursors.set(b.items[0]!.committeeId, b.nextCursor);
      },
    );
  },
  rollup: () =>
    measure(
      runs,
      warmup,
      (i) => {
        const d = directives[i % directives.length]!;
        return { url: `/tasks/${d.task_id}/rollup`, cookie: d.cookie };
      },
      (b: { rows: unknown[] }) => {
        if (!b.rows.length) throw new Error('rollup: empty');
      },
    ),
  counters: () =>
    measure(
      runs,
      warmup,
      () => ({ url: `/committees/${data.nationalCommitteeId}/tasks/counters`, ...nationalHead }),
      (b: { total: number }) => {
        if (b.total < data.counts.tasks * 0.9)
          throw new Error(`counters: ${b.total} of ${data.counts.tasks}`);
      },
    ),
});

async function measureAll(runs: number, warmup: number) {
  const m = lists(runs, warmup);
  return {
    myTasks: await m.myTasks(),
    myTasksFirstPage: await m.myTasksFirstPage(),
    committeeList: await m.committeeList(),
    rollup: await m.rollup(),
    counters: await m.counters(),
  };
}
const warm = await measureAll(300, 20);

// Cold: PostgreSQL restarted (its shared buffers empty), the first 40 requests of each figure.
await server.app.close();
const restarted = await bench.restartPostgres();
server = await startApp();
const cold = await measureAll(40, 0);

// random_page_cost: the README advises 1.1 on SSD; measure the list queries with both settings.
const dbName = new URL(bench.url).pathname.slice(1);
const pageCost: Record<string, { myTasks: P; committeeList: P }> = {};
type P = { p50: number; p95: number };
for (const cost of ['4', '1.1']) {
  await bench.db.execute(sql.raw(`alter database "${dbName}" set random_page_cost = ${cost}`));
  await server.app.close();
  await bench.restartPostgres(); // new connections pick the setting up
  server = await startApp();
  const m = lists(200, 20);
  pageCost[cost] = { myTasks: await m.myTasks(), committeeList: await m.committeeList() };
}
await bench.db.execute(sql.raw(`alter database "${dbName}" reset random_page_cost`));

// The run does nothing on days off: measure it on the next working day, 08:00 in Viet Nam, in a transaction
// rolled back afterwards so a kept dataset stays as generated.
const calendar = await getWorkingCalendar(bench.db);
const today = todayInVietnam();
const runDay = calendar.isWorkingDay(today) ? today : calendar.addWorkingDays(today, 1);
const runAt = new Date(`${runDay}T08:00:00+07:00`);
class RollBack extends Error {}
const reminders = { ms: 0, sent: 0, rerunMs: 0, rerunSent: 0 };
await bench.db
  .transaction(async (tx) => {
    const opts = { now: runAt, publicUrl: 'https://bcd.example.gov.vn' };
    t = performance.now();
    reminders.sent = (await runTaskReminders(tx as unknown as Db, opts)).reminders;
    reminders.ms = performance.now() - t;
    t = performance.now();
    reminders.rerunSent = (await runTaskReminders(tx as unknown as Db, opts)).reminders;
    reminders.rerunMs = performance.now() - t;
    throw new RollBack();
  })
  .catch((err) => {
    if (!(err instanceof RollBack)) throw err;
  });

process.send?.({
  generatedMs,
  reused: bench.reused,
  counts: data.counts,
  copies: directives[0]!.copies,
  myTotal,
  warm,
  cold,
  coldRestarted: restarted,
  pageCost,
  reminders,
});
await server.app.close();
await bench.close();
process.exit(0);
