import { sql } from 'drizzle-orm';
import { bigint, check, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';

/** A deployment's additions to the national calendar: a local holiday, or a change announced later. */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: uuid().primaryKey(),
    date: date().notNull().unique(),
    kind: text().notNull().$type<'holiday' | 'dayOff' | 'swappedWorkday' | 'workday'>(),
    name: text().notNull(),
    source: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('calendar_overrides_kind_check', sql`${t.kind} in ('holiday','dayOff','swappedWorkday','workday')`),
  ],
);

/**
 * Counters other instances read to notice a change (e.g. 'calendar.revision'): each instance caches what it
 * built and rebuilds only when the counter moved.
 */
export const revisions = pgTable('revisions', {
  key: text().primaryKey(),
  value: bigint({ mode: 'number' }).notNull().default(0),
});
