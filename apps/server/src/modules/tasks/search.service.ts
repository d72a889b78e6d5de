import { formatDate } from '@steerco/contract/datetime';
import type { SearchHit } from '@steerco/contract/search';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { committeesVisibleTo } from '../committees/search.service.ts';
import { findTasksByWords } from './search.repo.ts';

/** Tasks the actor may see (those of the committees they see, as the task page checks) matching every word. */
export async function searchTasks(
  db: Db,
  actor: Actor,
  words: string[],
  limit: number,
): Promise<SearchHit[]> {
  const rows = await findTasksByWords(db, committeesVisibleTo(actor), words, limit);
  return rows.map((t) => ({
    id: t.id,
    title: t.title,
    subtitle: `${t.committeeName} · hạn ${formatDate(t.deadline)}`,
    committeeId: t.committeeId,
  }));
}
