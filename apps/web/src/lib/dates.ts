/** Calendar dates as the API carries them (`YYYY-MM-DD`), and as Vietnamese users type them (dd/MM/yyyy). */

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a UTC-based date; calendar arithmetic here never depends on the machine's time zone. */
export const isoOfUtc = (date: Date) =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

export const utcOfIso = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** The ISO date `days` days after `iso` (negative: before). */
export const addDays = (iso: string, days: number) => {
  const date = utcOfIso(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return isoOfUtc(date);
};

/**
 * Reads what a user typed: `15/3/2026`, `15-03-2026`, `15.03.2026` or `2026-03-15`. Null for anything that
 * is not a real date (31/02 included).
 */
export function parseVietnameseDate(text: string): string | null {
  const value = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoOfUtc(date);
}

/** Monday = 0 … Sunday = 6, the order of Vietnamese calendars. */
export const mondayFirstWeekday = (iso: string) => (utcOfIso(iso).getUTCDay() + 6) % 7;
