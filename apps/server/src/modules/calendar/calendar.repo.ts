import type { CalendarOverride } from '@steerco/calendar';
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { usersView } from '../users/users.service.ts';
import { calendarOverrides, revisions } from './calendar.schema.ts';

const REVISION_KEY = 'calendar.revision';

// Every request that uses working days asks whether the calendar changed: built once (issue #18).
const revisionLookup = preparedOnce((db) =>
  db
    .select({ value: revisions.value })
    .from(revisions)
    .where(eq(revisions.key, REVISION_KEY))
    .prepare('steerco_calendar_revision'),
);

export async function findCalendarRevision(db: DbOrTx) {
  const [row] = await revisionLookup(db).execute();
  return row?.value ?? 0;
}

/** Every change of the overrides bumps the revision: each instance rebuilds its cached calendar. */
export async function bumpCalendarRevision(tx: DbOrTx) {
  await tx
    .insert(revisions)
    .values({ key: REVISION_KEY, value: 1 })
    .onConflictDoUpdate({ target: revisions.key, set: { value: sql`${revisions.value} + 1` } });
}

export async function findOverrideDays(db: DbOrTx): Promise<CalendarOverride[]> {
  const rows = await db.select().from(calendarOverrides);
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
}

const creator = usersView('creator');

/** The local overrides with who entered them, by date. */
export async function findOverrides(db: DbOrTx) {
  const rows = await db
    .select({ o: calendarOverrides, createdBy: creator.fullName })
    .from(calendarOverrides)
    .leftJoin(creator, eq(creator.id, calendarOverrides.createdBy))
    .orderBy(asc(calendarOverrides.date));
  return rows.map(({ o, createdBy }) => ({
    id: o.id,
    date: o.date,
    kind: o.kind,
    name: o.name,
    source: o.source,
    createdBy,
    createdAt: o.createdAt.toISOString(),
  }));
}

export async function insertOverride(db: DbOrTx, row: typeof calendarOverrides.$inferInsert) {
  await db.insert(calendarOverrides).values(row);
}

export async function deleteOverride(db: DbOrTx, id: string) {
  const [deleted] = await db.delete(calendarOverrides).where(eq(calendarOverrides.id, id)).returning();
  return deleted;
}
