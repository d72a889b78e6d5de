import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app.ts';
import { setClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { connectDatabase } from './db/client.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import { type JobQueue, startJobQueue } from './jobs/queue.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import { registerJobs } from './wiring.ts';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  if (config.STEERCO_TEST_NOW) setClock(config.STEERCO_TEST_NOW);
  const logger = pino({
    level: config.LOG_LEVEL,
    ...(config.NODE_ENV === 'development' ? { transport: { target: 'pino-pretty' } } : {}),
  });

  let shutdown: (signal: string, code?: number) => Promise<void> = async (_signal, code = 1) =>
    process.exit(code);
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.EMBEDDED_PG_PORT, logger, {
        onFatal: (err) => {
          console.error(err.message);
          void shutdown('embedded PostgreSQL lost', 1);
        },
      });
  const url = config.DATABASE_URL ?? embedded!.url;
  const database = connectDatabase(url, config.DATABASE_POOL_SIZE, logger);
  // All first-start work runs under the migrations' advisory lock, so instances starting together on an empty
  // database take turns (issue #17): the demo seed (the later ones find data and skip it), and the job queues
  // and schedules (pg-boss deadlocks when two processes create the same queues at once). After migrations:
  // the mail workers read tables those create. pg-boss migrates its own schema.
  let jobs: JobQueue | null = null;
  await runMigrations(url, async () => {
    if (config.SEED_DEMO) await seedDemoIfEmpty(database.db, logger);
    if (config.JOBS_ENABLED) {
      jobs = await startJobQueue({ url, logger, workers: true });
      await registerJobs(jobs, { db: database.db, config, logger });
    }
  });

  const app = await buildApp({ db: database.db, config, logger, jobs });
  await app.listen({ host: config.HOST, port: config.PORT });
  const shown = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  logger.info(`steerco đang chạy tại ${shown}`);
  console.log(`\n  steerco đang chạy tại / is running at: ${shown}\n  Dừng / stop: Ctrl-C\n`);

  let stopping = false;
  shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch((err) => logger.error({ err }, 'closing HTTP server'));
    // Running jobs finish (or are failed for a retry after a timeout) before the pool they use closes.
    await jobs?.stop().catch((err) => logger.error({ err }, 'stopping the job queue'));
    await database.close().catch(() => undefined);
    await embedded?.stop().catch((err) => logger.error({ err }, 'stopping embedded PostgreSQL'));
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
