// The committee's register of documents: what other modules may ask of it.
import type { DbOrTx } from '../../db/client.ts';
import { findDocumentHeads } from './documents.repo.ts';

export { findIncomingDocument } from './documents.repo.ts';

/** The title and status of these documents, by id (unknown ids are left out). */
export async function documentHeads(db: DbOrTx, ids: string[]) {
  const rows = await findDocumentHeads(db, [...new Set(ids)]);
  return new Map(rows.map((d) => [d.id, d]));
}
