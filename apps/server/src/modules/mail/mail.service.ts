import type { DbOrTx } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { insertEmail, insertEmails } from './mail.repo.ts';
import type { EmailAttachment } from './mail.schema.ts';

export type { EmailAttachment };
/** A meeting's calendar file (iCalendar REQUEST or CANCEL) and its attachment, for invitations. */
export { buildFeedIcs, buildMeetingIcs, type FeedEvent, icsAttachment } from './ics.ts';
/** The e-mail layout every module's messages use (HTML and plain text). */
export { renderEmail } from './render-email.ts';

export const MAIL_SEND_JOB = 'mail.send';
export const MAIL_SWEEP_JOB = 'mail.sweep';
const DISPATCH_CHUNK = 4;

export interface OutgoingEmail {
  toAddress: string;
  toName?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: EmailAttachment[];
  /**
   * Names the logical e-mail, e.g. `invitation:<meetingId>:<userId>:seq<sequence>`: a second enqueue with the
   * same key is ignored, so a retried request never mails twice.
   */
  dedupeKey: string;
}

/**
 * Queues an e-mail in the caller's transaction: it exists exactly when the change it reports commits.
 * Returns the outbox id to pass to `dispatchEmails` after commit, or null when the dedupe key was already used.
 */
export async function enqueueEmail(tx: DbOrTx, email: OutgoingEmail): Promise<string | null> {
  return insertEmail(tx, {
    toAddress: email.toAddress,
    toName: email.toName ?? null,
    subject: email.subject,
    text: email.text,
    html: email.html ?? null,
    attachments: email.attachments ?? [],
    dedupeKey: email.dedupeKey,
  });
}

/** `enqueueEmail` for many e-mails in one statement; returns the ids of those not deduplicated away. */
export async function enqueueEmails(tx: DbOrTx, emails: OutgoingEmail[]): Promise<string[]> {
  return insertEmails(
    tx,
    emails.map((email) => ({
      toAddress: email.toAddress,
      toName: email.toName ?? null,
      subject: email.subject,
      text: email.text,
      html: email.html ?? null,
      attachments: email.attachments ?? [],
      dedupeKey: email.dedupeKey,
    })),
  );
}

/**
 * Starts delivery of outbox e-mails; call it after the transaction that enqueued them has committed.
 * Null ids (deduplicated e-mails) are skipped. Never throws: the change is already committed, and an e-mail
 * that could not be dispatched now is picked up by the sweeper. Without a job queue this does nothing.
 */
export async function dispatchEmails(queue: JobQueue | null, ids: (string | null)[]): Promise<void> {
  if (!queue) return;
  const pending = ids.filter((id): id is string => !!id);
  // A few at a time: a notice to 500 people is dispatched in a fraction of a second, without flooding the pool.
  for (let i = 0; i < pending.length; i += DISPATCH_CHUNK) {
    await Promise.all(
      pending.slice(i, i + DISPATCH_CHUNK).map(async (id) => {
        try {
          // singletonKey: dispatching the same e-mail again while its job waits adds no second job.
          await queue.send(MAIL_SEND_JOB, { outboxId: id }, { singletonKey: id });
        } catch (err) {
          queue.logger.error({ err, outboxId: id }, 'could not dispatch e-mail; the sweeper will retry');
        }
      }),
    );
  }
}
