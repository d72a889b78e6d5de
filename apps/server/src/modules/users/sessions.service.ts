import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.ts';
import {
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  touchSession,
} from './sessions.repo.ts';
import { toUserDto } from './users.repo.ts';

/** Sessions are stored by the hash of their token: a leaked table opens no session. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Records a new session for the token (hashed) in the caller's transaction. */
export async function startSession(
  tx: DbOrTx,
  s: {
    token: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  const { token, ...rest } = s;
  await insertSession(tx, { id: sessionIdOf(token), ...rest });
}

/** The session and its user (as /me shows the account), in one round trip; undefined when unknown. */
export async function findSession(db: Db, sessionId: string) {
  const row = await findSessionWithUser(db, sessionId);
  return row && { ...row, profile: toUserDto(row) };
}

export { touchSession };

export const endSession = deleteSession;

/** Ends every session of a user, except `keep` (the one changing the password stays signed in). */
export const endUserSessions = deleteUserSessions;
