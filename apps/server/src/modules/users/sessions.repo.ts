import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { userColumns, userUnit } from './users.repo.ts';
import { sessions, users } from './users.schema.ts';

// Every authenticated request runs this lookup: built once, planned once per connection (issue #18).
const sessionLookup = preparedOnce((db) =>
  db
    .select({
      ...userColumns,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userUnit, eq(userUnit.id, users.unitId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('steerco_session_lookup'),
);

/** The session with its user (joined with the unit), in one round trip. */
export async function findSessionWithUser(db: Db, sessionId: string) {
  const [row] = await sessionLookup(db).execute({ id: sessionId });
  return row;
}

export async function insertSession(
  db: DbOrTx,
  s: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db.insert(sessions).values(s);
}

export async function touchSession(db: DbOrTx, sessionId: string) {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: DbOrTx, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, except `keep` (the one changing the password stays signed in). */
export async function deleteUserSessions(db: DbOrTx, userId: string, keep?: string) {
  await db
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx) {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
