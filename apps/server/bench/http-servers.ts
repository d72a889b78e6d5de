// Child process of the HTTP benchmark: the real steerco app and a bare Fastify "hello world" (the ceiling),
// side by side in one process, so the load generator in the parent does not share their event loop.

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { connectDatabase } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { uuidv7 } from '../src/db/ids.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { hashToken } from '../src/http/auth-hook.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { sessions, users } from '../src/modules/users/users.schema.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { generateOrgDataset } from './org-dataset.ts';
import { measurePermissionCheck } from './permission-cost.ts';

const logger = pino({ level: 'warn' });
let url = process.env.DATABASE_URL;
let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
let tempDir: string | undefined;
if (url) {
  // A fresh database on the given server, so the benchmark never touches real data.
  const name = `steerco_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  url = u.toString();
} else {
  tempDir = mkdtempSync(path.join(tmpdir(), 'steerco-bench-'));
  chmodSync(tempDir, 0o755);
  embedded = await startEmbeddedPostgres(path.join(tempDir, 'pg'), 54000 + (process.pid % 1000), logger);
  url = embedded.url;
}
await runMigrations(url);
const database = connectDatabase(url, 10);
await seedDemo(database.db);
const password = 'Bench-password-2026';
const username = 'bench.user';
await database.db.insert(users).values({
  id: uuidv7(),
  username,
  fullName: 'Người dùng đo tải',
  passwordHash: await hashPassword(password),
  mustChangePassword: false,
});

const config = loadConfig({
  ...process.env,
  DATABASE_URL: url,
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
});
const app = await buildApp({ db: database.db, config, logger });
await app.listen({ host: '127.0.0.1', port: 0 });
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username, password },
});
const cookie = `steerco_session=${login.cookies.find((c) => c.name === 'steerco_session')?.value}`;

// Organisation dataset (3,400 committees × 25 seats) and sessions for 200 heads, when asked.
const org: { committeeId: string; cookie: string }[] = [];
let permission: Record<string, number> | undefined;
if (process.env.BENCH_DATASET === 'org') {
  const started = performance.now();
  const heads = await generateOrgDataset(database.db, await hashPassword('unused-password-1'));
  logger.warn({ ms: Math.round(performance.now() - started) }, 'organisation dataset generated');
  const sample = heads.sort(() => Math.random() - 0.5).slice(0, 200);
  for (const h of sample) {
    const token = randomBytes(24).toString('base64url');
    await database.db.insert(sessions).values({
      id: hashToken(token),
      userId: h.user_id,
      csrfToken: 'bench',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    org.push({ committeeId: h.committee_id, cookie: `steerco_session=${token}` });
  }
  permission = await measurePermissionCheck(database.db, sample);
}

const hello = Fastify();
hello.get('/', async () => ({ hello: 'world' }));
await hello.listen({ host: '127.0.0.1', port: 0 });

const portOf = (s: typeof hello) => (s.server.address() as { port: number }).port;
process.send?.({
  steercoPort: portOf(app as unknown as typeof hello),
  helloPort: portOf(hello),
  cookie,
  org,
  permission,
});

process.on('message', async () => {
  await app.close();
  await hello.close();
  await database.close();
  await embedded?.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  process.exit(0);
});
