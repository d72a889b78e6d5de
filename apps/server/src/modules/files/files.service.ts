import { createHash } from 'node:crypto';
import path from 'node:path';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { assertCleanText } from '../../http/input-text.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertCommittee, loadCommitteeAccess } from '../committees/access.service.ts';
import { assertSafeArchive } from './archive-limits.ts';
import { type FileStore, sniffFileType } from './file-store.service.ts';
import {
  countFilesOfCommittee,
  findFile,
  findFiles,
  insertDerivedFile,
  insertFile,
  type StoredFile,
  toFileDto,
} from './files.repo.ts';

export type { StoredFile };
/** Office archives (DOCX, XLSX) are inspected before anything opens them: entry count, inflated size, ratio. */
export { assertSafeArchive };
export { toFileDto };

/**
 * Stores an upload for a committee: the type is checked from the content (PDF, DOCX, XLSX, PNG, JPEG), the name
 * is kept for display only, and the bytes go to the store before the row is written, in one transaction with the
 * audit row.
 */
export async function uploadCommitteeFile(
  db: Db,
  store: FileStore,
  actor: Actor,
  committeeId: string,
  upload: { filename: string; data: Buffer },
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  // Whoever may file a report on the committee may upload for it (members, the standing agency, admins).
  assertCommittee(actor, 'personnel.propose', access);
  const row = await db.transaction(async (tx) => {
    const stored = await storeFile(tx, store, actor.userId, committeeId, upload);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'file.uploaded',
      entityType: 'file',
      entityId: stored.id,
      data: { committeeId, name: stored.originalName },
    });
    return stored;
  });
  return toFileDto(row);
}

const DEFAULT_TYPES_MESSAGE = 'Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), PNG hoặc JPEG.';

/**
 * Checks an upload's type from its content (optionally against a narrower list of extensions), puts the bytes
 * in the store, then writes the row, in the caller's transaction when it passes one.
 */
export async function storeFile(
  db: DbOrTx,
  store: FileStore,
  uploadedBy: string,
  committeeId: string,
  upload: { filename: string; data: Buffer },
  allowed?: { extensions: string[]; message: string },
): Promise<StoredFile> {
  // The name is shown and stored as text: the API's input rule applies to it (issue #17).
  assertCleanText(upload.filename, 'file.filename');
  const type = sniffFileType(upload.data);
  if (!type || (allowed && !allowed.extensions.includes(type.extension))) {
    throw new AppError('file.typeNotAllowed', { detail: allowed?.message ?? DEFAULT_TYPES_MESSAGE });
  }
  if (type.extension === 'docx' || type.extension === 'xlsx') await assertSafeArchive(upload.data);
  const id = uuidv7();
  const key = `${id.slice(0, 8)}/${id}.${type.extension}`;
  await store.put(key, upload.data);
  const name = path.basename(upload.filename).slice(0, 200) || `tep.${type.extension}`;
  // A failed insert removes the bytes at once; a later rollback of the caller's transaction leaves them to the
  // sweeper (the store noted the key as pending).
  return insertFile(db, {
    id,
    committeeId,
    uploadedBy,
    originalName: name,
    mimeType: type.mime,
    size: upload.data.length,
    sha256: createHash('sha256').update(upload.data).digest('hex'),
    storageKey: key,
  }).catch(async (err: unknown) => {
    await store.remove(key).catch(() => undefined);
    throw err;
  });
}

/** A committee's file the actor may see (404 otherwise). */
export async function getCommitteeFile(db: DbOrTx, actor: Actor, fileId: string) {
  const row = await findFile(db, fileId);
  if (!row?.committeeId) throw new AppError('file.notFound');
  await loadCommitteeAccess(db, actor, row.committeeId).catch(() => {
    throw new AppError('file.notFound');
  });
  return row;
}

/** Checks that a file belongs to the committee a record refers it from. */
export async function assertFileOfCommittee(db: DbOrTx, fileId: string, committeeId: string) {
  if (!(await countFilesOfCommittee(db, [fileId], committeeId)))
    throw new AppError('file.notFound', { detail: 'Tệp đính kèm không thuộc Ban Chỉ đạo này.' });
}

/** Do all these files belong to the committee (e.g. evidence of a task's progress)? */
export async function allFilesOfCommittee(db: DbOrTx, fileIds: string[], committeeId: string) {
  return !fileIds.length || (await countFilesOfCommittee(db, fileIds, committeeId)) === fileIds.length;
}

/** Files by id, as the contract shows them (unknown ids are left out). */
export async function fileDtos(db: DbOrTx, ids: string[]) {
  const rows = await findFiles(db, [...new Set(ids)]);
  return new Map(rows.map((f) => [f.id, toFileDto(f)]));
}

/** A stored file's row (its name, type and storage key), or undefined. */
export const findStoredFile = findFile;

/** Records a file whose bytes the caller already put in the store (e.g. a document's PDF), in its transaction. */
export const recordStoredFile = insertDerivedFile;
