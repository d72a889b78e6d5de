import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { connectDatabase } from '../db/client.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { runMigrations } from '../db/migrate.ts';
import { seedDemoIfEmpty } from '../seed/demo.ts';

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL });
const embedded = config.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.EMBEDDED_PG_PORT, logger);
const url = config.DATABASE_URL ?? embedded!.url;
try {
  const database = connectDatabase(url, 2, logger);
  await runMigrations(url, async () => {
    const seeded = await seedDemoIfEmpty(database.db, logger);
    if (!seeded) logger.info('the database already has data: demo data not seeded');
  });
  await database.close();
} finally {
  await embedded?.stop();
}
