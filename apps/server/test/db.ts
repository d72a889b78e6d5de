import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The same server as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file (cloned from the template) and a function that drops it. */
export async function createTestDatabase(opts: { migrated?: boolean } = {}) {
  const template = inject('pgTemplate');
  const name = `steerco_t${randomBytes(4).toString('hex')}_${template.replace('steerco_tpl_', '')}`;
  await admin((c) =>
    c.query(`CREATE DATABASE ${name} ${opts.migrated === false ? '' : `TEMPLATE ${template}`}`),
  );
  return {
    name,
    url: databaseUrl(inject('pgAdminUrl'), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}
