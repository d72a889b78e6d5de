import type { ListUsersQuery, UpdateUserBody, User } from '@steerco/contract/users';
import { and, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { readModel } from '../../db/read-model.ts';
import { unitsView } from '../units/units.service.ts';
import { users } from './users.schema.ts';

/** Each user's unit (name, path), joined by every user read. */
export const userUnit = unitsView('user_unit');
const unit = userUnit;

export type UserRow = typeof users.$inferSelect;

export const userColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  position: users.position,
  unitId: users.unitId,
  unitName: unit.name,
  unitPath: unit.path,
  email: users.email,
  phone: users.phone,
  systemRole: users.systemRole,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  isSample: users.isSample,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

/** Users joined with their unit: the shape every user read returns. */
const selectUsers = (db: DbOrTx) =>
  db.select(userColumns).from(users).leftJoin(unit, eq(unit.id, users.unitId));

export type UserListRow = Awaited<ReturnType<typeof selectUsers>>[number];

export function toUserDto(row: UserListRow): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    position: row.position,
    unitId: row.unitId,
    unitName: row.unitName,
    email: row.email,
    phone: row.phone,
    systemRole: row.systemRole,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    isSample: row.isSample,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findUserById(db: DbOrTx, id: string) {
  const [row] = await selectUsers(db).where(eq(users.id, id));
  return row;
}

export async function findUsers(db: DbOrTx, query: ListUsersQuery, withinUnitPath: string | null) {
  const where: SQL[] = [];
  if (query.q) where.push(sql`${users.searchText} like '%' || steerco_fold(${query.q}) || '%'`);
  if (query.unitId) where.push(eq(users.unitId, query.unitId));
  if (query.active) where.push(eq(users.active, query.active === 'true'));
  if (withinUnitPath) where.push(like(unit.path, `${withinUnitPath}%`));
  const condition = where.length ? and(...where) : undefined;

  const [rows, [total]] = await Promise.all([
    selectUsers(db)
      .where(condition)
      .orderBy(desc(users.active), sql`steerco_name_key(${users.fullName}) collate steerco_vi`, users.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).leftJoin(unit, eq(unit.id, users.unitId)).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function insertUser(db: DbOrTx, row: typeof users.$inferInsert) {
  await db.insert(users).values(row);
}

export async function updateUserRow(db: DbOrTx, id: string, body: UpdateUserBody) {
  await db
    .update(users)
    .set({ ...body, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function setUserActive(db: DbOrTx, id: string, active: boolean) {
  await db.update(users).set({ active, updatedAt: sql`now()` }).where(eq(users.id, id));
}

/** A new one-time password: to be changed at next login; the lockout is lifted. */
export async function resetPassword(db: DbOrTx, id: string, passwordHash: string) {
  await db
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: true,
      failedLoginCount: 0,
      lockedUntil: null,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, id));
}

/**
 * People as other modules' queries may join them (published by users.service.ts): the account's public face
 * — name, position, unit, e-mail, whether active — and its folded search text. Each join gives its own alias.
 */
export function usersView(alias = 'person') {
  return readModel
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      position: users.position,
      unitId: users.unitId,
      email: users.email,
      active: users.active,
      isSample: users.isSample,
      searchText: users.searchText,
    })
    .from(users)
    .as(alias);
}

/** People among `ids` (id, name, position, unit, e-mail, active). */
export async function findPeople(db: DbOrTx, ids: string[]) {
  return db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      position: users.position,
      unitId: users.unitId,
      email: users.email,
      active: users.active,
    })
    .from(users)
    .where(inArray(users.id, ids));
}

/** The account a username or e-mail names (case-insensitive), for imports naming people by login. */
export async function findPersonByLogin(db: DbOrTx, login: string) {
  const [row] = await db
    .select({ id: users.id, active: users.active, position: users.position })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${login}) or lower(${users.email}) = lower(${login})`);
  return row;
}
