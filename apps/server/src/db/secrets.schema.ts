import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Secrets the instances share (e.g. the key that signs e-mail links), created once by the first instance. */
export const systemSecrets = pgTable('system_secrets', {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
