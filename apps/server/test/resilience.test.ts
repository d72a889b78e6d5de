import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase } from '../src/db/client.ts';
import { createTestContext, type TestContext } from './context.ts';
import { createTestDatabase } from './db.ts';
import { createUser, signedInUser, TEST_PASSWORD, unitByName } from './factories.ts';
import { freePort } from './global-setup.ts';
import { type ServerProcess, startServerProcess, waitForStatus } from './server-process.ts';

// Issue #17, defects 1 and 4: a database restart, fail-over or terminated backend never kills the application;
// instances starting together on an empty database all come up.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  status: number;
  id?: string;
  retryAfter?: string;
  type?: string;
}

/** Writers creating units (a transaction with its audit row) until `stop()`; every answer is recorded. */
function writeLoad(
  send: (i: number) => Promise<Outcome>,
  writers: number,
): { outcomes: Outcome[]; stop(): Promise<void> } {
  const outcomes: Outcome[] = [];
  let running = true;
  let n = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (running) {
      outcomes.push(await send(n++));
    }
  });
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function terminateBackends(database: string) {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe('terminating every backend of the database under load', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ seed: true });
  });
  afterAll(() => ctx.close());

  it('answers 503 with Retry-After meanwhile, 200 within 5 s after, and loses no acknowledged write', async () => {
    const admin = (await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' })).session;
    const haDong = await unitByName(ctx.db, 'Quận Hà Đông');
    const load = writeLoad(async (i) => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: admin.headers,
        payload: { level: 'commune', name: `Phường tải ${i}`, parentId: haDong.id },
      });
      const body = res.json();
      return {
        status: res.statusCode,
        id: res.statusCode === 201 ? body.id : undefined,
        retryAfter: res.headers['retry-after'] as string | undefined,
        type: body.type,
      };
    }, 20);
    await sleep(500);
    const dbName = new URL(ctx.url).pathname.slice(1);
    // Several rounds, so requests are caught mid-transaction, on idle clients and while reconnecting.
    let terminated = 0;
    for (let round = 0; round < 5; round++) {
      terminated += await terminateBackends(dbName);
      await sleep(50);
    }
    const outageEnded = performance.now();
    expect(terminated).toBeGreaterThan(0);

    // Back within 5 s: readiness and a write.
    let recoveredAfterMs = Number.POSITIVE_INFINITY;
    while (performance.now() - outageEnded < 5_000) {
      const ready = await ctx.app.inject({ method: 'GET', url: '/api/health/ready' });
      if (ready.statusCode === 200) {
        recoveredAfterMs = performance.now() - outageEnded;
        break;
      }
      await sleep(50);
    }
    await sleep(300);
    await load.stop();
    expect(recoveredAfterMs).toBeLessThan(5_000);

    const statuses = new Set(load.outcomes.map((o) => o.status));
    // Only successes and "try again" answers: never a 500, never a dropped request.
    expect([...statuses].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    const unavailable = load.outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const o of unavailable) {
      expect(o.type).toBe('urn:steerco:problem:database.unavailable');
      expect(Number(o.retryAfter)).toBeGreaterThan(0);
    }
    // The last writes (after the outage) succeeded.
    expect(load.outcomes.slice(-5).every((o) => o.status === 201)).toBe(true);

    // Every acknowledged write is in the database.
    const acknowledged = load.outcomes.flatMap((o) => (o.id ? [o.id] : []));
    expect(acknowledged.length).toBeGreaterThan(20);
    const check = connectDatabase(ctx.url, 1);
    try {
      const { rows } = await check.pool.query<{ n: number }>(
        'select count(*)::int as n from administrative_units where id = any($1::uuid[])',
        [acknowledged],
      );
      expect(rows[0]!.n).toBe(acknowledged.length);
    } finally {
      await check.close();
    }
  }, 60_000);
});

describe('the real server process', () => {
  const servers: ServerProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    for (const c of cleanups) await c().catch(() => undefined);
  });

  it('two instances started at the same moment on an empty database both come up, seeded once', async () => {
    const database = await createTestDatabase({ migrated: false });
    cleanups.push(async () => {
      await database.drop();
    });
    const env = { DATABASE_URL: database.url, SEED_DEMO: 'true', JOBS_ENABLED: 'true' };
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    servers.push(a!, b!);
    await Promise.all([
      waitForStatus(a!, '/api/health/ready', 150_000),
      waitForStatus(b!, '/api/health/ready', 150_000),
    ]);
    expect(a!.alive() && b!.alive()).toBe(true);
    const check = connectDatabase(database.url, 1);
    try {
      const { rows } = await check.pool.query<{ n: number }>(
        `select count(*)::int as n from administrative_units where name = 'Phường Phúc La'`,
      );
      expect(rows[0]!.n).toBe(1);
    } finally {
      await check.close();
    }
  }, 200_000);

  it('restarts the embedded PostgreSQL when its postmaster is killed; the process stays up', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'steerco-resilience-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the `postgres` user
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const pgPort = await freePort();
    const server = await startServerProcess({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
    servers.push(server);
    await waitForStatus(server, '/api/health/ready', 150_000);

    const url = `postgres://postgres:steerco@127.0.0.1:${pgPort}/steerco`;
    const setup = connectDatabase(url, 1);
    const user = await createUser(setup.db, { systemRole: 'systemAdmin' });
    await setup.close();
    const loginRes = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: TEST_PASSWORD }),
    });
    expect(loginRes.status).toBe(200);
    const cookie = loginRes.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await loginRes.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    const load = writeLoad(async (i) => {
      try {
        const res = await fetch(`${server.baseUrl}/api/v1/units`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ level: 'national', name: `Đơn vị ${i}`, parentId: null }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await res.json()) as { id?: string; type?: string };
        return {
          status: res.status,
          id: res.status === 201 ? body.id : undefined,
          retryAfter: res.headers.get('retry-after') ?? undefined,
          type: body.type,
        };
      } catch {
        return { status: 0 };
      }
    }, 10);
    await sleep(500);
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    const killedAt = performance.now();
    // The application starts a new postmaster (a new pid in the lock file), then answers again.
    const readPid = () => {
      try {
        return Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      } catch {
        return undefined;
      }
    };
    while (performance.now() - killedAt < 60_000) {
      const pid = readPid();
      if (pid && pid !== postmaster) break;
      await sleep(100);
    }
    await waitForStatus(server, '/api/health/ready', 60_000);
    const restartedAfterMs = performance.now() - killedAt;
    await sleep(300);
    await load.stop();
    expect(server.alive(), server.output()).toBe(true);
    expect(readPid()).not.toBe(postmaster);

    const statuses = [...new Set(load.outcomes.map((o) => o.status))];
    expect(
      statuses.filter((s) => s !== 201 && s !== 503),
      server.output(),
    ).toEqual([]);
    expect(load.outcomes.slice(-3).every((o) => o.status === 201)).toBe(true);
    const acknowledged = load.outcomes.flatMap((o) => (o.id ? [o.id] : []));
    const check = connectDatabase(url, 1);
    try {
      const { rows } = await check.pool.query<{ n: number }>(
        'select count(*)::int as n from administrative_units where id = any($1::uuid[])',
        [acknowledged],
      );
      expect(rows[0]!.n).toBe(acknowledged.length);
    } finally {
      await check.close();
    }
    console.info(
      `embedded postmaster killed: ready again after ${Math.round(restartedAfterMs)} ms; ` +
        `${acknowledged.length} writes acknowledged, ${load.outcomes.filter((o) => o.status === 503).length} answered 503`,
    );
  }, 240_000);
});
