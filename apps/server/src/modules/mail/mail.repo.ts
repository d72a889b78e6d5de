import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { type EmailAttachment, emailOutbox } from './mail.schema.ts';

export interface NewEmailRow {
  toAddress: string;
  toName: string | null;
  subject: string;
  text: string;
  html: string | null;
  attachments: EmailAttachment[];
  dedupeKey: string;
}

/** The new row's id, or null when an e-mail with this dedupe key is already in the outbox. */
export async function insertEmail(tx: DbOrTx, row: NewEmailRow): Promise<string | null> {
  const [inserted] = await tx
    .insert(emailOutbox)
    .values({ id: uuidv7(), ...row })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return inserted?.id ?? null;
}

/** Many rows in one statement (a notice to a whole committee); the ids of those not already in the outbox. */
export async function insertEmails(tx: DbOrTx, rows: NewEmailRow[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await tx
    .insert(emailOutbox)
    .values(rows.map((row) => ({ id: uuidv7(), ...row })))
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return inserted.map((r) => r.id);
}

/** Locks the row until the transaction ends, so only one worker delivers it. */
export async function lockEmail(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(emailOutbox).where(eq(emailOutbox.id, id)).for('update');
  return row;
}

export async function markEmailSent(tx: DbOrTx, id: string, messageId: string) {
  await tx
    .update(emailOutbox)
    .set({
      status: 'sent',
      sentAt: sql`now()`,
      messageId,
      attempts: sql`${emailOutbox.attempts} + 1`,
      lastAttemptAt: sql`now()`,
      lastError: null,
    })
    .where(eq(emailOutbox.id, id));
}

export async function recordEmailFailure(tx: DbOrTx, id: string, error: string, final: boolean) {
  await tx
    .update(emailOutbox)
    .set({
      status: final ? 'failed' : 'pending',
      attempts: sql`${emailOutbox.attempts} + 1`,
      lastAttemptAt: sql`now()`,
      lastError: error.slice(0, 2000),
    })
    .where(eq(emailOutbox.id, id));
}

/**
 * Pending e-mails no job seems to be handling: never attempted and older than `graceSeconds` (dispatch
 * happens right after commit, so these were lost to a crash in between), or last attempted so long ago
 * that their retries must have died with a worker.
 */
export async function findUndispatchedEmails(
  db: DbOrTx,
  graceSeconds: number,
  staleHours: number,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.status, 'pending'),
        lt(emailOutbox.createdAt, sql`now() - make_interval(secs => ${graceSeconds})`),
        or(
          eq(emailOutbox.attempts, 0),
          lt(emailOutbox.lastAttemptAt, sql`now() - make_interval(hours => ${staleHours})`),
        ),
      ),
    )
    .orderBy(emailOutbox.createdAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
