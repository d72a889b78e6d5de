import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from './users.schema.ts';

/** Login accepts the username or the e-mail address, case-insensitively. */
export async function findUserForLogin(db: DbOrTx, login: string) {
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      active: users.active,
      lockedUntil: users.lockedUntil,
      email: users.email,
      fullName: users.fullName,
    })
    .from(users)
    .where(sql`lower(${users.username}) = ${login} or lower(${users.email}) = ${login}`)
    .limit(1);
  return row;
}

/** Counts a wrong password; the account locks for `minutes` once `threshold` wrong ones follow each other. */
export async function countFailedLogin(db: DbOrTx, userId: string, threshold: number, minutes: number) {
  const [after] = await db
    .update(users)
    .set({
      failedLoginCount: sql`${users.failedLoginCount} + 1`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${threshold}
          then now() + make_interval(mins => ${minutes}) else null end`,
    })
    .where(eq(users.id, userId))
    .returning({ failed: users.failedLoginCount, lockedUntil: users.lockedUntil });
  return after;
}

export async function recordLogin(db: DbOrTx, userId: string) {
  await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: sql`now()` })
    .where(eq(users.id, userId));
}

export async function findPasswordHash(db: DbOrTx, userId: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash;
}

/** The person's own new password: the initial-password gate opens. */
export async function setOwnPassword(db: DbOrTx, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}
