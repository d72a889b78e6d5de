import type { IndicatorFrequency } from '@steerco/contract/indicators';

// The computed indicators of a committee's own steering (R19), pure: which code is which formula, and the
// calendar window of an indicator's period. The figures come from the tasks, meetings and reports modules.

/** What a committee's records show for one window (counts from the other modules' public figures). */
export interface OwnFigures {
  tasksDoneOnTime: number;
  tasksDoneLate: number;
  /** Open at the window's end past their deadline. */
  tasksOverdue: number;
  /** Meetings held in the window that had a notice, and those whose notice went out on time (R9). */
  meetingsNoticed: number;
  meetingsNoticeOnTime: number;
  /** Reports due in the window (R16), and those first sent by their deadline. */
  reportsDue: number;
  reportsOnTime: number;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((10_000 * part) / whole) / 100 : null);

/**
 * The formula of each computed indicator code (the catalogue's `BCD` framework): null when the window has
 * nothing to count (no value is written). Tasks done on time: of the tasks finished in the window plus those
 * overdue at its end, the share finished by their deadline.
 */
export const COMPUTED_FORMULAS: Record<string, (f: OwnFigures) => number | null> = {
  'BCD.DUNGHAN': (f) => pct(f.tasksDoneOnTime, f.tasksDoneOnTime + f.tasksDoneLate + f.tasksOverdue),
  'BCD.QUAHAN': (f) => f.tasksOverdue,
  'BCD.GIAYMOI': (f) => pct(f.meetingsNoticeOnTime, f.meetingsNoticed),
  'BCD.BAOCAO': (f) => pct(f.reportsOnTime, f.reportsDue),
};

export const isComputable = (code: string) => code in COMPUTED_FORMULAS;

const MONTHS: Record<IndicatorFrequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

const lastDayOf = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * The calendar window of period `period` of `year` (month, quarter or year), cut at `today` while it runs;
 * null when it has not started.
 */
export function periodWindow(frequency: IndicatorFrequency, year: number, period: number, today: string) {
  const months = MONTHS[frequency];
  const firstMonth = (period - 1) * months + 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  if (from > today) return null;
  const end = lastDayOf(year, firstMonth + months - 1);
  return { from, to: end < today ? end : today };
}
