import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from '../src/config.ts';

describe('configuration', () => {
  it('has working defaults: port 3000, embedded database under <repo>/data', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir).toBe(path.join(REPO_ROOT, 'data'));
    expect(c.cookieSecure).toBe(false);
  });

  it('derives secure cookies from an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://bcd.hanoi.gov.vn' }).cookieSecure).toBe(true);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['SESSION_TTL_HOURS', '-1'],
    ['SEED_DEMO', 'maybe'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('stops the server at start-up with that message and exit code 1', { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: 'not-a-port', DATABASE_URL: '' },
      encoding: 'utf8',
      // Starting tsx takes seconds on a busy 2-core machine (it once took more than 20 s).
      timeout: 90_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT:');
  });
});
