import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  (t) => [index('files_committee_idx').on(t.committeeId)],
);
