import { randomBytes } from 'node:crypto';
import type { ChangePasswordBody, LoginBody, SessionInfo } from '@steerco/contract/auth';
import { formatDateTime } from '@steerco/contract/datetime';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { dispatchEmails, enqueueEmail, renderEmail } from '../mail/mail.service.ts';
import {
  countFailedLogin,
  findPasswordHash,
  findUserForLogin,
  recordLogin,
  setOwnPassword,
} from '../users/credentials.service.ts';
import { assertStrongPassword } from '../users/password-policy.service.ts';
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
 * server instances. An unknown account, a wrong password and a locked account get the same answer after the
 * same work (one password verification), so the answer tells nobody which accounts exist or are locked
 * (issue #17); the owner of an account that just locked is told by e-mail instead.
 */
export async function login(
  db: Db,
  config: Config,
  body: LoginBody,
  client: { ip: string | null; userAgent: string | null },
  jobs: JobQueue | null = null,
): Promise<LoginResult> {
  const user = await findUserForLogin(db, body.username);
  if (!user) {
    await burnVerifyTime(body.password);
    throw invalidCredentials();
  }
  const passwordOk = await verifyPassword(user.passwordHash, body.password);
  // Locked: refused even with the right password, and not counted again.
  if (user.lockedUntil && user.lockedUntil > new Date()) throw invalidCredentials();
  if (!passwordOk) {
    const outboxIds = await db.transaction(async (tx) => {
      const after = await countFailedLogin(
        tx,
        user.id,
        config.LOGIN_LOCKOUT_THRESHOLD,
        config.LOGIN_LOCKOUT_MINUTES,
      );
      // The failure that locks the account (the threshold reached just now) tells its owner.
      if (!after?.lockedUntil || after.failed !== config.LOGIN_LOCKOUT_THRESHOLD || !user.email) return [];
      return [await enqueueEmail(tx, lockoutEmail(config, user, after.lockedUntil, client.ip))];
    });
    await dispatchEmails(jobs, outboxIds);
    throw invalidCredentials();
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

function invalidCredentials() {
  return new AppError('auth.invalidCredentials', {
    detail:
      'Sau nhiều lần nhập sai, tài khoản bị khóa tạm thời và chủ tài khoản được báo qua email. Quên mật khẩu: liên hệ quản trị viên.',
  });
}

function lockoutEmail(
  config: Config,
  user: { id: string; email: string | null; fullName: string },
  until: Date,
  ip: string | null,
) {
  const { html, text } = renderEmail({
    title: 'Tài khoản steerco của bạn tạm thời bị khóa',
    paragraphs: [
      `Kính gửi ${user.fullName},`,
      `Tài khoản của bạn vừa bị khóa tạm thời vì mật khẩu bị nhập sai ${config.LOGIN_LOCKOUT_THRESHOLD} lần liên tiếp${ip ? ` (lần cuối từ địa chỉ ${ip})` : ''}. Bạn có thể đăng nhập lại sau ${formatDateTime(until)}.`,
      'Nếu không phải bạn, hãy báo ngay cho quản trị viên hệ thống.',
    ],
    ...(config.PUBLIC_URL ? { action: { label: 'Mở steerco', url: config.PUBLIC_URL } } : {}),
    footer: 'Thư tự động của hệ thống steerco, gửi tới chủ tài khoản.',
  });
  return {
    toAddress: user.email!,
    toName: user.fullName,
    subject: 'Tài khoản steerco tạm thời bị khóa',
    text,
    html,
    dedupeKey: `lockout:${user.id}:${until.toISOString()}`,
  };
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
  await assertStrongPassword(body.newPassword, actor.profile);
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
