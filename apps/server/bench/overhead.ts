// `npm run bench overhead` (issue 18): what each hot read costs over the SQL it runs. The app runs in a child
// process as production runs it; for each endpoint the statements one request sends are captured, then 500
// keep-alive HTTP requests are interleaved with replays of the same statements on one connection, drawing from
// many users and records. Prints HTTP and SQL p50/p95, their ratio against the 1.5× target, on the demo data and
// on the national dataset (3,400 committees, 1.7 million tasks; `-- --keep` / `-- --reuse` keep it between runs).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import type { Db } from '../src/db/client.ts';
import { hashPassword } from '../src/modules/users/passwords.service.ts';
import { sessionIdOf } from '../src/modules/users/sessions.service.ts';
import { sessions } from '../src/modules/users/users.schema.ts';
import { openBenchDatabase } from './bench-database.ts';
import { generateOrgDataset } from './org-dataset.ts';
import type { CapturedStatement } from './overhead-server.ts';
import { generateTaskDataset } from './tasks-dataset.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const TARGET = 1.5;
const MIXED_REQUESTS = Number(process.env.BENCH_MIXED ?? 10_000);
const logger = pino({ level: 'warn' });

interface Target {
  url: string;
  cookie: string;
}
type Endpoint = { name: string; targets: Target[] };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function sessionCookie(db: Db, userId: string) {
  const token = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: sessionIdOf(token),
    userId,
    csrfToken: 'bench',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return `steerco_session=${token}`;
}

/** The hot reads of the issue, each for up to 20 different people and records of the dataset. */
async function endpointsOf(db: Db): Promise<Endpoint[]> {
  const rows = async <R>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as unknown as R[];
  // The demo accounts must change their password first; the people measured here already have.
  await db.execute(sql`update users set must_change_password = false where must_change_password`);
  // A register of 60 documents for 30 committees that have none (the demo data has no issued documents).
  await db.execute(sql`insert into documents (id, committee_id, direction, type, status, number, year, number_text,
      issued_on, title, body_text, issuer)
    select gen_random_uuid(), c.id, case when k % 3 = 0 then 'incoming' else 'outgoing' end,
      (array['decision','notice','invitation','minutes','plan','report'])[1 + k % 6],
      case when k % 3 = 0 then 'received' else 'issued' end, case when k % 3 <> 0 then k end, 2026, k || '/TB-BCĐ',
      current_date - k, 'Văn bản đo tải số ' || k, 'Nội dung về chuyển đổi số và cải cách hành chính ' || k,
      case when k % 3 = 0 then 'Ủy ban nhân dân tỉnh' end
    from (select id from committees c where not exists (select from documents d where d.committee_id = c.id)
      order by id limit 30) c, generate_series(1, 60) k`);
  const cookies = new Map<string, string>();
  const cookieOf = async (userId: string) => {
    if (!cookies.has(userId)) cookies.set(userId, await sessionCookie(db, userId));
    return cookies.get(userId)!;
  };
  const targets = async <R extends { user_id: string }>(q: ReturnType<typeof sql>, url: (r: R) => string) =>
    Promise.all((await rows<R>(q)).map(async (r) => ({ url: url(r), cookie: await cookieOf(r.user_id) })));

  // The members answering for the most tasks.
  const busy = sql`select m.user_id from tasks t join memberships m on m.id = t.responsible_membership_id
    group by m.user_id order by count(*) desc limit 20`;
  const heads = sql`select distinct on (committee_id) committee_id, user_id from memberships
    where role = 'head' and user_id is not null and end_date is null order by committee_id, random() limit 20`;
  const headsOfTasks = sql`select t.id as task_id, m.user_id from (select id, committee_id from tasks order by random() limit 20) t
    join lateral (select user_id from memberships m where m.committee_id = t.committee_id and m.role = 'head'
      limit 1) m on true`;
  const meetingManagers = sql`select mt.id as meeting_id, m.user_id from meetings mt
    join memberships m on m.committee_id = mt.committee_id and m.role = 'head' and m.user_id is not null
    order by mt.starts_at desc limit 20`;
  const documentReaders = sql`select d.committee_id, m.user_id from (select distinct committee_id from documents) d
    join memberships m on m.committee_id = d.committee_id and m.role = 'head' and m.user_id is not null limit 20`;
  type C = { committee_id: string; user_id: string };
  return (
    [
      {
        name: 'my tasks, 200 per page (GET /tasks/mine?limit=200)',
        targets: await targets(busy, () => '/tasks/mine?limit=200'),
      },
      {
        name: 'my tasks as the web app opens it (limit=30)',
        targets: await targets(busy, () => '/tasks/mine?limit=30'),
      },
      {
        name: 'committee page (GET /committees/{id})',
        targets: await targets<C>(heads, (r) => `/committees/${r.committee_id}`),
      },
      {
        name: 'committee members (GET /committees/{id}/members)',
        targets: await targets<C>(heads, (r) => `/committees/${r.committee_id}/members`),
      },
      {
        name: 'meeting page (GET /meetings/{id})',
        targets: await targets<{ meeting_id: string; user_id: string }>(
          meetingManagers,
          (r) => `/meetings/${r.meeting_id}`,
        ),
      },
      {
        name: 'task page (GET /tasks/{id})',
        targets: await targets<{ task_id: string; user_id: string }>(
          headsOfTasks,
          (r) => `/tasks/${r.task_id}`,
        ),
      },
      {
        name: 'documents register (GET /documents?committeeId=)',
        targets: await targets<C>(documentReaders, (r) => `/documents?committeeId=${r.committee_id}`),
      },
      { name: 'dashboard (GET /dashboard)', targets: await targets<C>(heads, () => '/dashboard') },
    ]
      // BENCH_ONLY=<words> keeps the endpoints whose name contains them.
      .filter((e) => e.targets.length > 0 && e.name.includes(process.env.BENCH_ONLY ?? ''))
  );
}

function startServer(url: string) {
  const child = fork(path.join(here, 'overhead-server.ts'), {
    // BENCH_CPU_PROF=<dir> writes the server's CPU profile there (node --cpu-prof) to see where the time goes.
    execArgv: [
      // As `npm start` runs it: V8 collects garbage before growing the heap, so the process stays near its size
      // after start (about 145 MB instead of climbing past 300 MB under load) at no measurable cost in latency.
      '--optimize-for-size',
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      // BENCH_GC=1: a full collection before the memory is read, to tell garbage from what is kept.
      ...(process.env.BENCH_GC ? ['--expose-gc'] : []),
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    ],
    stdio: 'inherit',
    env: { ...process.env, BENCH_DB_URL: url },
  });
  let waiting: ((m: never) => void) | null = null;
  child.on('message', (m) => waiting?.(m as never));
  const ask = <T>(m: object) =>
    new Promise<T>((resolve) => {
      waiting = resolve as never;
      child.send(m);
    });
  const ready = new Promise<number>((resolve, reject) => {
    waiting = ((m: { port: number }) => resolve(m.port)) as never;
    child.once('exit', (code) => reject(new Error(`overhead server exited with ${code}`)));
  });
  return {
    ready,
    capture: () => ask<{ ok: true }>({ capture: true }),
    captured: () => ask<{ statements: CapturedStatement[] }>({ capture: false }),
    rss: () => ask<{ rss: number; heapUsed: number; heapAfterGc: number; rssAfterGc: number }>({ rss: true }),
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ stop: true });
      await exited;
    },
  };
}

async function measureDataset(label: 'demo' | 'national') {
  const bench = await openBenchDatabase(logger, label);
  let description = 'the demo data (ward Phúc La and its neighbours)';
  if (label === 'national') {
    const data = await bench.dataset('national', async (db) => {
      await generateOrgDataset(
        db,
        await hashPassword('unused-password-1'),
        Number(process.env.BENCH_COMMITTEES ?? 3_400),
      );
      return generateTaskDataset(db, Number(process.env.BENCH_TASKS_PER_COMMITTEE ?? 500));
    });
    description = `the national dataset (${data.counts.tasks.toLocaleString('en')} tasks)`;
  }
  const endpoints = await endpointsOf(bench.db);
  const server = startServer(bench.url);
  const port = await server.ready;
  const rssAtStart = (await server.rss()).rss;
  const replay = new pg.Client({ connectionString: bench.url });
  await replay.connect();
  const results = [];
  try {
    for (const e of endpoints) {
      const statements: CapturedStatement[][] = [];
      for (const t of e.targets) {
        await request(port, t); // warms the server's caches before the statements are captured
        await server.capture();
        await request(port, t);
        statements.push((await server.captured()).statements);
      }
      // BENCH_SHOW_SQL=1 prints the statements of each endpoint's first request.
      if (process.env.BENCH_SHOW_SQL)
        console.log(`\n${e.name}\n${statements[0]!.map((s) => `  [${s.name ?? ''}] ${s.text}`).join('\n')}`);
      const http: number[] = [];
      const db: number[] = [];
      for (let i = 0; i < RUNS + 20; i++) {
        const k = i % e.targets.length;
        let started = performance.now();
        await request(port, e.targets[k]!);
        const h = performance.now() - started;
        started = performance.now();
        for (const s of statements[k]!) await replay.query(s as pg.QueryConfig);
        const d = performance.now() - started;
        if (i >= 20) {
          http.push(h);
          db.push(d);
        }
      }
      http.sort((a, b) => a - b);
      db.sort((a, b) => a - b);
      const ratio50 = percentile(http, 0.5) / percentile(db, 0.5);
      const ratio95 = percentile(http, 0.95) / percentile(db, 0.95);
      results.push({
        endpoint: e.name,
        statements: Math.round(statements.reduce((n, s) => n + s.length, 0) / statements.length),
        'HTTP p50': percentile(http, 0.5).toFixed(2),
        'HTTP p95': percentile(http, 0.95).toFixed(2),
        'SQL p50': percentile(db, 0.5).toFixed(2),
        'SQL p95': percentile(db, 0.95).toFixed(2),
        'ratio p50': `${ratio50.toFixed(2)}×`,
        'ratio p95': `${ratio95.toFixed(2)}×`,
        [`≤ ${TARGET}×`]: ratio50 <= TARGET && ratio95 <= TARGET ? '✔' : '✘',
      });
    }
    // Memory: RSS after 10,000 mixed requests (every endpoint, every person) beside RSS right after start.
    const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
    const mixed = endpoints.flatMap((e) => e.targets);
    for (let i = 0; i < MIXED_REQUESTS; i++) await request(port, mixed[i % mixed.length]!);
    const memory = await server.rss();
    const rss = memory.rss;
    if (process.env.BENCH_GC)
      console.log(
        `heap ${mb(memory.heapUsed)}, after a full GC ${mb(memory.heapAfterGc)}, RSS after it ${mb(memory.rssAfterGc)}`,
      );
    const memoryMet = rss <= rssAtStart * 1.1 && rss < 200 * 1048576;
    console.log(
      `\nOverhead on ${description}: ${RUNS} keep-alive requests per endpoint interleaved with replays of their SQL on one connection (ms)`,
    );
    console.table(results);
    console.log(
      `Server RSS: ${mb(rssAtStart)} after start, ${mb(rss)} after ${MIXED_REQUESTS.toLocaleString('en')} more mixed requests (target: within 10 % of the start and under 200 MB) ${memoryMet ? '✔' : '✘'}`,
    );
  } finally {
    await replay.end();
    await server.stop();
    await bench.close();
  }
}

async function request(port: number, t: Target) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1${t.url}`, { headers: { cookie: t.cookie } });
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${t.url}: ${res.status} ${Buffer.from(body).toString()}`);
}

export async function benchOverhead() {
  const datasets = (process.env.BENCH_DATASETS ?? 'demo,national').split(',');
  for (const d of datasets) await measureDataset(d as 'demo' | 'national');
}
