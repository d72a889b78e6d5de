/* The route's search parameters, read from the URL (loaded with the first page; the rest of api.ts with the pages). */
/** The list's state, kept in the URL (`?q=&active=&page=`) so reload and Back keep it. */
export interface UsersSearch {
  q?: string;
  active?: 'true' | 'false';
  page?: number;
}

/** Reads the users list's search params from the URL, dropping anything malformed. */
export function parseUsersSearch(search: Record<string, unknown>): UsersSearch {
  const q = typeof search.q === 'string' && search.q.trim() ? search.q.trim().slice(0, 100) : undefined;
  const active = search.active === 'true' || search.active === 'false' ? search.active : undefined;
  const page = Number(search.page);
  return { q, active, page: Number.isInteger(page) && page > 1 ? page : undefined };
}
