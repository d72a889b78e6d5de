import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { documents } from './documents.schema.ts';

/** Outgoing documents submitted for signature in these committees (the inbox, issue 19). */
export async function findSubmittedDocuments(db: DbOrTx, committeeIds: string[]) {
  if (!committeeIds.length) return [];
  return db
    .select({
      id: documents.id,
      committeeId: documents.committeeId,
      title: documents.title,
      type: documents.type,
      updatedAt: documents.updatedAt,
    })
    .from(documents)
    .where(
      and(
        eq(documents.status, 'submitted'),
        sql`${documents.committeeId} = any(${sql.param(committeeIds)}::uuid[])`,
      ),
    )
    .orderBy(desc(documents.updatedAt))
    .limit(200);
}
