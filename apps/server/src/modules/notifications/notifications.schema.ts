import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';

/** In-app notifications (the notification centre); e-mail delivery is a separate job. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    title: text().notNull(),
    body: text(),
    link: text(),
    data: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/**
 * Per-person e-mail opt-outs (no row = everything on). They silence e-mail only: reminders and escalations still
 * reach the notification centre, which is the record of what the person was told.
 */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Task reminders before the deadline, on the day and when overdue. */
  emailReminders: boolean().notNull().default(true),
  /** Escalations of other people's overdue tasks (the standing agency, the head and deputies). */
  emailEscalations: boolean().notNull().default(true),
  /** The daily digest of one's tasks due soon, overdue and awaiting one's review. */
  emailDigest: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
