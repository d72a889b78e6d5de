/** Vietnamese display formats, always in the Asia/Ho_Chi_Minh time zone whatever the machine's zone is. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Built once: constructing an Intl formatter costs far more than formatting with it.
const vietnamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// Viet Nam has kept UTC+7, without daylight saving, since 13/06/1975: from then on its wall clock is the UTC one
// moved by 7 hours, which costs a fraction of Intl's formatToParts (every request asks for today's date).
const FIXED_OFFSET_SINCE = Date.UTC(1975, 5, 13);
const OFFSET_MS = 7 * 3_600_000;

const parts = (d: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> => {
  const t = d.getTime();
  if (t >= FIXED_OFFSET_SINCE) {
    const iso = new Date(t + OFFSET_MS).toISOString(); // YYYY-MM-DDTHH:mm…, years 1975–9999
    return {
      year: iso.slice(0, 4),
      month: iso.slice(5, 7),
      day: iso.slice(8, 10),
      hour: iso.slice(11, 13),
      minute: iso.slice(14, 16),
    };
  }
  const p = Object.fromEntries(vietnamParts.formatToParts(d).map((x) => [x.type, x.value]));
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
};

/** dd/MM/yyyy; accepts a Date (an instant) or an ISO date string `YYYY-MM-DD` (a calendar date). */
export function formatDate(value: Date | string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = parts(typeof value === 'string' ? new Date(value) : value);
  return `${p.day}/${p.month}/${p.year}`;
}

/** HH:mm dd/MM/yyyy */
export function formatDateTime(value: Date | string): string {
  const p = parts(typeof value === 'string' ? new Date(value) : value);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** Today's calendar date in Viet Nam as `YYYY-MM-DD`. */
export function todayInVietnam(now = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}
