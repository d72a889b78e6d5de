import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { runMigrations } from '../db/migrate.ts';

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL });
const embedded = config.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.EMBEDDED_PG_PORT, logger);
try {
  await runMigrations(config.DATABASE_URL ?? embedded!.url);
  logger.info('migrations applied');
} finally {
  await embedded?.stop();
}
