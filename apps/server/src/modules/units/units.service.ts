import type { CreateUnitBody, UnitLevel, UpdateUnitBody } from '@steerco/contract/units';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, assertCan } from '../../http/permissions.ts';
import {
  findAncestors,
  findChildUnits,
  findUnitById,
  findUnitsByIds,
  insertUnit,
  searchUnits,
  toUnitDto,
  updateUnitRow,
} from './units.repo.ts';

/** The unit tree for other modules' queries to join (names, paths): see `unitsView` in units.repo.ts. */
export { unitsView } from './units.repo.ts';

/** A unit with its path, for other modules' checks (undefined when it does not exist). */
export const findUnit = findUnitById;

/** The names of these units, by id (unknown ids are left out). */
export async function unitNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await findUnitsByIds(db, [...new Set(ids)]) : [];
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** Asserts every unit exists (R1: a lead or co-operating unit). */
export async function assertUnitsExist(db: DbOrTx, ids: string[], detail: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await findUnitsByIds(db, unique);
  if (found.length !== unique.length) throw new AppError('unit.notFound', { detail });
}

/**
 * Which level may sit under which. Communes sit under a district, or directly under the province since the
 * two-tier local government of July 2025; agencies (ministries, departments, offices) under any level.
 */
const ALLOWED_PARENTS: Record<UnitLevel, (UnitLevel | null)[]> = {
  national: [null],
  province: ['national'],
  district: ['province'],
  commune: ['district', 'province'],
  agency: ['national', 'province', 'district', 'commune', 'agency'],
};

export async function listUnits(db: Db, actor: Actor, query: { parentId?: string; q?: string }) {
  assertCan(actor, 'units.read');
  const rows = query.q ? await searchUnits(db, query.q) : await findChildUnits(db, query.parentId);
  return { items: rows.map(toUnitDto) };
}

export async function getUnit(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'units.read');
  const row = await findUnitById(db, id);
  if (!row) throw new AppError('unit.notFound');
  return { ...toUnitDto(row), ancestors: await findAncestors(db, row) };
}

export async function createUnit(db: Db, actor: Actor, body: CreateUnitBody) {
  assertCan(actor, 'units.manage');
  const parent = body.parentId ? await findUnitById(db, body.parentId) : null;
  if (body.parentId && !parent)
    throw new AppError('unit.notFound', { detail: 'Đơn vị cấp trên không tồn tại.' });
  if (!ALLOWED_PARENTS[body.level].includes(parent?.level ?? null)) {
    throw new AppError('unit.invalidParent', {
      errors: [
        {
          path: 'body.parentId',
          message: 'Đơn vị cấp trên không phù hợp với cấp của đơn vị',
          code: 'invalid_parent',
        },
      ],
    });
  }
  const id = uuidv7();
  await db
    .transaction(async (tx) => {
      await insertUnit(tx, {
        id,
        level: body.level,
        code: body.code ?? null,
        name: body.name,
        shortName: body.shortName ?? null,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        isSample: body.isSample,
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'unit.created',
        entityType: 'unit',
        entityId: id,
        data: body,
      });
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw new AppError('unit.codeTaken');
      throw err;
    });
  return getUnit(db, actor, id);
}

export async function updateUnit(db: Db, actor: Actor, id: string, body: UpdateUnitBody) {
  assertCan(actor, 'units.manage');
  if (!(await findUnitById(db, id))) throw new AppError('unit.notFound');
  await db
    .transaction(async (tx) => {
      await updateUnitRow(tx, id, body);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'unit.updated',
        entityType: 'unit',
        entityId: id,
        data: body,
      });
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw new AppError('unit.codeTaken');
      throw err;
    });
  return getUnit(db, actor, id);
}
