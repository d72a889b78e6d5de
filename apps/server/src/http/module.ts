import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';

/** What every module's routes receive when registered. */
export interface ModuleOptions {
  db: Db;
  config: Config;
  /** The background job queue; null when jobs are disabled (e-mails then wait in the outbox). */
  jobs: JobQueue | null;
}
