import type { StoredFile as FileDto } from '@steerco/contract/files';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { files } from './files.schema.ts';

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
}
