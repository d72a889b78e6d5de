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

  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.EMBEDDED_PG_PORT, logger);
  const url = config.DATABASE_URL ?? embedded!.url;
  await runMigrations(url);
  const database = connectDatabase(url, config.DATABASE_POOL_SIZE);
  if (config.SEED_DEMO) await seedDemoIfEmpty(database.db, logger);

  // After migrations: the mail workers read tables those create. pg-boss migrates its own schema.
  let jobs: JobQueue | null = null;
  if (config.JOBS_ENABLED) {
    jobs = await startJobQueue({ url, logger, workers: true });
    await registerJobs(jobs, { db: database.db, config, logger });
  }

  const app = await buildApp({ db: database.db, config, logger, jobs });
  await app.listen({ host: config.HOST, port: config.PORT });
  const shown = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  logger.info(`steerco đang chạy tại ${shown}`);
  console.log(`\n  steerco đang chạy tại / is running at: ${shown}\n  Dừng / stop: Ctrl-C\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch((err) => logger.error({ err }, 'closing HTTP server'));
    // Running jobs finish (or are failed for a retry after a timeout) before the pool they use closes.
    await jobs?.stop().catch((err) => logger.error({ err }, 'stopping the job queue'));
    await database.close().catch(() => undefined);
    await embedded?.stop().catch((err) => logger.error({ err }, 'stopping embedded PostgreSQL'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
