import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import type { Job, JobDeps, JobQueue } from '../../jobs/queue.ts';
import { findUndispatchedEmails, lockEmail, markEmailSent, recordEmailFailure } from './mail.repo.ts';
import { dispatchEmails, MAIL_SEND_JOB, MAIL_SWEEP_JOB } from './mail.service.ts';

// Dispatch follows the commit within milliseconds; a row still undispatched after this was lost to a crash.
const SWEEP_GRACE_SECONDS = 30;
// Far beyond the last retry (5 retries from 60 s, doubling, end within about an hour).
const SWEEP_STALE_HOURS = 6;
const SWEEP_BATCH = 500;

/**
 * Declares the mail queues and, where this process runs jobs, the delivery worker and the sweeper.
 * Without SMTP_URL e-mail is disabled: rows stay pending in the outbox until an instance with SMTP sends them.
 */
export async function registerMailJobs(queue: JobQueue, deps: JobDeps): Promise<void> {
  const { config } = deps;
  const logger = deps.logger.child({ component: 'mail' });
  await queue.createQueue(MAIL_SEND_JOB, {
    policy: 'short',
    retryLimit: config.MAIL_RETRY_LIMIT,
    retryDelaySeconds: config.MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    // Longer than the SMTP timeouts below, so pg-boss never retries an attempt that is still running.
    expireInSeconds: 300,
  });
  await queue.createQueue(MAIL_SWEEP_JOB, { policy: 'short', retryLimit: 0, expireInSeconds: 300 });

  const transport = config.SMTP_URL
    ? nodemailer.createTransport({
        url: config.SMTP_URL,
        // A few kept-open connections, one per concurrent delivery: a notice to 500 people need not open 500.
        pool: true,
        maxConnections: config.MAIL_CONCURRENCY,
        maxMessages: 100,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      })
    : null;
  if (!transport) logger.warn('SMTP_URL is not set: e-mail is disabled, messages stay in the outbox');

  await queue.work<{ outboxId: string }>(
    MAIL_SEND_JOB,
    async (job) => {
      if (transport) await deliverEmail(deps.db, transport, config.SMTP_FROM, job, logger);
    },
    { concurrency: config.MAIL_CONCURRENCY },
  );
  await queue.work(
    MAIL_SWEEP_JOB,
    async () => {
      if (!transport) return;
      const ids = await findUndispatchedEmails(deps.db, SWEEP_GRACE_SECONDS, SWEEP_STALE_HOURS, SWEEP_BATCH);
      if (ids.length) logger.info({ count: ids.length }, 'dispatching e-mails left in the outbox');
      await dispatchEmails(queue, ids);
    },
    { concurrency: 1 },
  );
  await queue.schedule(MAIL_SWEEP_JOB, config.MAIL_SWEEP_CRON);
}

/**
 * Sends one outbox e-mail. The row stays locked while the SMTP server answers, so two workers (or a retry and
 * a sweep) never both send it, and a row already sent is skipped. A failure is recorded, then rethrown for
 * pg-boss to retry; after the last retry the row is marked failed.
 */
async function deliverEmail(
  db: Db,
  transport: Transporter,
  from: string,
  job: Job<{ outboxId: string }>,
  logger: Logger,
): Promise<void> {
  const id = job.data.outboxId;
  let failure: unknown;
  await db.transaction(async (tx) => {
    const row = await lockEmail(tx, id);
    // Missing: dispatched before its transaction committed (or rolled back); the sweeper covers the former.
    if (row?.status !== 'pending') return;
    try {
      const info = await transport.sendMail({
        from,
        to: { name: row.toName ?? '', address: row.toAddress },
        subject: row.subject,
        text: row.text,
        ...(row.html ? { html: row.html } : {}),
        attachments: row.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
          ...(a.encoding ? { encoding: a.encoding } : {}),
        })),
        // Derived from the row: if a crash after SMTP accepted the message makes us send it again, the
        // recipient's client sees the same Message-ID and can fold the copies.
        messageId: `<${row.id}@${domainOf(from)}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      await markEmailSent(tx, id, info.messageId);
    } catch (err) {
      const final = job.retryCount >= job.retryLimit;
      await recordEmailFailure(tx, id, (err as Error).message ?? String(err), final);
      logger.warn({ err, outboxId: id, attempt: job.retryCount + 1, final }, 'e-mail delivery failed');
      failure = err;
    }
  });
  // Thrown after commit, so the attempt stays recorded while pg-boss schedules the retry.
  if (failure) throw failure;
}

function domainOf(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'steerco.local';
}
