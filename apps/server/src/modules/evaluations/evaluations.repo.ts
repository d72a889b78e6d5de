import type { EvaluationScheme } from '@steerco/contract/evaluations';
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  evaluationCycles,
  evaluationMembers,
  evaluationSchemes,
  evaluationTaskNotes,
} from './evaluations.schema.ts';

// The evaluations' own tables (R17): schemes, cycles, members' evaluations, task notes.

export type CycleRow = typeof evaluationCycles.$inferSelect;
export type MemberRow = typeof evaluationMembers.$inferSelect;

/** The scheme in force for `year`: the latest one valid from that year or before. */
export async function findSchemeFor(db: DbOrTx, year: number) {
  const [row] = await db
    .select()
    .from(evaluationSchemes)
    .where(lte(evaluationSchemes.validFromYear, year))
    .orderBy(desc(evaluationSchemes.validFromYear))
    .limit(1);
  return row;
}

export async function findScheme(db: DbOrTx, code: string): Promise<EvaluationScheme | undefined> {
  const [row] = await db.select().from(evaluationSchemes).where(eq(evaluationSchemes.code, code));
  return row && { code: row.code, ...row.definition };
}

export async function findCycles(db: DbOrTx, committeeId: string) {
  return db
    .select({
      id: evaluationCycles.id,
      year: evaluationCycles.year,
      deadline: evaluationCycles.deadline,
      status: evaluationCycles.status,
    })
    .from(evaluationCycles)
    .where(eq(evaluationCycles.committeeId, committeeId))
    .orderBy(desc(evaluationCycles.year));
}

export async function findCycle(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(evaluationCycles).where(eq(evaluationCycles.id, id));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function findCycleOfYear(db: DbOrTx, committeeId: string, year: number) {
  const [row] = await db
    .select({ id: evaluationCycles.id })
    .from(evaluationCycles)
    .where(and(eq(evaluationCycles.committeeId, committeeId), eq(evaluationCycles.year, year)));
  return row;
}

/** Inserts the cycle; false when the committee already has one for the year (a concurrent open). */
export async function insertCycle(db: DbOrTx, row: typeof evaluationCycles.$inferInsert) {
  const done = await db
    .insert(evaluationCycles)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: evaluationCycles.id });
  return done.length === 1;
}

export async function updateCycle(
  db: DbOrTx,
  id: string,
  set: Partial<typeof evaluationCycles.$inferInsert>,
) {
  if (!Object.keys(set).length) return;
  await db.update(evaluationCycles).set(set).where(eq(evaluationCycles.id, id));
}

export async function findMembers(db: DbOrTx, cycleId: string) {
  return db
    .select()
    .from(evaluationMembers)
    .where(eq(evaluationMembers.cycleId, cycleId))
    .orderBy(asc(evaluationMembers.id));
}

/** Adds the people not yet in the cycle (one row per person). */
export async function insertMembers(db: DbOrTx, rows: (typeof evaluationMembers.$inferInsert)[]) {
  if (rows.length) await db.insert(evaluationMembers).values(rows).onConflictDoNothing();
}

export async function updateMember(
  db: DbOrTx,
  id: string,
  set: Partial<typeof evaluationMembers.$inferInsert>,
) {
  await db.update(evaluationMembers).set(set).where(eq(evaluationMembers.id, id));
}

export async function findNotes(db: DbOrTx, cycleId: string) {
  return db
    .select()
    .from(evaluationTaskNotes)
    .where(eq(evaluationTaskNotes.cycleId, cycleId))
    .orderBy(asc(evaluationTaskNotes.createdAt));
}

export async function insertNote(db: DbOrTx, row: typeof evaluationTaskNotes.$inferInsert) {
  await db.insert(evaluationTaskNotes).values(row);
}
