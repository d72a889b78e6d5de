import type { SearchQuery, SearchResults } from '@steerco/contract/search';
import type { Db } from '../../db/client.ts';
import { searchWords } from '../../db/search.ts';
import type { Actor } from '../../http/permissions.ts';
import { searchCommittees, searchPeople } from '../committees/search.service.ts';
import { searchDocuments } from '../documents/search.service.ts';
import { searchMeetings } from '../meetings/search.service.ts';
import { searchTasks } from '../tasks/search.service.ts';

/**
 * The header's search (issue 19): meetings, tasks, documents, committees and people, accent-insensitive, each
 * group asked of its owning module with that module's visibility rule (what the person could open).
 */
export async function search(db: Db, actor: Actor, query: SearchQuery): Promise<SearchResults> {
  const words = searchWords(query.q);
  const [meetings, tasks, documents, committees, people] = await Promise.all([
    searchMeetings(db, actor, words, query.limit),
    searchTasks(db, actor, words, query.limit),
    searchDocuments(db, actor, query.q, query.limit),
    searchCommittees(db, actor, words, query.limit),
    searchPeople(db, actor, words, query.limit),
  ]);
  return { meetings, tasks, documents, committees, people };
}
