import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { administrativeUnits } from '../units/units.schema.ts';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey(),
    username: text().notNull(),
    email: text(),
    fullName: text().notNull(),
    position: text(),
    unitId: uuid().references(() => administrativeUnits.id),
    phone: text(),
    systemRole: text().$type<'systemAdmin' | 'unitAdmin'>(),
    passwordHash: text().notNull(),
    mustChangePassword: boolean().notNull().default(true),
    active: boolean().notNull().default(true),
    isSample: boolean().notNull().default(false),
    failedLoginCount: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Accent- and case-folded name, username, email and position for search ("hang" finds "Hằng"). */
    searchText: text().generatedAlwaysAs(
      sql`steerco_fold(coalesce(full_name, '') || ' ' || username || ' ' || coalesce(email, '') || ' ' || coalesce(position, ''))`,
    ),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_unit_idx').on(t.unitId),
    index('users_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('users_system_role_check', sql`${t.systemRole} in ('systemAdmin','unitAdmin')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked database does not leak usable sessions. */
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
