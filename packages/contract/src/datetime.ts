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

const parts = (d: Date) => {
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
