import * as clock from '../../clock.ts';
import { publicUrlOf } from '../../config.ts';
import type { Job, JobDeps, JobQueue } from '../../jobs/queue.ts';
import { dispatchEmails } from '../mail/mail.service.ts';
import { runTaskDigest } from './digest.service.ts';
import { runTaskReminders } from './reminders.service.ts';

export const TASK_REMINDER_JOB = 'task.reminders';
export const TASK_DIGEST_JOB = 'task.digest';

/** Job data: `now` (ISO instant) re-runs a given day, e.g. one the servers missed; cron jobs carry none. */
type RunData = { now?: string };
const clockOf = (job: Job<RunData>) => (job.data.now ? new Date(job.data.now) : clock.now());

/**
 * Issue #8: the daily task reminders and escalations, and the daily digest, on cron schedules in Viet Nam time
 * (pg-boss sends each slot once across instances; the runs themselves skip days off and are exactly-once by
 * their claims, so a retried or doubled run sends nothing twice).
 */
export async function registerTaskJobs(queue: JobQueue, { db, config, logger }: JobDeps): Promise<void> {
  const log = logger.child({ component: 'tasks' });
  const publicUrl = publicUrlOf(config);
  for (const name of [TASK_REMINDER_JOB, TASK_DIGEST_JOB]) {
    await queue.createQueue(name, {
      policy: 'singleton',
      retryLimit: 2,
      retryDelaySeconds: 300,
      expireInSeconds: 1800,
    });
  }
  await queue.work(
    TASK_REMINDER_JOB,
    async (job: Job<RunData>) => {
      const { emailIds } = await runTaskReminders(db, { now: clockOf(job), publicUrl, logger: log });
      await dispatchEmails(queue, emailIds);
    },
    { concurrency: 1 },
  );
  await queue.work(
    TASK_DIGEST_JOB,
    async (job: Job<RunData>) => {
      const { emailIds } = await runTaskDigest(db, { now: clockOf(job), publicUrl, logger: log });
      await dispatchEmails(queue, emailIds);
    },
    { concurrency: 1 },
  );
  await queue.schedule(TASK_REMINDER_JOB, config.TASK_REMINDER_CRON);
  await queue.schedule(TASK_DIGEST_JOB, config.TASK_DIGEST_CRON);
}
