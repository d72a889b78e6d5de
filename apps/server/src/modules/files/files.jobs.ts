import type { JobDeps, JobQueue } from '../../jobs/queue.ts';
import { createFileStore } from './file-store.service.ts';
import { sweepOrphanFiles } from './orphans.service.ts';

export const FILE_SWEEP_JOB = 'files.sweep-orphans';

/** Every hour, one instance removes the bytes of uploads whose row never committed (issue #17). */
export async function registerFileJobs(queue: JobQueue, { db, config, logger }: JobDeps): Promise<void> {
  const log = logger.child({ component: 'files' });
  const store = createFileStore(config, db);
  await queue.createQueue(FILE_SWEEP_JOB, { policy: 'singleton', retryLimit: 2, expireInSeconds: 1800 });
  await queue.work(FILE_SWEEP_JOB, async () => void (await sweepOrphanFiles(db, store, log)), {
    concurrency: 1,
  });
  await queue.schedule(FILE_SWEEP_JOB, '17 * * * *');
}
