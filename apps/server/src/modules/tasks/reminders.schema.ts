import { sql } from 'drizzle-orm';
import { check, date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tasks } from './tasks.schema.ts';

/**
 * The task reminders already sent (đôn đốc), one row per (task, deadline, kind): `before:3`, `before:1`, `due`,
 * `overdue`, `escalation`. The job inserts the row in the same transaction as the notifications and e-mails, and
 * the primary key makes that claim exactly once across instances and re-runs. The deadline is part of the key,
 * so an approved extension (a new deadline) gives a fresh set of reminders for the new date.
 */
export const taskReminders = pgTable(
  'task_reminders',
  {
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    deadline: date().notNull(),
    kind: text().notNull(),
    /** The Viet Nam working day the reminder went out on. */
    sentOn: date().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.deadline, t.kind] }),
    check('task_reminders_kind_check', sql`${t.kind} ~ '^(before:[0-9]{1,2}|due|overdue|escalation)$'`),
  ],
);
