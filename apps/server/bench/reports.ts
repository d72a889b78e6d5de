// Child process of `npm run bench reports` (issue 15): reports on the national dataset of the follow-up
// benchmark (3,400 committees, 1.7 million tasks) plus 8 meetings with 3 conclusions per committee; the country
// issues a quarterly regime to its 34 provinces and each province one to its communes, every reporter has sent
// the last open quarter. Measured over HTTP like the follow-up: pre-filling one commune's report, a province's
// rollup grid, the national rollup, the province grid's XLSX.
import { randomBytes } from 'node:crypto';
import { todayInVietnam } from '@steerco/contract/datetime';
import { DEFAULT_REPORT_FIELDS, DEFAULT_REPORT_OUTLINE } from '@steerco/contract/reports';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { getWorkingCalendar } from '../src/modules/calendar/calendar.service.ts';
import { periodsOf } from '../src/modules/reports/periods.ts';
import { hashPassword } from '../src/modules/users/passwords.service.ts';
import { sessionIdOf as hashToken } from '../src/modules/users/sessions.service.ts';
import { sessions } from '../src/modules/users/users.schema.ts';
import { openBenchDatabase } from './bench-database.ts';
import { generateOrgDataset } from './org-dataset.ts';
import { generateTaskDataset } from './tasks-dataset.ts';

const logger = pino({ level: 'warn' });
const bench = await openBenchDatabase(logger, 'reports');
const db = bench.db;
const t = performance.now();
await generateOrgDataset(
  db,
  await hashPassword('unused-password-1'),
  Number(process.env.BENCH_COMMITTEES ?? 3_400),
);
await generateTaskDataset(db, Number(process.env.BENCH_TASKS_PER_COMMITTEE ?? 500));
const today = todayInVietnam();

// Meetings: 8 per committee over the last year, 3 conclusions each.
await db.execute(sql`insert into meetings (id, committee_id, kind, title, status, starts_at, ends_at, notice_version,
    notice_sent_at, late_notice_reason)
  select gen_random_uuid(), c.id, (array['quarterly','adHoc','thematic','quarterly'])[1 + k % 4], 'Họp đo tải ' || k, 'closed',
    (${today}::date - 45 * k)::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '8 hours',
    (${today}::date - 45 * k)::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '10 hours', 1,
    (${today}::date - 45 * k - 7)::timestamp at time zone 'Asia/Ho_Chi_Minh',
    case when k % 5 = 0 then 'Họp gấp' end
  from committees c cross join generate_series(1, 8) k where c.name like 'Ban Chỉ đạo đo tải%'`);
await db.execute(sql`insert into conclusions (id, meeting_id, position, text)
  select gen_random_uuid(), m.id, p, 'Kết luận đo tải ' || p from meetings m cross join generate_series(1, 3) p
  where m.title like 'Họp đo tải%'`);

// Regimes: the country → its provinces, each province → its communes.
const cal = await getWorkingCalendar(db);
const year = Number(today.slice(0, 4));
const regime = {
  frequency: 'quarterly' as const,
  cutoffDay: 15,
  deadline: { kind: 'dayOfMonth' as const, day: 20 },
};
const periods = [...periodsOf(regime, year - 1, year, cal)].filter((p) => p.opensOn <= today);
const last = periods.at(-1)!;
await db.execute(sql`create unlogged table bench_regimes as
  select gen_random_uuid() as id, c.id as committee_id from committees c join administrative_units u on u.id = c.unit_id
  where c.name like 'Ban Chỉ đạo đo tải%' and u.level in ('national', 'province')`);
await db.execute(sql`insert into report_regimes (id, committee_id, name, frequency, outline, fields, cutoff_day, deadline, from_year)
  select id, committee_id, 'Báo cáo quý đo tải', 'quarterly', ${JSON.stringify(DEFAULT_REPORT_OUTLINE)}::jsonb,
    ${JSON.stringify(DEFAULT_REPORT_FIELDS)}::jsonb, 15, ${JSON.stringify(regime.deadline)}::jsonb, ${year - 1} from bench_regimes`);
await db.execute(sql`insert into report_regime_reporters (regime_id, reporter_committee_id)
  select r.id, c.id from bench_regimes r join committees c on c.parent_id = r.committee_id`);
for (const p of periods) {
  await db.execute(sql`insert into report_periods (id, regime_id, kind, code, label, from_date, to_date, deadline, opens_on)
    select gen_random_uuid(), id, 'periodic', ${p.code}, ${p.label}, ${p.from}::date, ${p.to}::date, ${p.deadline}::date,
      ${p.opensOn}::date from bench_regimes`);
}
// Every reporter sent every period but the last, which 90% sent (a tenth are missing).
const values = sql`jsonb_build_object(${sql.join(
  DEFAULT_REPORT_FIELDS.filter((f) => f.rollup !== 'ratio').map(
    (f, i) => sql`${f.key}::text, (abs(hashtext(rr.reporter_committee_id::text || p.code)) % ${50 + i})`,
  ),
  sql`, `,
)})`;
await db.execute(sql`insert into reports (id, period_id, reporter_committee_id, status, version, computed, values, narrative,
    submitted_at, first_submitted_at)
  select gen_random_uuid(), p.id, rr.reporter_committee_id, case when p.code = ${last.code} then 'submitted' else 'accepted' end, 1,
    ${values}, ${values}, '[]'::jsonb, p.deadline::timestamp, p.deadline::timestamp
  from report_periods p join report_regime_reporters rr on rr.regime_id = p.regime_id
  where p.regime_id in (select id from bench_regimes)
    and (p.code <> ${last.code} or abs(hashtext(rr.reporter_committee_id::text)) % 10 <> 0)`);
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
const headOf = async (committeeId: string) =>
  (
    await one<{ user_id: string }>(
      sql`select user_id from memberships where committee_id = ${committeeId} and role = 'head' limit 1`,
    )
  ).user_id;

const province = await one<{ committee_id: string; period_id: string; reporters: number }>(sql`
  select r.committee_id, p.id as period_id, (select count(*) from report_regime_reporters x where x.regime_id = r.id)::int as reporters
  from bench_regimes r join committees c on c.id = r.committee_id join administrative_units u on u.id = c.unit_id
  join report_periods p on p.regime_id = r.id and p.code = ${last.code}
  where u.level = 'province' order by c.name limit 1`);
const national = await one<{ committee_id: string; period_id: string }>(sql`
  select r.committee_id, p.id as period_id from bench_regimes r join committees c on c.id = r.committee_id
  join administrative_units u on u.id = c.unit_id join report_periods p on p.regime_id = r.id and p.code = ${last.code}
  where u.level = 'national'`);
const communes = (
  await db.execute<{ id: string }>(
    sql`select c.id from committees c where c.parent_id = ${province.committee_id} order by c.id`,
  )
).rows.map((r) => r.id);
const provinceHead = await sessionOf(await headOf(province.committee_id));
const nationalHead = await sessionOf(await headOf(national.committee_id));
const communeHeads = await Promise.all(
  communes.map(async (id) => ({ id, headers: await sessionOf(await headOf(id)) })),
);
const counts = await one<{ reports: number; meetings: number; tasks: number }>(sql`select
  (select count(*) from reports)::int as reports, (select count(*) from meetings)::int as meetings,
  (select count(*) from tasks)::int as tasks`);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
async function measure(
  runs: number,
  request: (i: number) => Promise<Response>,
  after?: (i: number) => Promise<void>,
) {
  const times: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const started = performance.now();
    const res = await request(i);
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${res.status} ${Buffer.from(body).toString()}`);
    if (i >= 20) times.push(performance.now() - started); // the first 20 warm the caches
    await after?.(i);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1)! };
}

const provinceRollup = await measure(200, () =>
  fetch(`${base}/report-periods/${province.period_id}/rollup`, { headers: provinceHead }),
);
const nationalRollup = await measure(200, () =>
  fetch(`${base}/report-periods/${national.period_id}/rollup`, { headers: nationalHead }),
);
const xlsx = await measure(30, () =>
  fetch(`${base}/report-periods/${province.period_id}/rollup.xlsx`, { headers: provinceHead }),
);

// Pre-filling: a commune opens the last quarter's report afresh (the sent ones removed first, and each new one
// after its run, untimed).
await db.execute(sql`delete from reports where period_id = ${province.period_id}`);
const prefill = await measure(
  200,
  (i) => {
    const c = communeHeads[i % communeHeads.length]!;
    return fetch(`${base}/report-periods/${province.period_id}/reports`, {
      method: 'POST',
      headers: { ...c.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ reporterCommitteeId: c.id }),
    });
  },
  async (i) => {
    const c = communeHeads[i % communeHeads.length]!;
    await db.execute(
      sql`delete from reports where period_id = ${province.period_id} and reporter_committee_id = ${c.id}`,
    );
  },
);
process.send?.({
  generatedMs,
  counts,
  communes: province.reporters,
  prefill,
  provinceRollup,
  nationalRollup,
  xlsx,
});
await app.close();
await bench.close();
process.exit(0);
