/* The route's search parameters, read from the URL (loaded with the first page; the rest of api.ts with the pages). */
/** `?nam=2026`: the year on screen; this year when absent. */
export interface CalendarSearch {
  nam?: number;
}

export function parseCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const year = Number(search.nam);
  return { nam: Number.isInteger(year) && year >= 1900 && year <= 2199 ? year : undefined };
}
