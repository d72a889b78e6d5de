/* The route's search parameters, read from the URL (loaded with the first page; the rest of api.ts with the pages). */

/** The tabs of a committee's page, by their Vietnamese slug in `?tab=` (the server's notifications link them). */
export const COMMITTEE_TABS = [
  'thanh-vien',
  'phan-cong',
  'so-do',
  'co-quan-thuong-truc',
  'to-giup-viec',
  'uy-quyen',
  'nhan-su',
  'quy-che',
  'ke-hoach',
  'chi-so',
  'danh-gia',
] as const;
export type CommitteeTab = (typeof COMMITTEE_TABS)[number];

export interface CommitteeSearch {
  tab?: CommitteeTab;
}

export const parseCommitteeSearch = (search: Record<string, unknown>): CommitteeSearch => ({
  tab: COMMITTEE_TABS.includes(search.tab as CommitteeTab) ? (search.tab as CommitteeTab) : undefined,
});

/** The committee list's state in the URL: `?q=` searches all levels, `?mine=true` keeps my own committees. */
export interface CommitteesSearch {
  q?: string;
  mine?: true;
}

export const parseCommitteesSearch = (search: Record<string, unknown>): CommitteesSearch => ({
  q: typeof search.q === 'string' && search.q.trim() ? search.q.trim().slice(0, 100) : undefined,
  mine: search.mine === true || search.mine === 'true' ? true : undefined,
});
