import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';
import { MIGRATIONS_DIR, runMigrations } from '../src/db/migrate.ts';
import { createTestDatabase } from './db.ts';

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
  entries: unknown[];
};
const drops: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function appliedMigrations(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = await client.query('select count(*)::int as n from public.__drizzle_migrations');
    const tables = await client.query(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name in ('users','sessions','administrative_units','audit_log')",
    );
    return { applied: applied.rows[0].n as number, tables: tables.rows[0].n as number };
  } finally {
    await client.end();
  }
}

function migrateInChildProcess(url: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/migrate.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'error' },
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

describe('migrations', () => {
  it('apply to an empty database, and a second run changes nothing', async () => {
    const db = await createTestDatabase({ migrated: false });
    drops.push(db.drop);
    await runMigrations(db.url);
    const first = await appliedMigrations(db.url);
    expect(first).toEqual({ applied: journal.entries.length, tables: 4 });
    await runMigrations(db.url);
    expect(await appliedMigrations(db.url)).toEqual(first);
  });

  it('are safe when two processes start at once (advisory lock)', async () => {
    const db = await createTestDatabase({ migrated: false });
    drops.push(db.drop);
    const codes = await Promise.all([migrateInChildProcess(db.url), migrateInChildProcess(db.url)]);
    expect(codes).toEqual([0, 0]);
    expect(await appliedMigrations(db.url)).toEqual({ applied: journal.entries.length, tables: 4 });
  });
});
