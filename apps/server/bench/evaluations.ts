// Child process of `npm run bench evaluations` (issue 20, R17): the annual evaluation of members on the national
// dataset of the follow-up benchmark (3,400 committees of 25 seats, 1.7 million tasks) plus 8 held meetings per
// committee with every seat invited (checked in, substituted, excused or absent). Measured over HTTP: one
// member's year (GET /evaluations/:id/members/:memberId) on the commune whose member answers for 200 tasks, and
// a province committee's whole evaluation with its summary (GET /evaluations/:id) and the XLSX.
import { randomBytes } from 'node:crypto';
import { todayInVietnam } from '@steerco/contract/datetime';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { hashPassword } from '../src/modules/users/passwords.service.ts';
import { sessionIdOf as hashToken } from '../src/modules/users/sessions.service.ts';
import { sessions } from '../src/modules/users/users.schema.ts';
import { openBenchDatabase } from './bench-database.ts';
import { generateOrgDataset } from './org-dataset.ts';
import { generateTaskDataset } from './tasks-dataset.ts';

const logger = pino({ level: 'warn' });
const bench = await openBenchDatabase(logger, 'evaluations');
const db = bench.db;
const t = performance.now();
await generateOrgDataset(
  db,
  await hashPassword('unused-password-1'),
  Number(process.env.BENCH_COMMITTEES ?? 3_400),
);
await generateTaskDataset(db, Number(process.env.BENCH_TASKS_PER_COMMITTEE ?? 500));
const today = todayInVietnam();
const year = Number(today.slice(0, 4));

// Meetings: 8 held per committee this year (as far as today allows), every seat invited.
await db.execute(sql`insert into meetings (id, committee_id, kind, title, status, starts_at, ends_at)
  select gen_random_uuid(), c.id, 'quarterly', 'Họp đo tải ' || k, 'closed',
    (greatest(${`${year}-01-05`}::date, ${today}::date - 30 * k))::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '8 hours',
    (greatest(${`${year}-01-05`}::date, ${today}::date - 30 * k))::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '10 hours'
  from committees c cross join generate_series(1, 8) k where c.name like 'Ban Chỉ đạo đo tải%'`);
await db.execute(sql`insert into meeting_attendees (id, meeting_id, user_id, membership_id, kind, response, approval, checked_in_at)
  select gen_random_uuid(), mt.id, m.user_id, m.id, 'member',
    (array['attend','attend','substitute','absent','absent'])[1 + abs(hashtext(m.id::text || mt.id::text)) % 5],
    case when abs(hashtext(m.id::text || mt.id::text)) % 5 = 3 then 'approved' end,
    case when abs(hashtext(m.id::text || mt.id::text)) % 5 < 2 then mt.starts_at end
  from meetings mt join memberships m on m.committee_id = mt.committee_id and m.role <> 'guest'
  where mt.title like 'Họp đo tải%'`);

// The year's evaluation opened in every committee (as the standing agency would), every seat in it.
await db.execute(sql`insert into evaluation_cycles (id, committee_id, year, scheme_code, deadline, status)
  select gen_random_uuid(), c.id, ${year}, 'nd335-2025', ${`${year}-12-14`}::date, 'open'
  from committees c where c.name like 'Ban Chỉ đạo đo tải%'`);
await db.execute(sql`insert into evaluation_members (id, cycle_id, user_id, self_scores)
  select gen_random_uuid(), e.id, m.user_id, '{"I.1":5,"I.2":4.5,"II.1":2.5,"II.2":2,"II.3":2.5,"II.4":2.5,"III":7}'::jsonb
  from evaluation_cycles e join memberships m on m.committee_id = e.committee_id and m.role <> 'guest'
  on conflict do nothing`);
await db.execute(sql`vacuum analyze`);
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
  return { cookie: `steerco_session=${token}`, 'x-csrf-token': 'bench' };
}
const one = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows[0] as T;
const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];
const headOf = async (committeeId: string) =>
  (
    await one<{ user_id: string }>(
      sql`select user_id from memberships where committee_id = ${committeeId} and role = 'head' limit 1`,
    )
  ).user_id;

// The commune whose member answers for 200 tasks (tasks-dataset), and a province committee.
const busy = await one<{ committee_id: string }>(sql`select t.committee_id from tasks t
  group by t.committee_id, t.responsible_membership_id order by count(*) desc limit 1`);
const province = await one<{
  id: string;
}>(sql`select c.id from committees c join administrative_units u on u.id = c.unit_id
  where u.level = 'province' and c.name like 'Ban Chỉ đạo đo tải%' order by c.name limit 1`);
const cycleOf = async (committeeId: string) =>
  (await one<{ id: string }>(sql`select id from evaluation_cycles where committee_id = ${committeeId}`)).id;
const busyCycle = await cycleOf(busy.committee_id);
const provinceCycle = await cycleOf(province.id);
const busyMembers = await rows<{ id: string }>(
  sql`select id from evaluation_members where cycle_id = ${busyCycle} order by id`,
);
const busyHead = await sessionOf(await headOf(busy.committee_id));
const provinceHead = await sessionOf(await headOf(province.id));
const counts = await one<{ tasks: number; attendees: number; members: number }>(sql`select
  (select count(*) from tasks)::int as tasks, (select count(*) from meeting_attendees)::int as attendees,
  (select count(*) from evaluation_members)::int as members`);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
async function measure(runs: number, request: (i: number) => Promise<Response>) {
  const times: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const started = performance.now();
    const res = await request(i);
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${res.status} ${Buffer.from(body).toString()}`);
    if (i >= 20) times.push(performance.now() - started); // the first 20 warm the caches
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1)! };
}

const memberYear = await measure(200, (i) =>
  fetch(`${base}/evaluations/${busyCycle}/members/${busyMembers[i % busyMembers.length]!.id}`, {
    headers: busyHead,
  }),
);
const busiest = await measure(100, () => fetch(`${base}/evaluations/${busyCycle}`, { headers: busyHead }));
const provinceSummary = await measure(100, () =>
  fetch(`${base}/evaluations/${provinceCycle}`, { headers: provinceHead }),
);
const xlsx = await measure(30, () =>
  fetch(`${base}/evaluations/${provinceCycle}/summary.xlsx`, { headers: provinceHead }),
);
process.send?.({ generatedMs, counts, memberYear, busiest, provinceSummary, xlsx });
await app.close();
await bench.close();
process.exit(0);
