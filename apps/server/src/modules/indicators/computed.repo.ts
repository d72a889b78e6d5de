import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView } from '../committees/seats.service.ts';
import { unitsView } from '../units/units.service.ts';
import { indicatorFrameworks, indicators, indicatorValues } from './indicators.schema.ts';

// The SQL of the computed indicators (R19): which indicators are computed, the committees they are computed
// for, and their approved values (written in place: the records they are counted from are their history).

/** The computed indicators of the framework versions of `years`. */
export async function findComputedIndicators(db: DbOrTx, years: number[]) {
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      frequency: indicators.frequency,
      year: indicatorFrameworks.year,
    })
    .from(indicators)
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .where(and(eq(indicators.source, 'computed'), inArray(indicatorFrameworks.year, years)));
}

const refreshCommittee = committeesView('refresh_committee');
const refreshUnit = unitsView('refresh_unit');

/** Active committees (all of them, or `ids`) with parent, unit level and materialised path. */
export async function findCommitteesForRefresh(db: DbOrTx, ids: string[] | null) {
  if (ids && !ids.length) return [];
  return db
    .select({
      id: refreshCommittee.id,
      parentId: refreshCommittee.parentId,
      level: refreshUnit.level,
      path: refreshCommittee.path,
    })
    .from(refreshCommittee)
    .innerJoin(refreshUnit, eq(refreshUnit.id, refreshCommittee.unitId))
    .where(and(eq(refreshCommittee.status, 'active'), ids ? inArray(refreshCommittee.id, ids) : undefined));
}

/** The approved values of these indicators for these committees (computed indicators: at most one a period). */
export async function findApprovedOf(db: DbOrTx, indicatorIds: string[], committeeIds: string[]) {
  if (!indicatorIds.length || !committeeIds.length) return [];
  return db
    .select({
      id: indicatorValues.id,
      committeeId: indicatorValues.committeeId,
      indicatorId: indicatorValues.indicatorId,
      period: indicatorValues.period,
      value: indicatorValues.value,
    })
    .from(indicatorValues)
    .where(
      and(
        inArray(indicatorValues.indicatorId, indicatorIds),
        inArray(indicatorValues.committeeId, committeeIds),
        eq(indicatorValues.status, 'approved'),
      ),
    );
}

export interface ComputedValue {
  id: string;
  committeeId: string;
  indicatorId: string;
  period: number;
  value: number;
}

/** Writes computed values as the period's approved figure, in place of the previous computation. */
export async function upsertComputedValues(tx: DbOrTx, rows: ComputedValue[], at: Date) {
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insert(indicatorValues)
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          ...r,
          status: 'approved' as const,
          source: 'computed' as const,
          enteredAt: at,
          decidedAt: at,
        })),
      )
      .onConflictDoUpdate({
        target: [indicatorValues.committeeId, indicatorValues.indicatorId, indicatorValues.period],
        targetWhere: sql`status = 'approved'`,
        set: { value: sql`excluded.value`, enteredAt: at, decidedAt: at },
      });
}

export async function deleteValues(tx: DbOrTx, ids: string[]) {
  for (let i = 0; i < ids.length; i += 1000)
    await tx.delete(indicatorValues).where(inArray(indicatorValues.id, ids.slice(i, i + 1000)));
}

/** Serialises the runs of the computation (the daily job on any instance, a committee's request). */
export async function lockComputedRefresh(tx: DbOrTx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('steerco.indicators.computed'))`);
}
