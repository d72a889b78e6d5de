import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_NOW } from './clock-setup.ts';
import { freePort } from './global-setup.ts';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/** The real server (src/main.ts) in a child process, as `npm start` runs it, on a free port. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    // The server on the test clock, like the in-process apps (STEERCO_TEST_NOW needs NODE_ENV=test).
    NODE_ENV: 'test',
    STEERCO_TEST_NOW: TEST_NOW,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    WEB_DIST_DIR: '/nonexistent',
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
    ...env,
  };
  // The test run's own DATABASE_URL (the external server's admin URL) is not the child's.
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  for (const key of ['STEERCO_TEST_REPORT_DIR', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST'])
    delete childEnv[key];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => out.slice(-8000),
    alive,
    stop: () =>
      alive()
        ? new Promise<void>((resolve) => {
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(killer);
              resolve();
            });
            child.kill('SIGTERM');
          })
        : Promise.resolve(),
  };
}

/** Resolves when GET `path` answers 200; throws when the process exits or `timeoutMs` passes. */
export async function waitForStatus(server: ServerProcess, urlPath: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server.alive()) throw new Error(`the server exited (${server.child.exitCode}):\n${server.output()}`);
    const ok = await fetch(`${server.baseUrl}${urlPath}`, { signal: AbortSignal.timeout(3_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`GET ${urlPath} did not answer 200 within ${timeoutMs} ms:\n${server.output()}`);
}
