// Child process of the HTTP benchmark: the real steerco app and a bare Fastify "hello world" (the ceiling),
// side by side in one process, so the load generator in the parent does not share their event loop.

import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { uuidv7 } from '../src/db/ids.ts';
import { hashPassword } from '../src/modules/users/passwords.service.ts';
import { sessionIdOf as hashToken } from '../src/modules/users/sessions.service.ts';
import { sessions, users } from '../src/modules/users/users.schema.ts';
import { openBenchDatabase } from './bench-database.ts';
import { generateOrgDataset } from './org-dataset.ts';
import { measurePermissionCheck } from './permission-cost.ts';

const logger = pino({ level: 'warn' });
const bench = await openBenchDatabase(logger, 'http');
const url = bench.url;
const database = { db: bench.db };
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
  await bench.close();
  process.exit(0);
});
