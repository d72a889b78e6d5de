import type { StoredFile as FileDto } from '@steerco/contract/files';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { filePutsPending, files } from './files.schema.ts';

export type StoredFile = typeof files.$inferSelect;

export function toFileDto(f: StoredFile): FileDto {
  return {
    id: f.id,
    name: f.originalName,
    mimeType: f.mimeType,
    size: f.size,
    sha256: f.sha256,
    createdAt: f.createdAt.toISOString(),
  };
}

export async function insertFile(db: DbOrTx, row: typeof files.$inferInsert) {
  const [inserted] = await db.insert(files).values(row).returning();
  await clearPendingPut(db, row.storageKey);
  return inserted!;
}

export async function findFile(db: DbOrTx, fileId: string) {
  const [row] = await db.select().from(files).where(eq(files.id, fileId));
  return row;
}

export async function findFiles(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select().from(files).where(inArray(files.id, ids)) : [];
}

/** How many of `fileIds` belong to the committee. */
export async function countFilesOfCommittee(db: DbOrTx, fileIds: string[], committeeId: string) {
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, fileIds), eq(files.committeeId, committeeId)));
  return rows.length;
}

/** A document's converted PDF, recorded without a committee of its own. */
export async function insertDerivedFile(db: DbOrTx, row: typeof files.$inferInsert) {
  await db.insert(files).values(row);
  await clearPendingPut(db, row.storageKey);
}

/** Notes a key about to be written to the store (on its own connection: it must survive a rollback). */
export async function notePendingPut(db: DbOrTx, storageKey: string, at: Date) {
  await db.insert(filePutsPending).values({ storageKey, createdAt: at }).onConflictDoNothing();
}

/** The file's row is written in this transaction: its bytes are no longer pending. */
async function clearPendingPut(db: DbOrTx, storageKey: string) {
  await db.delete(filePutsPending).where(eq(filePutsPending.storageKey, storageKey));
}

/**
 * Claims pending keys noted before `before` (locked, skipping those another sweeper holds), with whether a file
 * row refers to each. Called in a transaction that deletes the claimed notes.
 */
export async function claimStalePendingPuts(tx: DbOrTx, before: Date, limit: number) {
  return tx
    .select({
      storageKey: filePutsPending.storageKey,
      // Spelled out: inside the subquery drizzle would name both columns without their tables.
      recorded: sql<boolean>`exists (select 1 from files f where f.storage_key = file_puts_pending.storage_key)`,
    })
    .from(filePutsPending)
    .where(lt(filePutsPending.createdAt, before))
    .orderBy(asc(filePutsPending.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function deletePendingPuts(tx: DbOrTx, keys: string[]) {
  if (keys.length) await tx.delete(filePutsPending).where(inArray(filePutsPending.storageKey, keys));
}
