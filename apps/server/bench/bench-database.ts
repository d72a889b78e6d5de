import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import { connectDatabase, type Db } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/demo.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * `npm run bench <name> -- --keep` keeps the benchmark's database after the run (on DATABASE_URL's server as
 * `steerco_bench_<label>`, embedded in `data/bench-<label>`); `-- --reuse` opens a kept one and skips the
 * generation, so a developer iterates without regenerating the national dataset (10–20 minutes) each time.
 */
const keep = process.env.BENCH_KEEP === '1';
const reuse = process.env.BENCH_REUSE === '1';

/**
 * A migrated database with the demo data that nobody else uses: a fresh one on DATABASE_URL's server, or an
 * embedded PostgreSQL in a temporary directory. The benchmark never touches real data.
 */
export async function openBenchDatabase(logger: Logger, label: string) {
  const kept = keep || reuse;
  let url = process.env.DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let tempDir: string | undefined;
  let dropName: string | undefined;
  let dataDir: string | undefined;
  let port = 0;
  let reused = false;
  if (url) {
    const name = kept ? `steerco_bench_${label}` : `steerco_bench_${label}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    reused = reuse && exists === 1;
    if (!reused) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    await admin.end();
    if (!kept) dropName = name;
    const u = new URL(url);
    u.pathname = `/${name}`;
    url = u.toString();
  } else {
    if (kept) {
      dataDir = path.join(repoRoot, 'data', `bench-${label}`);
      reused = reuse && existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
      if (!reused) rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
    } else {
      tempDir = mkdtempSync(path.join(tmpdir(), `steerco-bench-${label}-`));
      dataDir = tempDir;
    }
    chmodSync(dataDir, 0o755);
    port = 54000 + (process.pid % 1000);
    embedded = await startEmbeddedPostgres(path.join(dataDir, 'pg'), port, logger);
    url = embedded.url;
  }
  await runMigrations(url);
  let database = connectDatabase(url, 10);
  if (reused) {
    logger.warn({ label }, 'reusing the kept benchmark database (--reuse)');
  } else {
    await seedDemo(database.db);
  }
  const adminUrl = process.env.DATABASE_URL;
  const bench = {
    url,
    db: database.db as Db,
    tempDir,
    /** True when a kept database was opened: generators are skipped and their results read back. */
    reused,
    /**
     * Runs `generate` once and stores its result in the database, or, on a reused database, reads it back.
     */
    async dataset<T>(name: string, generate: (db: Db) => Promise<T>): Promise<T> {
      await bench.db.execute(
        sql`create table if not exists bench_datasets (name text primary key, result jsonb not null)`,
      );
      const found = await bench.db.execute<{ result: T }>(
        sql`select result from bench_datasets where name = ${name}`,
      );
      if (found.rows[0]) return found.rows[0].result;
      const result = await generate(bench.db);
      await bench.db.execute(sql`insert into bench_datasets (name, result) values (${name}, ${JSON.stringify(result)}::jsonb)
        on conflict (name) do update set result = excluded.result`);
      // Planner statistics for the freshly generated rows, as autovacuum would gather them in production.
      await bench.db.execute(sql`analyze`);
      return result;
    },
    /**
     * Restarts PostgreSQL so the next queries run on its cold shared buffers (the "cold" figures). The
     * embedded server is stopped and started; the machine's server through pg_ctlcluster when it is there.
     * The operating system's page cache stays warm: the cold figures are PostgreSQL's cold cache only.
     */
    async restartPostgres(): Promise<boolean> {
      await database.close();
      let restarted = false;
      if (embedded && dataDir) {
        await embedded.stop();
        embedded = await startEmbeddedPostgres(path.join(dataDir, 'pg'), port, logger);
        restarted = true;
      } else {
        try {
          const versions = readdirSync('/etc/postgresql');
          execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0]!, 'main', 'restart']);
          restarted = true;
        } catch (err) {
          logger.warn({ err }, 'could not restart the external PostgreSQL: the cold figures are warm');
        }
      }
      database = connectDatabase(url, 10);
      bench.db = database.db;
      return restarted;
    },
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
  return bench;
}
