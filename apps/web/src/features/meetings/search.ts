/* The route's search parameters, read from the URL (loaded with the first page; the rest of api.ts with the pages). */
import type { MeetingStatus } from '@steerco/contract/meetings';

/** The tabs of a meeting's page, by their Vietnamese slug in `?tab=`. */
export const MEETING_TABS = [
  'thong-tin',
  'chuong-trinh',
  'giay-moi',
  'y-kien',
  'diem-danh',
  'bien-ban',
] as const;
export type MeetingTab = (typeof MEETING_TABS)[number];

export const parseMeetingSearch = (search: Record<string, unknown>): { tab?: MeetingTab } => ({
  tab: MEETING_TABS.includes(search.tab as MeetingTab) ? (search.tab as MeetingTab) : undefined,
});

/** The list's filters in the URL: `?ban=` committee, `?trang-thai=` status, `?nam=` year. */
export interface MeetingsSearch {
  ban?: string;
  status?: MeetingStatus;
  nam?: number;
}

const STATUSES: MeetingStatus[] = ['draft', 'noticeSent', 'held', 'closed', 'cancelled'];

export const parseMeetingsSearch = (search: Record<string, unknown>): MeetingsSearch => {
  const year = Number(search.nam);
  return {
    ban: typeof search.ban === 'string' && /^[0-9a-f-]{36}$/i.test(search.ban) ? search.ban : undefined,
    status: STATUSES.includes(search.status as MeetingStatus) ? (search.status as MeetingStatus) : undefined,
    nam: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
  };
};

/** The public confirmation page's `?token=` (the signed personal link of the invitation e-mail). */
export const parseRsvpSearch = (search: Record<string, unknown>): { token?: string } => ({
  token: typeof search.token === 'string' && search.token.length >= 10 ? search.token : undefined,
});

/** The chair's page for a late-notice request: the same signed `?token=` (from the request e-mail). */
export const parseLateNoticeSearch = parseRsvpSearch;
