import type { CreateUserBody, ListUsersQuery, UpdateUserBody, User } from '@steerco/contract/users';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, assertCan, can } from '../../http/permissions.ts';
import { findUnit } from '../units/units.service.ts';
import { generateInitialPassword, hashPassword } from './passwords.service.ts';
import { endUserSessions } from './sessions.service.ts';
import {
  findPeople,
  findUserById,
  findUsers,
  insertUser,
  resetPassword,
  setUserActive as setActive,
  toUserDto,
  updateUserRow,
} from './users.repo.ts';

/** People for other modules' queries to join (names, positions, units): see `usersView` in users.repo.ts. */
export { findPersonByLogin, usersView } from './users.repo.ts';

/** People among `ids`, by id (unknown ids are left out): username, name, position, unit, e-mail, whether active. */
export async function findPersons(db: DbOrTx, ids: string[]) {
  const rows = ids.length ? await findPeople(db, [...new Set(ids)]) : [];
  return new Map(rows.map((p) => [p.id, p]));
}

/** Lists accounts; a unit administrator sees only those of its own unit subtree. */
export async function listUsers(db: Db, actor: Actor, query: ListUsersQuery) {
  assertCan(actor, 'users.read');
  const scope = actor.systemRole === 'systemAdmin' ? null : (actor.unitPath ?? '/none/');
  const { rows, total } = await findUsers(db, query, scope);
  return { items: rows.map(toUserDto), total, page: query.page, pageSize: query.pageSize };
}

/** Loads a user the actor may see, or answers 404 (records the caller cannot see do not exist for it). */
async function loadVisibleUser(db: DbOrTx, actor: Actor, id: string, action: 'users.read' | 'users.manage') {
  const user = await findUserById(db, id);
  if (!user || !can(actor, 'users.read', { unitPath: user.unitPath })) throw new AppError('user.notFound');
  assertCan(actor, action, { unitPath: user.unitPath });
  return user;
}

/** An account as /me shows it, without a permission check (the signed-in person's own). */
export async function findAccount(db: DbOrTx, id: string): Promise<User | undefined> {
  const row = await findUserById(db, id);
  return row && toUserDto(row);
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  return toUserDto(await loadVisibleUser(db, actor, id, 'users.read'));
}

/** Checks the unit exists and lies within the actor's reach; only system admins grant admin roles. */
async function assertAssignable(db: DbOrTx, actor: Actor, body: Partial<CreateUserBody>) {
  if (body.unitId) {
    const unit = await findUnit(db, body.unitId);
    if (!unit) {
      throw new AppError('unit.notFound', {
        errors: [{ path: 'body.unitId', message: 'Đơn vị không tồn tại', code: 'not_found' }],
      });
    }
    assertCan(actor, 'users.manage', { unitPath: unit.path });
  } else if (body.unitId === null && actor.systemRole !== 'systemAdmin') {
    throw new AppError('permission.denied', {
      detail: 'Tài khoản phải thuộc một đơn vị trong phạm vi quản lý.',
    });
  }
  if (body.systemRole && actor.systemRole !== 'systemAdmin') throw new AppError('user.roleNotAllowed');
}

function uniqueViolationToError(err: unknown): never {
  if (isUniqueViolation(err, 'users_username_key')) throw new AppError('user.usernameTaken');
  if (isUniqueViolation(err, 'users_email_key')) throw new AppError('user.emailTaken');
  throw err;
}

/** Creates an account with a one-time initial password, returned once, to be changed at first login. */
export async function createUser(db: Db, actor: Actor, body: CreateUserBody) {
  assertCan(actor, 'users.manage');
  await assertAssignable(db, actor, body);
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const id = uuidv7();
  await db
    .transaction(async (tx) => {
      await insertUser(tx, {
        id,
        username: body.username,
        fullName: body.fullName,
        position: body.position ?? null,
        unitId: body.unitId,
        email: body.email ?? null,
        phone: body.phone ?? null,
        systemRole: body.systemRole ?? null,
        passwordHash,
        mustChangePassword: true,
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        data: { username: body.username, systemRole: body.systemRole ?? null },
      });
    })
    .catch(uniqueViolationToError);
  return { user: toUserDto((await findUserById(db, id))!), initialPassword };
}

export async function updateUser(db: Db, actor: Actor, id: string, body: UpdateUserBody): Promise<User> {
  const before = await loadVisibleUser(db, actor, id, 'users.manage');
  await assertAssignable(db, actor, body);
  if (
    body.systemRole !== undefined &&
    body.systemRole !== before.systemRole &&
    actor.systemRole !== 'systemAdmin'
  ) {
    throw new AppError('user.roleNotAllowed');
  }
  await db
    .transaction(async (tx) => {
      await updateUserRow(tx, id, body);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        data: body,
      });
    })
    .catch(uniqueViolationToError);
  return toUserDto((await findUserById(db, id))!);
}

/** Deactivation keeps the account and its history, and ends its sessions at once. */
export async function setUserActive(db: Db, actor: Actor, id: string, active: boolean): Promise<User> {
  await loadVisibleUser(db, actor, id, 'users.manage');
  if (!active && id === actor.userId) throw new AppError('user.cannotDeactivateSelf');
  await db.transaction(async (tx) => {
    await setActive(tx, id, active);
    if (!active) await endUserSessions(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: active ? 'user.activated' : 'user.deactivated',
      entityType: 'user',
      entityId: id,
    });
  });
  return toUserDto((await findUserById(db, id))!);
}

/** Issues a new one-time password; the user must change it at next login, and open sessions end. */
export async function resetUserPassword(db: Db, actor: Actor, id: string) {
  await loadVisibleUser(db, actor, id, 'users.manage');
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  await db.transaction(async (tx) => {
    await resetPassword(tx, id, passwordHash);
    await endUserSessions(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.passwordReset',
      entityType: 'user',
      entityId: id,
    });
  });
  return { user: toUserDto((await findUserById(db, id))!), initialPassword };
}
