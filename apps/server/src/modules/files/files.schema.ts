import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { committees } from '../committees/committees.schema.ts';
import { users } from '../users/users.schema.ts';

/** Uploaded files (reports, meeting documents, evidence). The bytes live in the file store, by `storageKey`. */
export const files = pgTable(
  'files',
  {
    id: uuid().primaryKey(),
    committeeId: uuid().references(() => committees.id),
    uploadedBy: uuid().references(() => users.id),
    originalName: text().notNull(),
    mimeType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_committee_idx').on(t.committeeId),
    // The sweeper asks whether a key is referred to; a key is one file's.
    uniqueIndex('files_storage_key_idx').on(t.storageKey),
  ],
);

/**
 * Bytes put in the file store whose row is not committed yet (issue #17): noted before the bytes are written, in
 * a statement of its own, and removed by the transaction that records the file. A note that outlives its
 * transaction marks bytes nobody refers to; the sweeper deletes them.
 */
export const filePutsPending = pgTable(
  'file_puts_pending',
  {
    storageKey: text().primaryKey(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('file_puts_pending_created_idx').on(t.createdAt)],
);
