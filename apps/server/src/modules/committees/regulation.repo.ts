import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { usersView } from '../users/users.service.ts';
import { regulationVersions } from './committees.schema.ts';

const author = usersView('author');

/** Every version of the committee's regulation, newest first, with who entered it. */
export async function findRegulationVersions(db: DbOrTx, committeeId: string) {
  return db
    .select({ r: regulationVersions, createdBy: author.fullName })
    .from(regulationVersions)
    .leftJoin(author, eq(author.id, regulationVersions.createdBy))
    .where(eq(regulationVersions.committeeId, committeeId))
    .orderBy(desc(regulationVersions.version));
}

/**
 * Locks the committee's regulation for a new version (one number per committee even with two editors at
 * once) and answers the latest version number (0 before the first).
 */
export async function lockRegulation(tx: DbOrTx, committeeId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('regulation:' || ${committeeId}))`);
  const [latest] = await tx
    .select({ v: sql<number>`coalesce(max(${regulationVersions.version}), 0)::int` })
    .from(regulationVersions)
    .where(eq(regulationVersions.committeeId, committeeId));
  return latest?.v ?? 0;
}

export async function insertRegulationVersion(tx: DbOrTx, row: typeof regulationVersions.$inferInsert) {
  await tx.insert(regulationVersions).values(row);
}
