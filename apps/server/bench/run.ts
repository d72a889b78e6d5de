// `npm run bench`: the performance figures the issues ask for, measured in one run on this machine.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Ports {
  steercoPort: number;
  helloPort: number;
  cookie: string;
  org: { committeeId: string; cookie: string }[];
  permission?: { loadP50ms: number; loadP95ms: number; canNs: number };
}

function startServers(env: Record<string, string> = {}) {
  const child = fork(path.join(here, 'http-servers.ts'), {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const ready = new Promise<Ports>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ports));
    child.once('exit', (code) => reject(new Error(`benchmark servers exited with ${code}`)));
  });
  const stop = async () => {
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
  };
  return { ready, stop };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function measure(title: string, url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    title,
    reqPerSec: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
  };
}

async function benchHttp() {
  const servers = startServers();
  const ports = await servers.ready;
  try {
    const rows = [
      await measure('bare Fastify hello world (ceiling)', `http://127.0.0.1:${ports.helloPort}/`),
      await measure(
        'GET /api/health (database round trip)',
        `http://127.0.0.1:${ports.steercoPort}/api/health`,
      ),
      await measure(
        'GET /api/v1/me (session lookup, authenticated)',
        `http://127.0.0.1:${ports.steercoPort}/api/v1/me`,
        {
          cookie: ports.cookie,
        },
      ),
    ];
    const ceiling = rows[0]!.reqPerSec;
    console.log(
      `\nHTTP, autocannon ${connections} connections × ${seconds} s on loopback (${process.env.DATABASE_URL ? 'external' : 'embedded'} PostgreSQL)`,
    );
    console.table(
      rows.map((r) => ({ ...r, 'of ceiling': `${((r.reqPerSec / ceiling) * 100).toFixed(1)} %` })),
    );
  } finally {
    await servers.stop();
  }
}

/** Issue 5: the committee page's API (committee + members) on a national dataset, and the permission check. */
async function benchOrganization() {
  const servers = startServers({ BENCH_DATASET: 'org' });
  const ports = await servers.ready;
  try {
    const base = `http://127.0.0.1:${ports.steercoPort}/api/v1/committees`;
    const times: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      const { committeeId, cookie } = ports.org[i % ports.org.length]!;
      const t = performance.now();
      const [a, b] = await Promise.all([
        fetch(`${base}/${committeeId}`, { headers: { cookie } }),
        fetch(`${base}/${committeeId}/members`, { headers: { cookie } }),
      ]);
      if (!a.ok || !b.ok) throw new Error(`committee page: ${a.status} ${b.status}`);
      await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
      times.push(performance.now() - t);
    }
    times.sort((x, y) => x - y);
    const p = ports.permission!;
    console.log(
      '\nOrganisation: 3,400 committees × 25 seats (85,000 people, 170,000 duty items), 200 signed-in heads',
    );
    console.table([
      {
        measure: 'committee page API (GET committee + members, in parallel), 1,000 loads',
        p50ms: percentile(times, 0.5).toFixed(2),
        p95ms: percentile(times, 0.95).toFixed(2),
      },
      {
        measure: 'permission check: load seat, delegations, oversight (DB)',
        p50ms: p.loadP50ms.toFixed(3),
        p95ms: p.loadP95ms.toFixed(3),
      },
      { measure: 'permission check: can() decision (pure)', p50ms: (p.canNs / 1e6).toFixed(6), p95ms: '—' },
    ]);
  } finally {
    await servers.stop();
  }
}

async function benchCalendar() {
  const { benchAddWorkingDays } = await import('../../../packages/calendar/bench/add-working-days.ts');
  const r = benchAddWorkingDays(1_000_000);
  console.log(`\nCalendar: addWorkingDays over ${r.ops.toLocaleString('en')} random (date, n ≤ 60) pairs`);
  console.table([{ ms: Math.round(r.ms), 'ops/s': Math.round(r.opsPerSec).toLocaleString('en') }]);
}

/** Issue 6: the meeting page's API (60 attendees, 20 documents) and the notice fan-out to 500 invitees. */
async function benchMeetings() {
  const child = fork(path.join(here, 'meetings.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const r = await new Promise<{
    page: { p50ms: number; p95ms: number };
    fanout: { invitations: number; enqueuedMs: number; deliveredMs: number };
  }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`meetings benchmark exited with ${code}`)));
  });
  await new Promise((r) => child.once('exit', r));
  console.log(
    '\nMeetings: page API with 60 attendees and 20 agenda documents; notice to 500 invitees (local SMTP)',
  );
  console.table([
    {
      measure: 'GET /meetings/{id}, 1,000 sequential loads',
      p50ms: r.page.p50ms.toFixed(2),
      p95ms: r.page.p95ms.toFixed(2),
    },
    {
      measure: `POST /notice: ${r.fanout.invitations} invitations enqueued (request time)`,
      p50ms: r.fanout.enqueuedMs.toFixed(0),
      p95ms: '—',
    },
    {
      measure: `… all ${r.fanout.invitations} delivered to the SMTP server (from the request)`,
      p50ms: r.fanout.deliveredMs.toFixed(0),
      p95ms: '—',
    },
  ]);
}

/** Issues 8 and 18: follow-up queries on 1.7 million tasks and 10 million history/progress rows; the reminder run. */
async function benchTasks() {
  const child = fork(path.join(here, 'tasks.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  type P = { p50: number; p95: number };
  type Figures = { myTasks: P; myTasksFirstPage: P; committeeList: P; rollup: P; counters: P };
  const r = await new Promise<{
    generatedMs: number;
    reused: boolean;
    counts: { tasks: number; events: number; progress: number };
    copies: number;
    myTotal: number;
    warm: Figures;
    cold: Figures;
    coldRestarted: boolean;
    pageCost: Record<string, { myTasks: P; committeeList: P }>;
    reminders: { ms: number; sent: number; rerunMs: number; rerunSent: number };
  }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`tasks benchmark exited with ${code}`)));
  });
  await new Promise((r) => child.once('exit', r));
  const n = (x: number) => x.toLocaleString('en');
  console.log(
    `\nFollow-up: ${n(r.counts.tasks)} tasks, ${n(r.counts.events + r.counts.progress)} history/progress rows (${r.reused ? 'kept dataset reused' : `generated in ${(r.generatedMs / 1000).toFixed(0)} s`}); warm: 300 sequential requests each after 20 warm-up ones, drawn from 20 people or committees; cold: the first 40 after PostgreSQL restarted${r.coldRestarted ? '' : ' (could not restart it: these are warm)'}; the server logs requests as in production`,
  );
  const row = (measure: string, key: keyof Figures, targetMs: number) => ({
    measure,
    'warm p50': r.warm[key].p50.toFixed(2),
    'warm p95': r.warm[key].p95.toFixed(2),
    'cold p50': r.cold[key].p50.toFixed(2),
    'cold p95': r.cold[key].p95.toFixed(2),
    target: `warm p95 < ${targetMs} ms`,
    met: r.warm[key].p95 < targetMs ? '✔' : '✘',
  });
  console.table([
    row(`my tasks, 200 per page (GET /tasks/mine; 20 members, up to ${r.myTotal} tasks each)`, 'myTasks', 20),
    row('my tasks as the web app opens it (all roles, first 30)', 'myTasksFirstPage', 20),
    row('committee list: status + domain filter, 50 per page, pages 1–2, 20 communes', 'committeeList', 30),
    row(`province rollup of a directive across its ~${r.copies} communes, 20 provinces`, 'rollup', 50),
    row('national counters by status (+ overdue)', 'counters', 200),
  ]);
  console.log(
    "The list queries with random_page_cost 4 (PostgreSQL's default) and 1.1 (the README's advice on SSD):",
  );
  console.table(
    Object.entries(r.pageCost).map(([cost, f]) => ({
      random_page_cost: cost,
      'my tasks p50': f.myTasks.p50.toFixed(2),
      'my tasks p95': f.myTasks.p95.toFixed(2),
      'committee list p50': f.committeeList.p50.toFixed(2),
      'committee list p95': f.committeeList.p95.toFixed(2),
    })),
  );
  console.log(
    `Reminder run over the whole dataset: ${(r.reminders.ms / 1000).toFixed(1)} s, ${n(r.reminders.sent)} reminders; re-run (nothing owed): ${(r.reminders.rerunMs / 1000).toFixed(1)} s, ${r.reminders.rerunSent} sent`,
  );
}

/** Issue 15: reports on the follow-up's national dataset: pre-filling, rollups, the XLSX of a province grid. */
async function benchReports() {
  const child = fork(path.join(here, 'reports.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  type P = { p50: number; p95: number; max: number };
  const r = await new Promise<{
    generatedMs: number;
    counts: { reports: number; meetings: number; tasks: number };
    communes: number;
    prefill: P;
    provinceRollup: P;
    nationalRollup: P;
    xlsx: P;
  }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`reports benchmark exited with ${code}`)));
  });
  await new Promise((r) => child.once('exit', r));
  const n = (x: number) => x.toLocaleString('en');
  console.log(
    `\nReports: ${n(r.counts.tasks)} tasks, ${n(r.counts.meetings)} meetings, ${n(r.counts.reports)} reports (generated in ${(r.generatedMs / 1000).toFixed(0)} s)`,
  );
  const row = (measure: string, p: P, target: string) => ({
    measure,
    p50ms: p.p50.toFixed(2),
    p95ms: p.p95.toFixed(2),
    maxMs: p.max.toFixed(2),
    target,
  });
  console.table([
    row(
      'pre-fill one commune’s quarterly report (POST /report-periods/:id/reports), 200 runs',
      r.prefill,
      'p95 < 100 ms',
    ),
    row(`a province’s rollup grid of its ${r.communes} communes, 200 runs`, r.provinceRollup, 'p95 < 100 ms'),
    row('the national rollup of 34 provinces, 200 runs', r.nationalRollup, 'p95 < 300 ms'),
    row('XLSX of the province grid, 30 runs', r.xlsx, '< 2 s'),
  ]);
}

/** Issue 20: the annual evaluation of members on the national dataset: one member's year, a committee's summary. */
async function benchEvaluations() {
  const child = fork(path.join(here, 'evaluations.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  type P = { p50: number; p95: number; max: number };
  const r = await new Promise<{
    generatedMs: number;
    counts: { tasks: number; attendees: number; members: number };
    memberYear: P;
    busiest: P;
    provinceSummary: P;
    xlsx: P;
  }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`evaluations benchmark exited with ${code}`)));
  });
  await new Promise((r) => child.once('exit', r));
  const n = (x: number) => x.toLocaleString('en');
  console.log(
    `\nEvaluations: ${n(r.counts.tasks)} tasks, ${n(r.counts.attendees)} meeting attendees, ${n(r.counts.members)} members evaluated (generated in ${(r.generatedMs / 1000).toFixed(0)} s)`,
  );
  const row = (measure: string, p: P, limitMs: number) => ({
    measure,
    p50ms: p.p50.toFixed(2),
    p95ms: p.p95.toFixed(2),
    maxMs: p.max.toFixed(2),
    target: `p95 < ${limitMs} ms`,
    met: p.p95 < limitMs ? '✔' : '✘',
  });
  console.table([
    row('one member’s year (GET /evaluations/:id/members/:memberId), 200 runs', r.memberYear, 100),
    row('a province committee’s evaluation summary (GET /evaluations/:id), 100 runs', r.provinceSummary, 300),
    row('the busiest commune’s evaluation (a member with 200 tasks), 100 runs', r.busiest, 300),
    row('XLSX of the province committee’s summary, 30 runs', r.xlsx, 2000),
  ]);
}

/** Issue 7: rendering a Decree 30 conclusion notice with 30 conclusions. */
async function benchDocuments() {
  const { benchConclusionNotice } = await import('../src/modules/documents/render/bench.ts');
  const r = await benchConclusionNotice(30, 50);
  console.log('\nOfficial documents: conclusion notice DOCX with 30 conclusions, 50 renders');
  console.table([{ measure: 'render (docx package, Decree 30 layout)', medianMs: r.medianMs }]);
}

/** Issue 16: scorecards, rankings and the national view of indicators on a national dataset. */
async function benchIndicators() {
  const child = fork(path.join(here, 'indicators.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  type P = { p50: number; p95: number };
  const r = await new Promise<{
    generatedMs: number;
    counts: { values: number; summaries: number };
    perProvince: number;
    scorecard: P;
    ranking: P;
    national: P;
    write: P;
  }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`indicators benchmark exited with ${code}`)));
  });
  await new Promise((r) => child.once('exit', r));
  const n = (x: number) => x.toLocaleString('en');
  console.log(
    `\nIndicators: 3,400 committees × 40 monthly indicators × 12 periods: ${n(r.counts.values)} approved values, ${n(r.counts.summaries)} summary rows (generated in ${(r.generatedMs / 1000).toFixed(0)} s); 300 sequential requests each`,
  );
  const row = (measure: string, p: P, target: string) => ({
    measure,
    p50ms: p.p50.toFixed(2),
    p95ms: p.p95.toFixed(2),
    target,
  });
  console.table([
    row(
      "a commune's scorecard (GET /committees/{id}/scorecard, 40 indicators × 12 periods)",
      r.scorecard,
      '< 50 ms',
    ),
    row(`a province's ranking of one indicator across its ~${r.perProvince} communes`, r.ranking, '< 50 ms'),
    row('national aggregate of one indicator (GET /indicators/{id}/national)', r.national, '< 200 ms'),
    row('write path: an approved value refreshed up commune → province → nation', r.write, '—'),
  ]);
}

/** Issue 19: the built web app's first load on an emulated provincial 4G link (bench/web.ts). */
async function benchWeb() {
  const { benchWeb: run } = await import('./web.ts');
  await run();
}

/** Issue 18: each hot read beside the SQL it runs (bench/overhead.ts). */
async function benchOverhead() {
  const { benchOverhead: run } = await import('./overhead.ts');
  await run();
}

// `-- --keep` keeps the benchmark databases; `-- --reuse` opens kept ones without regenerating (bench-database.ts).
if (process.argv.includes('--keep')) process.env.BENCH_KEEP = '1';
if (process.argv.includes('--reuse')) process.env.BENCH_REUSE = '1';
const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!only || only === 'calendar') await benchCalendar();
if (!only || only === 'http') await benchHttp();
if (!only || only === 'org') await benchOrganization();
if (!only || only === 'documents') await benchDocuments();
if (!only || only === 'meetings') await benchMeetings();
if (!only || only === 'tasks') await benchTasks();
if (!only || only === 'reports') await benchReports();
if (!only || only === 'indicators') await benchIndicators();
if (!only || only === 'evaluations') await benchEvaluations();
if (!only || only === 'web') await benchWeb();
if (!only || only === 'overhead') await benchOverhead();
