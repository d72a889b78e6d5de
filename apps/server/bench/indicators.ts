// Child process of `npm run bench indicators` (issue 16): scorecards, rankings and the national view on a
// national dataset — 3,400 committees × 40 monthly indicators × 12 periods (1.6 million approved values) —
// read from the summary table the writes maintain.
import { randomBytes } from 'node:crypto';
import { CreateFrameworkBody } from '@steerco/contract/indicators';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import * as clock from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { insertFramework } from '../src/modules/indicators/catalogue.repo.ts';
import { refreshSummaries } from '../src/modules/indicators/summary.service.ts';
import { hashPassword } from '../src/modules/users/passwords.service.ts';
import { sessionIdOf as hashToken } from '../src/modules/users/sessions.service.ts';
import { sessions } from '../src/modules/users/users.schema.ts';
import { openBenchDatabase } from './bench-database.ts';
import { generateOrgDataset } from './org-dataset.ts';

const logger = pino({ level: 'warn' });
const bench = await openBenchDatabase(logger, 'indicators');
const db = bench.db;
const started = performance.now();
const committees = Number(process.env.BENCH_COMMITTEES ?? 3_400);
const heads = await generateOrgDataset(db, await hashPassword('unused-password-1'), committees);
const year = Number(clock.today().slice(0, 4));
const INDICATORS = 40;

const frameworkId = await db.transaction((tx) =>
  insertFramework(
    tx,
    CreateFrameworkBody.parse({
      code: 'BENCH',
      name: 'Bộ chỉ số đo tải',
      year,
      groups: [0, 1, 2, 3].map((g) => ({
        code: `B${g}`,
        name: `Nhóm ${g}`,
        indicators: Array.from({ length: INDICATORS / 4 }, (_, k) => ({
          code: `B${g}.${k}`,
          name: `Chỉ số đo tải ${g}.${k}`,
          unit: 'percent',
          aggregation: (['average', 'sum', 'min', 'shareMeeting'] as const)[k % 4],
          frequency: 'monthly',
          domain: 'CCHC',
        })),
      })),
    }),
  ),
);
const communeIds = sql`(select c.id from committees c join administrative_units u on u.id = c.unit_id
  where u.level = 'commune' and c.is_sample and c.name like 'Ban Chỉ đạo đo tải%')`;
const benchIndicators = sql`(select id from indicators where framework_id = ${frameworkId})`;
// Every commune reports every indicator every month (approved), with a target per indicator.
await db.execute(sql`insert into indicator_values (id, committee_id, indicator_id, period, value, status, source, decided_at)
  select gen_random_uuid(), c.id, i.id, p,
    round((30 + abs(hashtext(c.id::text || i.id::text)) % 40 + p * (abs(hashtext(i.id::text || c.id::text)) % 5) * 0.8)::numeric, 2)::float8,
    'approved', 'imported', now()
  from ${communeIds} c(id) cross join ${benchIndicators} i(id) cross join generate_series(1, 12) p`);
await db.execute(sql`insert into indicator_targets (committee_id, indicator_id, value, set_from)
  select c.id, i.id, 60 + abs(hashtext(i.id::text || c.id::text)) % 30, 'committeeAbove'
  from ${communeIds} c(id) cross join ${benchIndicators} i(id)`);
// The communes' summary rows in bulk, with the same arithmetic as summary.service (least-squares projection
// over the periods so far, the traffic light against the target) — the writes keep them so one by one.
await db.execute(sql`insert into indicator_summaries (committee_id, indicator_id, period, parent_id, level, own_value,
    value, target, light, projection, warning, meets, reporting, e_count, e_sum, e_weighted_sum, e_weight, e_min, e_max, e_meeting)
  select v.committee_id, v.indicator_id, v.period, k.parent_id, 'commune', v.value, v.value, t.value,
    case when v.value >= t.value or v.proj >= t.value then 'meets'
      when t.value - v.proj <= 0.1 * abs(t.value) then 'atRisk' else 'offTrack' end,
    v.proj, v.value < t.value and v.proj < t.value, v.value >= t.value, 0,
    1, v.value, 0, 0, v.value, v.value, (v.value >= t.value)::int
  from (select x.*, case when x.period = 12 then x.value else coalesce(
      avg(x.value) over w + regr_slope(x.value, x.period) over w * (12 - avg(x.period) over w), x.value) end as proj
    from indicator_values x where x.indicator_id in ${benchIndicators}
    window w as (partition by x.committee_id, x.indicator_id order by x.period rows between unbounded preceding and current row)) v
  join committees k on k.id = v.committee_id
  join indicator_targets t on t.committee_id = v.committee_id and t.indicator_id = v.indicator_id`);
// The provinces and the nation through the real write path (the same code an approval runs).
const provinces = (
  await db.execute<{
    id: string;
  }>(sql`select c.id from committees c join administrative_units u on u.id = c.unit_id
    where u.level = 'province' and c.name like 'Ban Chỉ đạo đo tải%'`)
).rows.map((r) => r.id);
const indicatorIds = (
  await db.execute<{ id: string }>(sql`select id from indicators where framework_id = ${frameworkId}`)
).rows.map((r) => r.id);
for (const p of provinces) await db.transaction((tx) => refreshSummaries(tx, p, indicatorIds));
await db.execute(sql`analyze`);
const generatedMs = performance.now() - started;
const counts = (
  await db.execute<{ values: number; summaries: number }>(sql`select
    (select count(*)::int from indicator_values) as values, (select count(*)::int from indicator_summaries) as summaries`)
).rows[0]!;

const config = loadConfig({ ...process.env, DATABASE_URL: bench.url, LOG_LEVEL: 'warn' });
const app = await buildApp({ db, config, logger });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1`;

async function cookieOf(userId: string) {
  const token = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken: 'bench',
    expiresAt: new Date(clock.now().getTime() + 3_600_000),
  });
  return `steerco_session=${token}`;
}
const headOf = new Map(heads.map((h) => [h.committee_id, h.user_id]));
const communes = (
  await db.execute<{ id: string }>(sql`select * from ${communeIds} c(id) order by random() limit 200`)
).rows;
const communeCookies = await Promise.all(
  communes.map(async (c) => ({ id: c.id, cookie: await cookieOf(headOf.get(c.id)!) })),
);
const provinceCookies = await Promise.all(
  provinces.map(async (id) => ({ id, cookie: await cookieOf(headOf.get(id)!) })),
);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
async function time(n: number, request: (i: number) => [string, string]) {
  const times: number[] = [];
  for (let i = 0; i < n + 20; i++) {
    const [url, cookie] = request(i);
    const t = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    if (i >= 20) times.push(performance.now() - t); // the first 20 warm up
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}
const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
const scorecard = await time(300, (i) => {
  const c = pick(communeCookies, i);
  return [`/committees/${c.id}/scorecard?year=${year}`, c.cookie];
});
const ranking = await time(300, (i) => {
  const p = pick(provinceCookies, i);
  return [`/committees/${p.id}/indicators/${pick(indicatorIds, i * 7)}/ranking`, p.cookie];
});
const national = await time(300, (i) => [
  `/indicators/${pick(indicatorIds, i)}/national`,
  pick(provinceCookies, i).cookie,
]);
// The write path: one commune's approved value refreshed up its chain (commune, province, nation).
const writes: number[] = [];
for (let i = 0; i < 100; i++) {
  const c = pick(communeCookies, i);
  const t = performance.now();
  await db.transaction((tx) => refreshSummaries(tx, c.id, [pick(indicatorIds, i)]));
  writes.push(performance.now() - t);
}
writes.sort((a, b) => a - b);
const perProvince = Math.round((committees - provinces.length - 1) / provinces.length);

process.send?.({
  generatedMs,
  counts,
  perProvince,
  scorecard,
  ranking,
  national,
  write: { p50: percentile(writes, 0.5), p95: percentile(writes, 0.95) },
});
await app.close();
await bench.close();
process.exit(0);
