import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { connectDatabase } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/demo.ts';

/**
 * A migrated database with the demo data that nobody else uses: a fresh one on DATABASE_URL's server, or an
 * embedded PostgreSQL in a temporary directory. The benchmark never touches real data.
 */
export async function openBenchDatabase(logger: Logger, label: string) {
  let url = process.env.DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let tempDir: string | undefined;
  let dropName: string | undefined;
  if (url) {
    dropName = `steerco_bench_${label}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dropName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dropName}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${dropName}`;
    url = u.toString();
  } else {
    tempDir = mkdtempSync(path.join(tmpdir(), `steerco-bench-${label}-`));
    chmodSync(tempDir, 0o755);
    embedded = await startEmbeddedPostgres(path.join(tempDir, 'pg'), 54000 + (process.pid % 1000), logger);
    url = embedded.url;
  }
  await runMigrations(url);
  const database = connectDatabase(url, 10);
  await seedDemo(database.db);
  const adminUrl = process.env.DATABASE_URL;
  return {
    url,
    db: database.db,
    tempDir,
    async close() {
      await database.close();
      await embedded?.stop();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      if (adminUrl && dropName) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dropName} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}
