import { randomBytes } from 'node:crypto';
import type { ChangePasswordBody, LoginBody, SessionInfo } from '@steerco/contract/auth';
import { formatDateTime } from '@steerco/contract/datetime';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import {
  countFailedLogin,
  findPasswordHash,
  findUserForLogin,
  recordLogin,
  setOwnPassword,
} from '../users/credentials.service.ts';
import { burnVerifyTime, hashPassword, verifyPassword } from '../users/passwords.service.ts';
import {
  endSession,
  endUserSessions,
  findSession,
  sessionIdOf,
  startSession,
  touchSession,
} from '../users/sessions.service.ts';
import { findAccount } from '../users/users.service.ts';

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
    const after = await countFailedLogin(
      db,
      user.id,
      config.LOGIN_LOCKOUT_THRESHOLD,
      config.LOGIN_LOCKOUT_MINUTES,
    );
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
    await recordLogin(tx, user.id);
    await startSession(tx, { token, userId: user.id, csrfToken, expiresAt, ...client });
    await recordAudit(tx, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  const profile = await findAccount(db, user.id);
  return { token, session: { user: profile!, csrfToken, expiresAt: expiresAt.toISOString() } };
}

function lockedError(until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError('auth.locked', {
    detail: `Vui lòng thử lại sau ${formatDateTime(until)} hoặc liên hệ quản trị viên.`,
    headers: { 'retry-after': String(seconds) },
  });
}

export async function logout(db: Db, actor: Actor) {
  await endSession(db, actor.sessionId);
}

/** The signed-in user as loaded with the session: no further queries. */
export function getSessionInfo(actor: Actor): SessionInfo {
  return { user: actor.profile, csrfToken: actor.csrfToken, expiresAt: actor.sessionExpiresAt.toISOString() };
}

/** Changes the actor's own password; the initial-password gate opens and other sessions end. */
export async function changePassword(db: Db, actor: Actor, body: ChangePasswordBody) {
  const hash = await findPasswordHash(db, actor.userId);
  if (!hash || !(await verifyPassword(hash, body.currentPassword))) throw new AppError('auth.wrongPassword');
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await setOwnPassword(tx, actor.userId, passwordHash);
    await endUserSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'auth.passwordChanged',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

// Refresh last_seen_at at most this often, so reads do not turn into a write per request.
const TOUCH_INTERVAL_MS = 5 * 60_000;

/**
 * The actor of a session cookie (registered with the HTTP layer's auth hook in app.ts): the session must be
 * known, of an active account, neither expired nor idle too long. Every authenticated request runs it.
 */
export async function actorOfSession(db: Db, config: Config, token: string): Promise<Actor | null> {
  const sessionId = sessionIdOf(token);
  const row = await findSession(db, sessionId);
  if (!row?.active) return null;
  const now = Date.now();
  const idleLimit = row.lastSeenAt.getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (row.expiresAt.getTime() <= now || idleLimit <= now) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(db, sessionId);
  return {
    userId: row.id,
    username: row.username,
    fullName: row.fullName,
    systemRole: row.systemRole,
    unitId: row.unitId,
    unitPath: row.unitPath,
    mustChangePassword: row.mustChangePassword,
    sessionId,
    csrfToken: row.csrfToken,
    sessionExpiresAt: row.expiresAt,
    profile: row.profile,
  };
}
