import { formatDateTime } from '@steerco/contract/datetime';
import type { SearchHit } from '@steerco/contract/search';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { committeesVisibleTo } from '../committees/search.service.ts';
import { findMeetingsByWords } from './search.repo.ts';

/** Meetings the actor may see (loadMeeting's rule: the committees they see, and invitations) matching every word. */
export async function searchMeetings(
  db: Db,
  actor: Actor,
  words: string[],
  limit: number,
): Promise<SearchHit[]> {
  const rows = await findMeetingsByWords(db, committeesVisibleTo(actor), actor.userId, words, limit);
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    subtitle: `${m.committeeName} · ${formatDateTime(m.startsAt)}`,
    committeeId: m.committeeId,
  }));
}
