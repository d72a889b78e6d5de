import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { advanceClock, now, setClock, today } from '../src/clock.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { TEST_NOW } from './clock-setup.ts';
import { createTestContext } from './context.ts';

const SRC = path.resolve(import.meta.dirname, '../src');

/**
 * Where the real time is right: sessions, lockouts and signed-cookie lifetimes (security must not follow a test
 * clock), id generation, the embedded database's start-up, health latency, and the clock itself.
 */
const REAL_TIME_ALLOWED = new Set([
  'clock.ts',
  'http/test-clock.ts',
  'db/ids.ts',
  'db/embedded.ts',
  'http/auth-hook.ts',
  'modules/auth/auth.service.ts',
  'modules/health/health.routes.ts',
  'modules/documents/render/bench.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('fixtures')
      ? [full]
      : [];
  });
}

afterEach(() => setClock(TEST_NOW));

describe('the server clock', () => {
  it('runs from the instant the tests set, in Viet Nam time', () => {
    setClock('2026-12-31T23:30:00+07:00', { frozen: true });
    expect(now().toISOString()).toBe('2026-12-31T16:30:00.000Z');
    expect(today()).toBe('2026-12-31');
    advanceClock(60 * 60_000);
    // 00:30 on 1 January in Viet Nam is still 31 December in UTC: the date is Viet Nam's.
    expect(today()).toBe('2027-01-01');
  });

  it('keeps running when not frozen', async () => {
    setClock('2026-02-15T10:00:00+07:00');
    const first = now().getTime();
    await new Promise((r) => setTimeout(r, 20));
    expect(now().getTime()).toBeGreaterThan(first);
    expect(now().getTime() - Date.parse('2026-02-15T03:00:00Z')).toBeLessThan(60_000);
  });

  it('is the only source of the time in business code (STYLE §12)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file);
      if (REAL_TIME_ALLOWED.has(rel)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/Date\.now\(\)|new Date\(\)|todayInVietnam\(\)/.test(line)) offenders.push(`${rel}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});

describe('the test clock route', () => {
  it('is refused by the configuration outside NODE_ENV=test', () => {
    expect(() => loadConfig({ TEST_CLOCK: 'true' })).toThrow(/TEST_CLOCK: the test clock is only available/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', STEERCO_TEST_NOW: '2026-12-31T09:00:00+07:00' }),
    ).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'test', TEST_CLOCK: 'true' }).TEST_CLOCK).toBe(true);
  });

  it('is not mounted unless asked for, and moves the server clock when it is', async () => {
    const plain = await createTestContext();
    const withClock = await createTestContext({ env: { TEST_CLOCK: 'true' } });
    try {
      const absent = await plain.app.inject({ method: 'GET', url: '/api/test/clock' });
      expect(absent.statusCode).toBe(404);
      const moved = await withClock.app.inject({
        method: 'PUT',
        url: '/api/test/clock',
        payload: { at: '2027-02-07T10:00:00+07:00', frozen: true },
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toEqual({ now: '2027-02-07T03:00:00.000Z' });
      expect(today()).toBe('2027-02-07');
      const bad = await withClock.app.inject({
        method: 'PUT',
        url: '/api/test/clock',
        payload: { at: 'mai' },
      });
      expect(bad.statusCode).toBe(400);
    } finally {
      await plain.close();
      await withClock.close();
    }
  });
});
