// Child process of the HTTP benchmark: the real steerco app and a bare Fastify "hello world" (the ceiling),
// side by side in one process, so the load generator in the parent does not share their event loop.
import { chmodSync, mkdtempSync } from 'node:fs';
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
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { users } from '../src/modules/users/users.schema.ts';
import { seedDemo } from '../src/seed/demo.ts';

const logger = pino({ level: 'warn' });
let url = process.env.DATABASE_URL;
let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
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
  const dir = mkdtempSync(path.join(tmpdir(), 'steerco-bench-'));
  chmodSync(dir, 0o755);
  embedded = await startEmbeddedPostgres(path.join(dir, 'pg'), 54000 + (process.pid % 1000), logger);
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

const hello = Fastify();
hello.get('/', async () => ({ hello: 'world' }));
await hello.listen({ host: '127.0.0.1', port: 0 });

const portOf = (s: typeof hello) => (s.server.address() as { port: number }).port;
process.send?.({ steercoPort: portOf(app as unknown as typeof hello), helloPort: portOf(hello), cookie });

process.on('message', async () => {
  await app.close();
  await hello.close();
  await database.close();
  await embedded?.stop();
  process.exit(0);
});
