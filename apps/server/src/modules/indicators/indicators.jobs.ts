import type { Job, JobDeps, JobQueue } from '../../jobs/queue.ts';
import { refreshComputedIndicators } from './computed.service.ts';

export const INDICATOR_COMPUTED_JOB = 'indicator.computed';

/** Job data: `today` (ISO date) recomputes as of that day; cron jobs carry none (the server clock's day). */
type RunData = { today?: string };

/**
 * R19: the daily recomputation of the indicators computed from the records (INDICATOR_REFRESH_CRON, Viet Nam
 * time). pg-boss sends each slot once across instances; the run itself holds an advisory lock and writes only
 * what changed, so a retried or doubled run leaves the same values and summaries.
 */
export async function registerIndicatorJobs(queue: JobQueue, { db, config, logger }: JobDeps): Promise<void> {
  const log = logger.child({ component: 'indicators' });
  await queue.createQueue(INDICATOR_COMPUTED_JOB, {
    policy: 'singleton',
    retryLimit: 2,
    retryDelaySeconds: 300,
    expireInSeconds: 1800,
  });
  await queue.work(
    INDICATOR_COMPUTED_JOB,
    async (job: Job<RunData>) => {
      const result = await refreshComputedIndicators(db, job.data.today ? { today: job.data.today } : {});
      log.info(result, 'computed indicators refreshed');
    },
    { concurrency: 1 },
  );
  await queue.schedule(INDICATOR_COMPUTED_JOB, config.INDICATOR_REFRESH_CRON);
}
