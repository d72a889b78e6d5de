import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type EmailStatus = 'pending' | 'sent' | 'failed';

/** A file sent with an e-mail. The content is text (e.g. an .ics calendar) stored as is, or base64 for binary files. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
  /** 'base64' for binary files (a .docx, a .pdf); absent: the content is the text itself. */
  encoding?: 'base64';
  /** iTIP method of a calendar attachment (REQUEST, CANCEL). */
  method?: string;
}

/**
 * The transactional outbox of e-mails: a row is written in the transaction of the change it reports, and a job
 * delivers it after commit. `dedupe_key` names the logical e-mail, so it is queued at most once.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey(),
    toAddress: text().notNull(),
    toName: text(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    attachments: jsonb().$type<EmailAttachment[]>().notNull().default([]),
    dedupeKey: text().notNull().unique('email_outbox_dedupe_key_key'),
    status: text().notNull().default('pending').$type<EmailStatus>(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    messageId: text(),
  },
  (t) => [
    index('email_outbox_status_idx').on(t.status, t.createdAt),
    check('email_outbox_status_check', sql`${t.status} in ('pending','sent','failed')`),
  ],
);
