import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';

async function fetchSearch(q: string) {
  return dataOf(await api.GET('/api/v1/search', { params: { query: { q, limit: 5 } } }));
}
export type SearchResults = Awaited<ReturnType<typeof fetchSearch>>;
export type SearchGroup = keyof SearchResults;
export type SearchHit = SearchResults[SearchGroup][number];

export const SEARCH_GROUPS: SearchGroup[] = ['tasks', 'meetings', 'documents', 'committees', 'people'];

/** The header's search: asked once the words are settled (2 characters at least), the last answer kept meanwhile. */
export const searchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['search', q] as const,
    queryFn: () => fetchSearch(q),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

/** Where a hit opens: its page; a person opens the members of the committee they sit on. */
export function hrefOfHit(group: SearchGroup, hit: SearchHit): string {
  const id = encodeURIComponent(hit.id);
  switch (group) {
    case 'meetings':
      return `/cuoc-hop/${id}`;
    case 'tasks':
      return `/nhiem-vu/${id}`;
    case 'documents':
      return `/van-ban/${id}`;
    case 'committees':
      return `/ban-chi-dao/${id}`;
    case 'people':
      return `/ban-chi-dao/${encodeURIComponent(hit.committeeId ?? '')}?tab=thanh-vien`;
  }
}
