import type {
  CreateFrameworkBody,
  FrameworkDetail,
  FrameworkSummary,
  Indicator,
} from '@steerco/contract/indicators';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { indicatorFrameworks, indicatorGroups, indicators } from './indicators.schema.ts';

export type FrameworkRow = typeof indicatorFrameworks.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;

export const toIndicatorDto = (i: IndicatorRow): Indicator => ({
  id: i.id,
  frameworkId: i.frameworkId,
  groupId: i.groupId,
  parentId: i.parentId,
  code: i.code,
  name: i.name,
  unit: i.unit,
  direction: i.direction,
  aggregation: i.aggregation,
  weightCode: i.weightCode,
  frequency: i.frequency,
  source: i.source,
  domain: i.domain,
  ownerAgency: i.ownerAgency,
  maxPoints: i.maxPoints,
  position: i.position,
});

export const toFrameworkSummary = (f: FrameworkRow, indicatorCount: number): FrameworkSummary => ({
  id: f.id,
  code: f.code,
  name: f.name,
  year: f.year,
  basis: f.basis,
  isSample: f.isSample,
  unconfirmed: f.unconfirmed,
  scored: f.scored,
  indicatorCount,
});

const indicatorCount = sql<number>`(select count(*)::int from indicators i where i.framework_id = ${indicatorFrameworks.id})`;

export async function frameworkExists(db: DbOrTx, code: string, year: number) {
  const [row] = await db
    .select({ id: indicatorFrameworks.id })
    .from(indicatorFrameworks)
    .where(and(eq(indicatorFrameworks.code, code), eq(indicatorFrameworks.year, year)));
  return !!row;
}

/** Writes a framework version with its groups, indicators and sub-indicators in order; returns its id. */
export async function insertFramework(tx: DbOrTx, body: CreateFrameworkBody) {
  const frameworkId = uuidv7();
  await tx.insert(indicatorFrameworks).values({
    id: frameworkId,
    code: body.code,
    name: body.name,
    year: body.year,
    basis: body.basis ?? null,
    isSample: body.isSample,
    unconfirmed: body.unconfirmed,
    scored: body.scored,
  });
  const rows: (typeof indicators.$inferInsert)[] = [];
  let position = 0;
  const row = (
    groupId: string,
    parentId: string | null,
    i: CreateFrameworkBody['groups'][number]['indicators'][number]['subIndicators'][number],
  ) => {
    const id = uuidv7();
    rows.push({
      id,
      frameworkId,
      groupId,
      parentId,
      code: i.code,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      aggregation: i.aggregation,
      weightCode: i.aggregation === 'weightedAverage' ? (i.weightCode ?? null) : null,
      frequency: i.frequency,
      source: i.source,
      domain: i.domain,
      ownerAgency: i.ownerAgency ?? null,
      maxPoints: i.maxPoints ?? null,
      position: position++,
    });
    return id;
  };
  for (const [g, group] of body.groups.entries()) {
    const groupId = uuidv7();
    await tx.insert(indicatorGroups).values({
      id: groupId,
      frameworkId,
      code: group.code,
      name: group.name,
      maxPoints: group.maxPoints ?? null,
      position: g,
    });
    for (const i of group.indicators) {
      const id = row(groupId, null, i);
      for (const sub of i.subIndicators) row(groupId, id, sub);
    }
  }
  if (rows.length) await tx.insert(indicators).values(rows);
  return frameworkId;
}

export async function findFrameworks(db: DbOrTx, year?: number) {
  const rows = await db
    .select({ f: indicatorFrameworks, n: indicatorCount })
    .from(indicatorFrameworks)
    .where(year ? eq(indicatorFrameworks.year, year) : undefined)
    .orderBy(desc(indicatorFrameworks.year), asc(indicatorFrameworks.code));
  return rows.map((r) => toFrameworkSummary(r.f, r.n));
}

export async function findFramework(db: DbOrTx, id: string): Promise<FrameworkDetail | undefined> {
  const [f] = await db.select().from(indicatorFrameworks).where(eq(indicatorFrameworks.id, id));
  if (!f) return undefined;
  const [groups, items] = await Promise.all([
    db
      .select()
      .from(indicatorGroups)
      .where(eq(indicatorGroups.frameworkId, id))
      .orderBy(asc(indicatorGroups.position)),
    db.select().from(indicators).where(eq(indicators.frameworkId, id)).orderBy(asc(indicators.position)),
  ]);
  return {
    ...toFrameworkSummary(f, items.length),
    groups: groups.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      maxPoints: g.maxPoints,
      position: g.position,
      indicators: items.filter((i) => i.groupId === g.id).map(toIndicatorDto),
    })),
  };
}

/** An indicator with its framework's version (year and code). */
export async function findIndicator(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ i: indicators, f: indicatorFrameworks })
    .from(indicators)
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .where(eq(indicators.id, id));
  return row;
}

/** The same indicator (framework code and indicator code) in another year's version, if there is one. */
export async function findIndicatorInYear(db: DbOrTx, frameworkCode: string, code: string, year: number) {
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .where(
      and(
        eq(indicatorFrameworks.code, frameworkCode),
        eq(indicatorFrameworks.year, year),
        eq(indicators.code, code),
      ),
    );
  return row?.id;
}

/** Indicators of the framework by code (an import names them by code). */
export async function findIndicatorsByCode(db: DbOrTx, year: number, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select({ i: indicators, f: indicatorFrameworks })
    .from(indicators)
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .where(and(eq(indicatorFrameworks.year, year), inArray(indicators.code, codes)));
}

/** In the framework, the indicator named `code` (a weight) and those weighted by `code`. */
export async function findByCodeInFramework(db: DbOrTx, frameworkId: string, code: string) {
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.frameworkId, frameworkId), eq(indicators.code, code)));
  return row;
}

export async function findWeightedBy(db: DbOrTx, frameworkId: string, code: string) {
  return db
    .select()
    .from(indicators)
    .where(and(eq(indicators.frameworkId, frameworkId), eq(indicators.weightCode, code)));
}

/** The leaf indicators (no sub-indicators) of a framework, in order: what a PAR INDEX assessment scores. */
export async function findLeafIndicators(db: DbOrTx, frameworkId: string) {
  return db
    .select()
    .from(indicators)
    .where(
      and(
        eq(indicators.frameworkId, frameworkId),
        sql`not exists (select 1 from indicators c where c.parent_id = ${indicators.id})`,
      ),
    )
    .orderBy(asc(indicators.position));
}

export async function findFrameworkRow(db: DbOrTx, id: string) {
  const [f] = await db.select().from(indicatorFrameworks).where(eq(indicatorFrameworks.id, id));
  return f;
}
