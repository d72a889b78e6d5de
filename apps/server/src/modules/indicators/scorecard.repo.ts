import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView } from '../committees/seats.service.ts';
import {
  indicatorFrameworks,
  indicatorGroups,
  indicatorSummaries,
  indicators,
  indicatorTargets,
} from './indicators.schema.ts';

// The read side: every query here is an index scan on indicator_summaries (plus the small catalogue).

const s = indicatorSummaries;

/**
 * The committee's scorecard for a year in one statement: every indicator of the year's frameworks with its
 * target and the committee's summary rows (one per period with a value), in catalogue order.
 */
export async function findScorecardRows(db: DbOrTx, committeeId: string, year: number) {
  return db
    .select({
      f: indicatorFrameworks,
      groupCode: indicatorGroups.code,
      groupName: indicatorGroups.name,
      i: indicators,
      target: indicatorTargets.value,
      period: s.period,
      value: s.value,
      ownValue: s.ownValue,
      light: s.light,
      projection: s.projection,
      warning: s.warning,
      reporting: s.reporting,
      pending: sql<boolean>`exists (select 1 from indicator_values v where v.committee_id = ${committeeId}
        and v.indicator_id = ${indicators.id} and v.status = 'submitted')`,
    })
    .from(indicators)
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .innerJoin(indicatorGroups, eq(indicatorGroups.id, indicators.groupId))
    .leftJoin(
      indicatorTargets,
      and(eq(indicatorTargets.committeeId, committeeId), eq(indicatorTargets.indicatorId, indicators.id)),
    )
    .leftJoin(s, and(eq(s.committeeId, committeeId), eq(s.indicatorId, indicators.id)))
    .where(eq(indicatorFrameworks.year, year))
    .orderBy(asc(indicatorFrameworks.code), asc(indicators.position), asc(s.period));
}

/** The committee's own rows of one indicator (its trend; the latest period). */
export async function findSeries(db: DbOrTx, committeeId: string, indicatorId: string) {
  return db
    .select({ period: s.period, value: s.value, aggregate: s.aggregate, reporting: s.reporting })
    .from(s)
    .where(and(eq(s.committeeId, committeeId), eq(s.indicatorId, indicatorId)))
    .orderBy(asc(s.period));
}

const child = committeesView('ranked_committee');

/** The committee's active children with their row of the indicator in the period (none: no value). */
export async function findChildRows(
  db: DbOrTx,
  committeeId: string,
  indicatorId: string,
  period: number,
  direction: 'higher' | 'lower',
) {
  return db
    .select({
      committeeId: child.id,
      name: sql<string>`coalesce(${child.shortName}, ${child.name})`,
      value: s.value,
      target: s.target,
      light: s.light,
    })
    .from(child)
    .leftJoin(s, and(eq(s.committeeId, child.id), eq(s.indicatorId, indicatorId), eq(s.period, period)))
    .where(and(eq(child.parentId, committeeId), eq(child.status, 'active')))
    .orderBy(
      direction === 'higher' ? sql`${s.value} desc nulls last` : sql`${s.value} asc nulls last`,
      asc(child.name),
    );
}

const province = committeesView('national_committee');

/** The latest period any province reported the indicator in. */
export async function findLatestProvincePeriod(db: DbOrTx, indicatorId: string) {
  const [row] = await db
    .select({ period: s.period })
    .from(s)
    .where(and(eq(s.indicatorId, indicatorId), eq(s.level, 'province')))
    .orderBy(desc(s.period))
    .limit(1);
  return row?.period ?? null;
}

/** The provinces' rows of one indicator in a period, with what each passes up (the national aggregate). */
export async function findProvinceRows(db: DbOrTx, indicatorId: string, period: number) {
  return db
    .select({
      committeeId: s.committeeId,
      name: sql<string>`coalesce(${province.shortName}, ${province.name})`,
      value: s.value,
      target: s.target,
      light: s.light,
      eCount: s.eCount,
      eSum: s.eSum,
      eWeightedSum: s.eWeightedSum,
      eWeight: s.eWeight,
      eMin: s.eMin,
      eMax: s.eMax,
      eMeeting: s.eMeeting,
    })
    .from(s)
    .innerJoin(province, eq(province.id, s.committeeId))
    .where(and(eq(s.indicatorId, indicatorId), eq(s.period, period), eq(s.level, 'province')));
}
