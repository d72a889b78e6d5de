import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server under test listens, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** Where every e-mail the server sends lands, one JSON file per message (see `mail.ts`). */
    mailDir: string;
    /** The instant the server's test clock started from (STEERCO_TEST_NOW, or a fixed Thursday morning). */
    testNow: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Database {
  env: Record<string, string>;
  drop: () => Promise<void>;
}

/**
 * A database nobody else uses: a new one on the machine's PostgreSQL when DATABASE_URL is set, otherwise the
 * embedded PostgreSQL in a fresh temporary directory. The server migrates it and seeds the demo on start.
 */
async function freshDatabase(): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const name = `steerco_e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      drop: async () => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'steerco-e2e-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the `postgres` user, which must reach the data inside
  return {
    env: { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server exited with code ${server.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s:\n${output()}`);
}

function stop(server: ChildProcess, timeoutMs: number): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => server.kill('SIGKILL'), timeoutMs);
    server.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

/** A captured e-mail as the tests read it. */
export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string }[];
}

/**
 * A real SMTP server in this process on a loopback port, the server's SMTP_URL: each message is parsed and
 * written to `dir` as `<n>.json`, so the tests (in other processes) can open the links people receive.
 */
async function startMailbox(dir: string) {
  let count = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ''),
          );
          const captured: CapturedMail = {
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            attachments: mail.attachments.map((a) => ({
              filename: a.filename ?? '',
              contentType: a.contentType,
            })),
          };
          count += 1;
          writeFileSync(path.join(dir, `${String(count).padStart(5, '0')}.json`), JSON.stringify(captured));
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = smtp.server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/**
 * The journeys run on the server's test clock, never on the day they happen to run: STEERCO_TEST_NOW (an ISO
 * instant) or the same ordinary Thursday morning as the API tests. Journeys move it with `setServerClock`.
 */
const TEST_NOW = process.env.STEERCO_TEST_NOW ?? '2026-10-15T09:00:00+07:00';

/** Starts the server as in production (it serves apps/web/dist) on a free port, for all e2e files of the run. */
export default async function setup(project: TestProject) {
  // WEB_DIST_DIR (passed on to the server) lets a run use its own build, safe from a concurrent `npm run build`.
  const distDir = process.env.WEB_DIST_DIR ?? path.join(REPO_ROOT, 'apps/web/dist');
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir} is missing: build the web app first (npm run build -w @steerco/web).`);
  }
  const database = await freshDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const mailDir = mkdtempSync(path.join(tmpdir(), 'steerco-e2e-mail-'));
  const mailbox = await startMailbox(mailDir);
  const { DATABASE_URL: _inherited, ...inheritedEnv } = process.env;
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...inheritedEnv,
      ...database.env,
      // As in production, but for the test clock that only NODE_ENV=test allows.
      NODE_ENV: 'test',
      TEST_CLOCK: 'true',
      STEERCO_TEST_NOW: TEST_NOW,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      SMTP_URL: mailbox.url,
      LOG_LEVEL: 'warn',
      // The journeys sign the same demo people in from one address many times a minute, each file trying the
      // initial password first: the login rate limit and the lockout (tested in the API tests) must not trip.
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      LOGIN_LOCKOUT_THRESHOLD: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the server's last words for the error message should it fail to start.
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(chunk);
  });

  try {
    await waitForHealth(baseUrl, server, () => log, 180_000);
  } catch (error) {
    await stop(server, 10_000);
    await database.drop();
    await mailbox.close();
    rmSync(mailDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('mailDir', mailDir);
  project.provide('testNow', TEST_NOW);

  return async () => {
    await stop(server, 30_000);
    await database.drop();
    await mailbox.close();
    rmSync(mailDir, { recursive: true, force: true });
  };
}
