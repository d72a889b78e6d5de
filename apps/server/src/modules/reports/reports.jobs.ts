import * as clock from '../../clock.ts';
import type { Job, JobDeps, JobQueue } from '../../jobs/queue.ts';
import { runReportReminders } from './reminders.service.ts';

export const REPORT_REMINDER_JOB = 'report.reminders';

type RunData = { now?: string };

/**
 * R16: the daily reminders and escalations of reports due, in the follow-up's slot (TASK_REMINDER_CRON, Viet Nam
 * time); pg-boss sends each slot once across instances, and the run's claims make it exactly-once anyway.
 */
export async function registerReportJobs(queue: JobQueue, { db, config, logger }: JobDeps): Promise<void> {
  const log = logger.child({ component: 'reports' });
  await queue.createQueue(REPORT_REMINDER_JOB, {
    policy: 'singleton',
    retryLimit: 2,
    retryDelaySeconds: 300,
    expireInSeconds: 1800,
  });
  await queue.work(
    REPORT_REMINDER_JOB,
    async (job: Job<RunData>) => {
      await runReportReminders(db, { now: job.data.now ? new Date(job.data.now) : clock.now(), logger: log });
    },
    { concurrency: 1 },
  );
  await queue.schedule(REPORT_REMINDER_JOB, config.TASK_REMINDER_CRON);
}
