import { randomBytes } from 'node:crypto';
import type { ChangePasswordBody, LoginBody, SessionInfo } from '@steerco/contract/auth';
import { formatDateTime } from '@steerco/contract/datetime';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { hashToken } from '../../http/auth-hook.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { findUserById, findUserForLogin, toUserDto } from '../users/users.repo.ts';
import { users } from '../users/users.schema.ts';
import { burnVerifyTime, hashPassword, verifyPassword } from './passwords.ts';
import { deleteSession, deleteUserSessions, insertSession } from './sessions.repo.ts';

export interface LoginResult {
  token: string;
  session: SessionInfo;
}

/**
 * Password login. Wrong passwords count towards a temporary lockout kept in the database, so it holds across
 * server instances; an unknown username costs the same time as a wrong password and gets the same answer.
 */
export async function login(
  db: Db,
  config: Config,
  body: LoginBody,
  client: { ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const user = await findUserForLogin(db, body.username);
  if (!user) {
    await burnVerifyTime(body.password);
    throw new AppError('auth.invalidCredentials');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedError(user.lockedUntil);

  if (!(await verifyPassword(user.passwordHash, body.password))) {
    const [after] = await db
      .update(users)
      .set({
        failedLoginCount: sql`${users.failedLoginCount} + 1`,
        lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${config.LOGIN_LOCKOUT_THRESHOLD}
          then now() + make_interval(mins => ${config.LOGIN_LOCKOUT_MINUTES}) else null end`,
      })
      .where(eq(users.id, user.id))
      .returning({ failed: users.failedLoginCount, lockedUntil: users.lockedUntil });
    if (after?.lockedUntil) throw lockedError(after.lockedUntil);
    const left = config.LOGIN_LOCKOUT_THRESHOLD - (after?.failed ?? 0);
    throw new AppError('auth.invalidCredentials', {
      detail: `Còn ${left} lần thử trước khi tài khoản bị khóa tạm thời ${config.LOGIN_LOCKOUT_MINUTES} phút.`,
    });
  }
  if (!user.active)
    throw new AppError('auth.inactive', { detail: 'Liên hệ quản trị viên để được kích hoạt lại.' });

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + config.SESSION_TTL_HOURS * 3_600_000);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: sql`now()` })
      .where(eq(users.id, user.id));
    await insertSession(tx, { id: hashToken(token), userId: user.id, csrfToken, expiresAt, ...client });
    await recordAudit(tx, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  const dto = await findUserById(db, user.id);
  return { token, session: { user: toUserDto(dto!), csrfToken, expiresAt: expiresAt.toISOString() } };
}

function lockedError(until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError('auth.locked', {
    detail: `Vui lòng thử lại sau ${formatDateTime(until)} hoặc liên hệ quản trị viên.`,
    headers: { 'retry-after': String(seconds) },
  });
}

export async function logout(db: Db, actor: Actor) {
  await deleteSession(db, actor.sessionId);
}

/** The signed-in user as loaded with the session: no further queries. */
export function getSessionInfo(actor: Actor): SessionInfo {
  return { user: actor.profile, csrfToken: actor.csrfToken, expiresAt: actor.sessionExpiresAt.toISOString() };
}

/** Changes the actor's own password; the initial-password gate opens and other sessions end. */
export async function changePassword(db: Db, actor: Actor, body: ChangePasswordBody) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!row || !(await verifyPassword(row.hash, body.currentPassword)))
    throw new AppError('auth.wrongPassword');
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, actor.userId));
    await deleteUserSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'auth.passwordChanged',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}
