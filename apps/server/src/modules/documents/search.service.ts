import type { SearchHit } from '@steerco/contract/search';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { committeesVisibleTo } from '../committees/search.service.ts';
import { findDocumentsByWords } from './search.repo.ts';

/** Documents the actor may see (those of the committees they see, as the document page checks) with every word. */
export async function searchDocuments(db: Db, actor: Actor, q: string, limit: number): Promise<SearchHit[]> {
  const rows = await findDocumentsByWords(db, committeesVisibleTo(actor), q, limit);
  return rows.map((d) => ({
    id: d.id,
    title: d.numberText ? `${d.numberText} — ${d.title}` : d.title,
    subtitle: d.committeeName,
    committeeId: d.committeeId,
  }));
}
