import * as clock from '../../clock.ts';
import type { JobDeps, JobQueue } from '../../jobs/queue.ts';
import { invitationMailer, rsvpLink, runAutomaticReminders } from './invitations.service.ts';

export const MEETING_REMINDER_JOB = 'meeting.reminders';

/** R10: the automatic reminder to non-responders before the confirmation deadline, on a cron schedule. */
export async function registerMeetingJobs(queue: JobQueue, { db, config, logger }: JobDeps): Promise<void> {
  await queue.createQueue(MEETING_REMINDER_JOB, { policy: 'singleton', retryLimit: 0, expireInSeconds: 600 });
  if (config.MEETING_REMINDER_HOURS === 0) return;
  await queue.work(
    MEETING_REMINDER_JOB,
    async () => {
      const mailer = invitationMailer(config);
      await runAutomaticReminders(
        db,
        mailer,
        (tx, attendeeId, m) => rsvpLink(tx, mailer.publicUrl, attendeeId, m),
        {
          now: clock.now(),
          hoursBefore: config.MEETING_REMINDER_HOURS,
          logger: logger.child({ component: 'meetings' }),
        },
      );
      await mailer.dispatch(queue);
    },
    { concurrency: 1 },
  );
  await queue.schedule(MEETING_REMINDER_JOB, config.MEETING_REMINDER_CRON);
}
