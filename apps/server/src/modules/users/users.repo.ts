import type { ListUsersQuery, User } from '@steerco/contract/users';
import { and, count, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from './users.schema.ts';

export type UserRow = typeof users.$inferSelect;

export const userColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  position: users.position,
  unitId: users.unitId,
  unitName: administrativeUnits.name,
  unitPath: administrativeUnits.path,
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
  db.select(userColumns).from(users).leftJoin(administrativeUnits, eq(administrativeUnits.id, users.unitId));

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

/** Login accepts the username or the e-mail address, case-insensitively. */
export async function findUserForLogin(db: DbOrTx, login: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${login} or lower(${users.email}) = ${login}`)
    .limit(1);
  return row;
}

export async function findUsers(db: DbOrTx, query: ListUsersQuery, withinUnitPath: string | null) {
  const where: SQL[] = [];
  if (query.q) where.push(sql`${users.searchText} like '%' || steerco_fold(${query.q}) || '%'`);
  if (query.unitId) where.push(eq(users.unitId, query.unitId));
  if (query.active) where.push(eq(users.active, query.active === 'true'));
  if (withinUnitPath) where.push(like(administrativeUnits.path, `${withinUnitPath}%`));
  const condition = where.length ? and(...where) : undefined;

  const [rows, [total]] = await Promise.all([
    selectUsers(db)
      .where(condition)
      .orderBy(desc(users.active), sql`steerco_name_key(${users.fullName}) collate steerco_vi`, users.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(users)
      .leftJoin(administrativeUnits, eq(administrativeUnits.id, users.unitId))
      .where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}
