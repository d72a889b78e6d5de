import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { indicatorFrameworks, indicators, indicatorValues } from './indicators.schema.ts';

// The SQL behind reports' indicator fields (R19 → R16): approved values of the period a report window ends in.

/** The indicator's period (month, quarter, year) that contains month `month`. */
const periodOfMonth = (month: number) =>
  sql`case ${indicators.frequency} when 'monthly' then ${month}::int when 'quarterly' then ${Math.ceil(month / 3)}::int else 1 end`;

/** Each committee's approved values, by indicator code, of the period of `year` containing `month`. */
export async function findApprovedForMonth(db: DbOrTx, committeeIds: string[], year: number, month: number) {
  return db
    .select({
      id: indicatorValues.id,
      committeeId: indicatorValues.committeeId,
      code: indicators.code,
      name: indicators.name,
      frequency: indicators.frequency,
      period: indicatorValues.period,
      value: indicatorValues.value,
      decidedAt: indicatorValues.decidedAt,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .where(
      and(
        sql`${indicatorValues.committeeId} = any(${sql.param(committeeIds)}::uuid[])`,
        eq(indicatorValues.status, 'approved'),
        eq(indicatorFrameworks.year, year),
        sql`${indicatorValues.period} = ${periodOfMonth(month)}`,
      ),
    )
    .orderBy(asc(indicators.code), asc(indicatorFrameworks.code));
}

/** The codes of the indicators of the year's framework versions, in catalogue order. */
export async function findCodesOfYear(db: DbOrTx, year: number) {
  const rows = await db
    .selectDistinct({ code: indicators.code })
    .from(indicators)
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .where(eq(indicatorFrameworks.year, year))
    .orderBy(asc(indicators.code));
  return rows.map((r) => r.code);
}
