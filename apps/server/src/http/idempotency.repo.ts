import { and, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { idempotencyKeys } from '../db/idempotency.schema.ts';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
type Owner = { userId: string; key: string };
const ownedBy = ({ userId, key }: Owner) =>
  and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));

/** Takes the key for a new request; false when a row for it exists already. */
export async function insertKey(db: DbOrTx, owner: Owner, fingerprint: string, at: Date): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ ...owner, fingerprint, createdAt: at })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export async function findKey(db: DbOrTx, owner: Owner): Promise<IdempotencyRow | undefined> {
  const [row] = await db.select().from(idempotencyKeys).where(ownedBy(owner));
  return row;
}

const fresh = (fingerprint: string, at: Date) => ({
  fingerprint,
  createdAt: at,
  appliedAt: null,
  statusCode: null,
  contentType: null,
  body: null,
});

/** A key past its retention starts afresh, whatever became of it. */
export async function restartExpiredKey(
  db: DbOrTx,
  owner: Owner,
  fingerprint: string,
  at: Date,
  before: Date,
) {
  const rows = await db
    .update(idempotencyKeys)
    .set(fresh(fingerprint, at))
    .where(and(ownedBy(owner), lt(idempotencyKeys.createdAt, before)))
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

/**
 * A request claimed before `before` that never applied its write has died: the retry takes its key over. The
 * update waits for a transaction still marking the row and then re-checks, so a write that committed meanwhile
 * is never taken over.
 */
export async function takeOverAbandonedKey(
  db: DbOrTx,
  owner: Owner,
  fingerprint: string,
  at: Date,
  before: Date,
) {
  const rows = await db
    .update(idempotencyKeys)
    .set(fresh(fingerprint, at))
    .where(
      and(
        ownedBy(owner),
        eq(idempotencyKeys.fingerprint, fingerprint),
        lt(idempotencyKeys.createdAt, before),
        isNull(idempotencyKeys.appliedAt),
        isNull(idempotencyKeys.statusCode),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

/** In the write's transaction: the write under this key is applied. */
export async function markApplied(tx: DbOrTx, owner: Owner, at: Date) {
  await tx.update(idempotencyKeys).set({ appliedAt: at }).where(ownedBy(owner));
}

/** The answer sent, to replay to a retry. */
export async function saveAnswer(
  db: DbOrTx,
  owner: Owner,
  answer: { statusCode: number; contentType: string | null; body: string },
) {
  await db.update(idempotencyKeys).set(answer).where(ownedBy(owner));
}

/** A request that failed before writing anything frees its key, so the retry runs again. */
export async function releaseUnapplied(db: DbOrTx, owner: Owner): Promise<boolean> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(and(ownedBy(owner), isNull(idempotencyKeys.appliedAt)))
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

/** Keys older than the retention are forgotten. */
export async function deleteKeysBefore(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
