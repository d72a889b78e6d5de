import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView } from '../committees/seats.service.ts';
import { usersView } from '../users/users.service.ts';
import { indicatorFrameworks, parAppraisals, parAssessments, parScores } from './indicators.schema.ts';

export type AssessmentRow = typeof parAssessments.$inferSelect;
export type ScoreRow = typeof parScores.$inferSelect;

export async function findAssessmentRow(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(parAssessments).where(eq(parAssessments.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function assessmentExists(db: DbOrTx, committeeId: string, frameworkId: string) {
  const [row] = await db
    .select({ id: parAssessments.id })
    .from(parAssessments)
    .where(and(eq(parAssessments.committeeId, committeeId), eq(parAssessments.frameworkId, frameworkId)));
  return !!row;
}

export async function insertAssessment(
  tx: DbOrTx,
  row: typeof parAssessments.$inferInsert,
  indicatorIds: string[],
) {
  await tx.insert(parAssessments).values(row);
  if (indicatorIds.length)
    await tx
      .insert(parScores)
      .values(indicatorIds.map((indicatorId) => ({ assessmentId: row.id, indicatorId })));
}

export async function updateAssessment(
  tx: DbOrTx,
  id: string,
  set: Partial<typeof parAssessments.$inferInsert>,
) {
  await tx.update(parAssessments).set(set).where(eq(parAssessments.id, id));
}

export async function findScoreRows(db: DbOrTx, assessmentId: string) {
  return db.select().from(parScores).where(eq(parScores.assessmentId, assessmentId));
}

export async function updateScore(
  tx: DbOrTx,
  assessmentId: string,
  indicatorId: string,
  set: Partial<typeof parScores.$inferInsert>,
) {
  await tx
    .update(parScores)
    .set(set)
    .where(and(eq(parScores.assessmentId, assessmentId), eq(parScores.indicatorId, indicatorId)));
}

export async function insertAppraisal(tx: DbOrTx, row: typeof parAppraisals.$inferInsert) {
  await tx.insert(parAppraisals).values(row);
}

const appraiser = usersView('par_appraiser');
export async function findAppraisals(db: DbOrTx, assessmentId: string) {
  return db
    .select({ a: parAppraisals, byName: appraiser.fullName })
    .from(parAppraisals)
    .leftJoin(appraiser, eq(appraiser.id, parAppraisals.appraisedBy))
    .where(eq(parAppraisals.assessmentId, assessmentId))
    .orderBy(asc(parAppraisals.appraisedAt), asc(parAppraisals.id));
}

const submitter = usersView('par_submitter');
export async function findSubmitterName(db: DbOrTx, userId: string | null) {
  if (!userId) return null;
  const [row] = await db.select({ name: submitter.fullName }).from(submitter).where(eq(submitter.id, userId));
  return row?.name ?? null;
}

const assessed = committeesView('assessed_committee');

/** The committee's assessments and those of the committees directly below it (what they submitted to it). */
export async function findAssessments(db: DbOrTx, committeeId: string) {
  return db
    .select({
      a: parAssessments,
      committeeName: assessed.name,
      frameworkName: indicatorFrameworks.name,
      year: indicatorFrameworks.year,
      selfTotal: sql<number>`(select coalesce(sum(s.self_score), 0)::float8 from par_scores s where s.assessment_id = ${parAssessments.id})`,
      finalTotal: sql<
        number | null
      >`(select case when ${parAssessments.status} = 'final' then coalesce(sum(s.appraised_score), 0)::float8 end from par_scores s where s.assessment_id = ${parAssessments.id})`,
    })
    .from(parAssessments)
    .innerJoin(assessed, eq(assessed.id, parAssessments.committeeId))
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, parAssessments.frameworkId))
    .where(or(eq(parAssessments.committeeId, committeeId), eq(assessed.parentId, committeeId)))
    .orderBy(sql`${indicatorFrameworks.year} desc`, asc(assessed.name));
}
