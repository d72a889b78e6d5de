// Child process of `npm run bench tasks` (issue 8): the follow-up queries on a national dataset — 3,400
// committees, 1.7 million tasks, 10 million history and progress rows — and the daily reminder run over it.
import { randomBytes } from 'node:crypto';
import { todayInVietnam } from '@steerco/contract/datetime';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { getWorkingCalendar } from '../src/modules/calendar/calendar.service.ts';
import { runTaskReminders } from '../src/modules/tasks/reminders.service.ts';
import { hashPassword } from '../src/modules/users/passwords.service.ts';
import { sessionIdOf as hashToken } from '../src/modules/users/sessions.service.ts';
import { sessions } from '../src/modules/users/users.schema.ts';
import { openBenchDatabase } from './bench-database.ts';
import { generateOrgDataset } from './org-dataset.ts';
import { generateTaskDataset } from './tasks-dataset.ts';

const logger = pino({ level: 'warn' });
const bench = await openBenchDatabase(logger, 'tasks');
const db = bench.db;
let t = performance.now();
// Smaller sizes for a quick check of the script: BENCH_COMMITTEES=200 BENCH_TASKS_PER_COMMITTEE=50.
await generateOrgDataset(
  db,
  await hashPassword('unused-password-1'),
  Number(process.env.BENCH_COMMITTEES ?? 3_400),
);
const data = await generateTaskDataset(db, Number(process.env.BENCH_TASKS_PER_COMMITTEE ?? 500));
const generatedMs = performance.now() - t;

const config = loadConfig({ ...process.env, DATABASE_URL: bench.url, LOG_LEVEL: 'warn' });
const app = await buildApp({ db, config, logger });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1`;

async function sessionOf(userId: string) {
  const token = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken: 'bench',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return { cookie: `steerco_session=${token}` };
}
const headOf = async (committeeId: string) =>
  (
    await db.execute<{ user_id: string }>(
      sql`select user_id from memberships where committee_id = ${committeeId} and role = 'head' limit 1`,
    )
  ).rows[0]!.user_id;

const member = await sessionOf(data.busy.user_id);
const communeHead = await sessionOf(await headOf(data.busy.committee_id));
const provinceHead = await sessionOf(await headOf(data.directive.committee_id));
const nationalHead = await sessionOf(await headOf(data.nationalCommitteeId));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function measure(
  runs: number,
  url: (i: number) => string,
  headers: Record<string, string>,
  check: (b: never) => void,
) {
  const times: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${url(i)}`, { headers });
    const body = await res.json();
    if (!res.ok) throw new Error(`${url(i)}: ${res.status} ${JSON.stringify(body)}`);
    check(body as never);
    if (i >= 20) times.push(performance.now() - started); // the first 20 warm the caches
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

// The member answers for 200 tasks as the responsible member, and sees more through their unit's tasks.
let myTotal = 0;
const myTasks = await measure(
  300,
  () => '/tasks/mine?role=responsible&limit=200',
  member,
  (b: { total: number }) => {
    if (b.total < 200) throw new Error(`my tasks: ${b.total}`);
    myTotal = b.total;
  },
);
// The page as the web app opens it: every role, the first 30 (the list loads more as one scrolls).
const myTasksFirstPage = await measure(
  300,
  () => '/tasks/mine?limit=30',
  member,
  (b: { items: unknown[] }) => {
    if (b.items.length !== 30) throw new Error(`my tasks, first page: ${b.items.length}`);
  },
);
let cursor: string | null = null;
const committeeList = await measure(
  300,
  (i) =>
    `/committees/${data.busy.committee_id}/tasks?status=inProgress&domain=CDS&limit=50${i % 2 && cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  communeHead,
  (b: { items: unknown[]; nextCursor: string | null }) => {
    if (!b.items.length) throw new Error('committee list: empty');
    cursor = b.nextCursor ?? cursor;
  },
);
const rollup = await measure(
  300,
  () => `/tasks/${data.directive.task_id}/rollup`,
  provinceHead,
  (b: { rows: unknown[] }) => {
    if (b.rows.length !== data.directive.copies) throw new Error(`rollup: ${b.rows.length}`);
  },
);
const counters = await measure(
  300,
  () => `/committees/${data.nationalCommitteeId}/tasks/counters`,
  nationalHead,
  (b: { total: number }) => {
    if (b.total !== data.counts.tasks) throw new Error(`counters: ${b.total} of ${data.counts.tasks}`);
  },
);

// The run does nothing on days off: measure it on the next working day, 08:00 in Viet Nam.
const calendar = await getWorkingCalendar(db);
const today = todayInVietnam();
const runDay = calendar.isWorkingDay(today) ? today : calendar.addWorkingDays(today, 1);
const runAt = new Date(`${runDay}T08:00:00+07:00`);
t = performance.now();
const reminders = await runTaskReminders(db, { now: runAt, publicUrl: 'https://bcd.example.gov.vn' });
const reminderMs = performance.now() - t;
t = performance.now();
const rerun = await runTaskReminders(db, { now: runAt, publicUrl: 'https://bcd.example.gov.vn' });
const rerunMs = performance.now() - t;

process.send?.({
  generatedMs,
  counts: data.counts,
  copies: data.directive.copies,
  myTasks,
  myTasksFirstPage,
  myTotal,
  committeeList,
  rollup,
  counters,
  reminders: { ms: reminderMs, sent: reminders.reminders, rerunMs, rerunSent: rerun.reminders },
});
await app.close();
await bench.close();
process.exit(0);
