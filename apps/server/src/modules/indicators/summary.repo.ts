import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView } from '../committees/seats.service.ts';
import { unitsView } from '../units/units.service.ts';
import { indicatorSummaries, indicatorTargets, indicatorValues } from './indicators.schema.ts';

export type SummaryInsert = typeof indicatorSummaries.$inferInsert;

const chainCommittee = committeesView('chain_committee');
const chainUnit = unitsView('chain_unit');

/** The committee and every committee above it, nearest first: id, parent and unit level. */
export async function findCommitteeChain(db: DbOrTx, committeeId: string) {
  const rows = await db
    .select({
      id: chainCommittee.id,
      parentId: chainCommittee.parentId,
      level: chainUnit.level,
      path: chainCommittee.path,
    })
    .from(chainCommittee)
    .innerJoin(chainUnit, eq(chainUnit.id, chainCommittee.unitId))
    .where(
      sql`${chainCommittee.id} = any(string_to_array(trim(both '/' from (select c.path from committees c where c.id = ${committeeId})), '/')::uuid[])`,
    );
  return rows.sort((a, b) => b.path.length - a.path.length);
}

/** The committee's approved values of an indicator, by period. */
export async function findApprovedValues(db: DbOrTx, committeeId: string, indicatorId: string) {
  const rows = await db
    .select({ period: indicatorValues.period, value: indicatorValues.value })
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.committeeId, committeeId),
        eq(indicatorValues.indicatorId, indicatorId),
        eq(indicatorValues.status, 'approved'),
      ),
    );
  return new Map(rows.map((r) => [r.period, r.value]));
}

export async function findTargetValue(db: DbOrTx, committeeId: string, indicatorId: string) {
  const [row] = await db
    .select({ value: indicatorTargets.value })
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.committeeId, committeeId), eq(indicatorTargets.indicatorId, indicatorId)));
  return row?.value ?? null;
}

/** What the committee's children pass up, per period (one index range on the children's rows). */
export async function findChildComponents(db: DbOrTx, committeeId: string, indicatorId: string) {
  const s = indicatorSummaries;
  const rows = await db
    .select({
      period: s.period,
      reporting: sql<number>`count(*) filter (where ${s.eCount} > 0)::int`,
      count: sql<number>`coalesce(sum(${s.eCount}), 0)::int`,
      sum: sql<number>`coalesce(sum(${s.eSum}), 0)::float8`,
      weightedSum: sql<number>`coalesce(sum(${s.eWeightedSum}), 0)::float8`,
      weight: sql<number>`coalesce(sum(${s.eWeight}), 0)::float8`,
      min: sql<number | null>`min(${s.eMin})::float8`,
      max: sql<number | null>`max(${s.eMax})::float8`,
      meeting: sql<number>`coalesce(sum(${s.eMeeting}), 0)::int`,
    })
    .from(s)
    .where(and(eq(s.parentId, committeeId), eq(s.indicatorId, indicatorId)))
    .groupBy(s.period);
  return new Map(rows.map((r) => [r.period, r]));
}

/** The committee's summary values of an indicator by period (last year's series, for the seasonal projection). */
export async function findSummarySeries(db: DbOrTx, committeeId: string, indicatorId: string) {
  const rows = await db
    .select({ period: indicatorSummaries.period, value: indicatorSummaries.value })
    .from(indicatorSummaries)
    .where(
      and(eq(indicatorSummaries.committeeId, committeeId), eq(indicatorSummaries.indicatorId, indicatorId)),
    );
  return new Map(rows.flatMap((r) => (r.value === null ? [] : [[r.period, r.value] as const])));
}

/** Writes the committee's rows of the indicator and removes the periods that no longer have any value. */
export async function replaceSummaryRows(
  tx: DbOrTx,
  committeeId: string,
  indicatorId: string,
  rows: SummaryInsert[],
) {
  const s = indicatorSummaries;
  const keep = rows.map((r) => r.period);
  await tx
    .delete(s)
    .where(
      and(
        eq(s.committeeId, committeeId),
        eq(s.indicatorId, indicatorId),
        keep.length ? notInArray(s.period, keep) : undefined,
      ),
    );
  if (!rows.length) return;
  await tx
    .insert(s)
    .values(rows)
    .onConflictDoUpdate({
      target: [s.committeeId, s.indicatorId, s.period],
      set: Object.fromEntries(
        [
          'parentId',
          'level',
          'ownValue',
          'aggregate',
          'value',
          'target',
          'light',
          'projection',
          'warning',
          'meets',
          'reporting',
          'eCount',
          'eSum',
          'eWeightedSum',
          'eWeight',
          'eMin',
          'eMax',
          'eMeeting',
        ].map((k) => [k, sql.raw(`excluded.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`)]),
      ),
    });
}
