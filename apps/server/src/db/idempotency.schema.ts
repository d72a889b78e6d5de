import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Creating writes retried with the same `Idempotency-Key` (issue #17): one row per person and key, for 24 hours.
 * `appliedAt` is set inside the write's own transaction, so a write that committed is known even when its
 * answer was lost; the answer itself is kept once sent, to be replayed.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid().notNull(),
    key: text().notNull(),
    /** The method, path and body the key was first used with. */
    fingerprint: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    appliedAt: timestamp({ withTimezone: true }),
    statusCode: integer(),
    contentType: text(),
    body: text(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
