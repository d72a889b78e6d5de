import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { documents } from './documents.schema.ts';

/** An incoming document (a directive from a higher level) of the committee: when it was issued or recorded. */
export async function findIncomingDocument(db: DbOrTx, committeeId: string, documentId: string) {
  const [doc] = await db
    .select({ issuedOn: documents.issuedOn, createdAt: documents.createdAt })
    .from(documents)
    .where(
      and(
        eq(documents.id, documentId),
        eq(documents.committeeId, committeeId),
        eq(documents.direction, 'incoming'),
      ),
    );
  return doc;
}

/** The title and status of these documents, by id. */
export async function findDocumentHeads(db: DbOrTx, ids: string[]) {
  return ids.length
    ? db
        .select({ id: documents.id, title: documents.title, status: documents.status })
        .from(documents)
        .where(inArray(documents.id, ids))
    : [];
}
