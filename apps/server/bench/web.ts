// `npm run bench web` (issue 19): the first load of the built web app on a provincial 4G link, in Chromium.
// Starts the server as in production (apps/web/dist, embedded PostgreSQL in a temporary directory with the demo
// data), then opens each first page in a fresh browser context (empty cache) with the link emulated through the
// DevTools protocol: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (Lighthouse's "slow 4G").
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const distDir = process.env.WEB_DIST_DIR ?? path.join(repoRoot, 'apps/web/dist');

const LINK = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const KB = 1000;
const TARGETS = { loginJs: 150 * KB, pageJs: 250 * KB, loginUsableMs: 2000, dashboardSettledMs: 3000 };
const DEMO = { username: 'hang.ntt', initialPassword: 'PhucLa@2024', password: 'Bench-PhucLa-2026' };

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

async function startServer(): Promise<{ baseUrl: string; server: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'steerco-bench-web-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach the data inside
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _external, ...env } = process.env;
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...env,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      WEB_DIST_DIR: distDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    // Its output only matters if it fails to start (it logs the embedded PostgreSQL's shutdown at the end).
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const deadline = performance.now() + 180_000;
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, server, dataDir };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the server did not start within 3 minutes');
}

/** Signs the demo head in through the API (changing the initial password once) and returns her cookie. */
async function signIn(baseUrl: string): Promise<string> {
  const login = async (password: string) =>
    fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO.username, password }),
    });
  let res = await login(DEMO.password);
  if (!res.ok) {
    res = await login(DEMO.initialPassword);
    if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const changed = await fetch(`${baseUrl}/api/v1/me/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ currentPassword: DEMO.initialPassword, newPassword: DEMO.password }),
    });
    if (!changed.ok) throw new Error(`password change: ${changed.status} ${await changed.text()}`);
    res = await login(DEMO.password);
  }
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

interface Visit {
  page: string;
  jsBytes: number;
  cssBytes: number;
  totalBytes: number;
  requests: number;
  apiRequests: number;
  failed: string[];
  readyMs: number;
  settledMs: number;
}

/**
 * Opens `url` in a fresh context on the emulated link. `ready` waits for what makes the page usable; "settled" is
 * when the last request of the load finished (measured after 1 s without network activity).
 */
async function visit(
  context: BrowserContext,
  name: string,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<Visit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
  const requests = new Map<string, { url: string; type: string; status?: number; done?: number }>();
  let inFlight = 0;
  let lastActivity = performance.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!requests.has(e.requestId)) inFlight += 1;
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other' });
    lastActivity = performance.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.status = e.response.status;
  });
  const finish = (id: string, bytes: number) => {
    const r = requests.get(id);
    if (r && r.done === undefined) {
      r.done = bytes;
      inFlight -= 1;
    }
    lastActivity = performance.now();
  };
  cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => finish(e.requestId, 0));

  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready(page);
  const readyMs = performance.now() - started;
  while (inFlight > 0 || performance.now() - lastActivity < 1000) await new Promise((r) => setTimeout(r, 50));
  const settledMs = lastActivity - started;
  await page.close();

  const all = [...requests.values()];
  const bytes = (type: string) => all.filter((r) => r.type === type).reduce((s, r) => s + (r.done ?? 0), 0);
  return {
    page: name,
    jsBytes: bytes('Script'),
    cssBytes: bytes('Stylesheet'),
    totalBytes: all.reduce((s, r) => s + (r.done ?? 0), 0),
    requests: all.length,
    apiRequests: all.filter((r) => new URL(r.url).pathname.startsWith('/api/')).length,
    failed: all.filter((r) => (r.status ?? 0) >= 400).map((r) => `${r.status} ${new URL(r.url).pathname}`),
    readyMs,
    settledMs,
  };
}

const kb = (n: number) => `${(n / KB).toFixed(1)} kB`;
const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
const mark = (ok: boolean) => (ok ? '✔' : '✘');

export async function benchWeb() {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    console.log(`\nWeb first load: skipped, ${distDir} is missing (npm run build first).`);
    return;
  }
  const { baseUrl, server, dataDir } = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const cookie = await signIn(baseUrl);
    const committees = (await (
      await fetch(`${baseUrl}/api/v1/committees?mine=true`, { headers: { cookie } })
    ).json()) as { items?: { id: string }[] } | { id: string }[];
    const committeeId = (Array.isArray(committees) ? committees : (committees.items ?? []))[0]?.id;

    const anonymous = await browser.newContext({ locale: 'vi-VN' });
    const login = await visit(anonymous, 'Đăng nhập /dang-nhap', `${baseUrl}/dang-nhap`, (p) =>
      p.getByRole('button', { name: 'Đăng nhập' }).waitFor(),
    );
    await anonymous.close();

    const signedIn = async () => {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: baseUrl }]);
      return context;
    };
    const pages: [string, string, (p: Page) => Promise<unknown>][] = [
      ['Tổng quan /', '/', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      ['Nhiệm vụ /nhiem-vu', '/nhiem-vu', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      ['Cuộc họp /cuoc-hop', '/cuoc-hop', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      [
        'Ban Chỉ đạo /ban-chi-dao',
        '/ban-chi-dao',
        (p) => p.getByRole('heading', { level: 1 }).first().waitFor(),
      ],
      ['Văn bản /van-ban', '/van-ban', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
    ];
    if (committeeId)
      pages.push([
        'Một Ban Chỉ đạo /ban-chi-dao/:id',
        `/ban-chi-dao/${committeeId}`,
        (p) => p.getByRole('heading', { level: 1 }).first().waitFor(),
      ]);
    const visits: Visit[] = [];
    for (const [name, url, ready] of pages) {
      const context = await signedIn();
      visits.push(await visit(context, name, `${baseUrl}${url}`, ready));
      await context.close();
    }

    console.log(
      `\nWeb first load, empty cache, Chromium on an emulated link: ${LINK.downloadThroughput * 0.008} kbit/s down, ` +
        `${LINK.uploadThroughput * 0.008} kbit/s up, ${LINK.latency} ms round trip (bytes as transferred, compressed)`,
    );
    const row = (v: Visit, jsTarget: number, timeLabel: string, timeTarget?: number) => ({
      page: v.page,
      'JS transferred': kb(v.jsBytes),
      'JS target': `≤ ${kb(jsTarget)} ${mark(v.jsBytes <= jsTarget)}`,
      CSS: kb(v.cssBytes),
      'all bytes': kb(v.totalBytes),
      requests: `${v.requests} (${v.apiRequests} API)`,
      usable: ms(v.readyMs),
      settled: ms(v.settledMs),
      'time target': timeTarget
        ? `${timeLabel} < ${ms(timeTarget)} ${mark((timeLabel === 'usable' ? v.readyMs : v.settledMs) < timeTarget)}`
        : '',
      failing: v.failed.length ? v.failed.join(', ') : 'none',
    });
    console.table([
      row(login, TARGETS.loginJs, 'usable', TARGETS.loginUsableMs),
      ...visits.map((v, i) =>
        row(v, TARGETS.pageJs, 'settled', i === 0 ? TARGETS.dashboardSettledMs : undefined),
      ),
    ]);
    console.log(
      `Login page: no failing request ${mark(login.failed.length === 0)}${login.failed.length ? ` (${login.failed.join(', ')})` : ''}`,
    );
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
