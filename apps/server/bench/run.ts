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
}

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
  const child = fork(path.join(here, 'http-servers.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ports = await new Promise<Ports>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ports));
    child.once('exit', (code) => reject(new Error(`benchmark servers exited with ${code}`)));
  });
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
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
  }
}

async function benchCalendar() {
  const { benchAddWorkingDays } = await import('../../../packages/calendar/bench/add-working-days.ts');
  const r = benchAddWorkingDays(1_000_000);
  console.log(`\nCalendar: addWorkingDays over ${r.ops.toLocaleString('en')} random (date, n ≤ 60) pairs`);
  console.table([{ ms: Math.round(r.ms), 'ops/s': Math.round(r.opsPerSec).toLocaleString('en') }]);
}

const only = process.argv[2];
if (!only || only === 'calendar') await benchCalendar();
if (!only || only === 'http') await benchHttp();
