import type { Unit, UpdateUnitBody } from '@steerco/contract/units';
import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { readModel } from '../../db/read-model.ts';
import { administrativeUnits as units } from './units.schema.ts';

export type UnitRow = typeof units.$inferSelect;

// Written out in full: drizzle would render the outer id unqualified, and inside the subquery it means c.id.
const childCount = sql<number>`(select count(*) from administrative_units c where c.parent_id = administrative_units.id)::int`;

export function toUnitDto(row: UnitRow & { childCount: number }): Unit {
  return {
    id: row.id,
    level: row.level,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    parentId: row.parentId,
    isSample: row.isSample,
    active: row.active,
    childCount: row.childCount,
  };
}

export async function findUnitById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ ...getColumns(), childCount })
    .from(units)
    .where(eq(units.id, id));
  return row;
}

function getColumns() {
  const { id, level, code, name, shortName, parentId, path, isSample, active, createdAt, updatedAt } = units;
  return { id, level, code, name, shortName, parentId, path, isSample, active, createdAt, updatedAt };
}

/** The units among `ids` (id, name, path). */
export async function findUnitsByIds(db: DbOrTx, ids: string[]) {
  return db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(inArray(units.id, ids));
}

export async function insertUnit(db: DbOrTx, row: typeof units.$inferInsert) {
  await db.insert(units).values(row);
}

export async function updateUnitRow(db: DbOrTx, id: string, body: UpdateUnitBody) {
  await db
    .update(units)
    .set({ ...body, updatedAt: sql`now()` })
    .where(eq(units.id, id));
}

/** Direct children of a unit (or the top level), ordered the way lists of units are printed: by code, then name. */
export async function findChildUnits(db: DbOrTx, parentId: string | undefined) {
  return db
    .select({ ...getColumns(), childCount })
    .from(units)
    .where(parentId ? eq(units.parentId, parentId) : isNull(units.parentId))
    .orderBy(asc(units.code), asc(units.name));
}

/** Accent-insensitive search by name or code across the whole tree. */
export async function searchUnits(db: DbOrTx, q: string, limit = 50) {
  return db
    .select({ ...getColumns(), childCount })
    .from(units)
    .where(sql`steerco_fold(${units.name}) like '%' || steerco_fold(${q}) || '%' or ${units.code} = ${q}`)
    .orderBy(asc(units.path))
    .limit(limit);
}

/** The ancestors of a unit from the root down, read from its materialised path. */
export async function findAncestors(db: DbOrTx, row: UnitRow) {
  const ids = row.path.split('/').filter((x) => x && x !== row.id);
  if (!ids.length) return [];
  const rows = await db
    .select({ id: units.id, name: units.name, level: units.level, path: units.path })
    .from(units)
    .where(
      sql`${units.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  return rows.sort((a, b) => a.path.length - b.path.length).map(({ path: _p, ...rest }) => rest);
}

/**
 * The unit tree as other modules' queries may join it (published by units.service.ts): id, level, name, short
 * name, parent and materialised path. Each join gives its own `alias`.
 */
export function unitsView(alias = 'unit') {
  return readModel
    .select({
      id: units.id,
      level: units.level,
      name: units.name,
      shortName: units.shortName,
      parentId: units.parentId,
      path: units.path,
    })
    .from(units)
    .as(alias);
}
