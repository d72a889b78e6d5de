import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const administrativeUnits = pgTable(
  'administrative_units',
  {
    id: uuid().primaryKey(),
    level: text().notNull().$type<'national' | 'province' | 'district' | 'commune' | 'agency'>(),
    code: text().unique(),
    name: text().notNull(),
    shortName: text(),
    parentId: uuid().references((): AnyPgColumn => administrativeUnits.id),
    /** Materialised path of ancestor ids, '/<root>/<child>/.../<self>/': subtree queries are one index range scan. */
    path: text().notNull(),
    isSample: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'administrative_units_level_check',
      sql`${t.level} in ('national','province','district','commune','agency')`,
    ),
    index('administrative_units_parent_idx').on(t.parentId),
    index('administrative_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
  ],
);
