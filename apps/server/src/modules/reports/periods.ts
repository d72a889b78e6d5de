import { addDays, daysInMonth, type WorkingCalendar } from '@steerco/calendar';
import type { DeadlineRule, ReportFrequency } from '@steerco/contract/reports';

// Report periods of a regime (Decree 09/2019, R16): the cut-off window (chốt số liệu) of each period and its
// deadline on the working-day calendar. Pure: the calendar is passed in.

export interface PeriodSpec {
  /** Stable within the regime: 'Q4-2026', 'M01-2027', 'H1-2026', 'Y-2026'. */
  code: string;
  label: string;
  year: number;
  from: string;
  to: string;
  deadline: string;
  opensOn: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The months [first, last] of each period of a year, with its code and label. */
function slots(frequency: ReportFrequency, year: number) {
  switch (frequency) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => ({
        first: i + 1,
        last: i + 1,
        code: `M${pad(i + 1)}-${year}`,
        label: `Tháng ${i + 1}/${year}`,
      }));
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => ({
        first: 3 * q - 2,
        last: 3 * q,
        code: `Q${q}-${year}`,
        label: `Quý ${ROMAN[q - 1]}/${year}`,
      }));
    case 'halfYear':
      return [
        { first: 1, last: 6, code: `H1-${year}`, label: `6 tháng đầu năm ${year}` },
        { first: 7, last: 12, code: `H2-${year}`, label: `6 tháng cuối năm ${year}` },
      ];
    case 'annual':
      return [{ first: 1, last: 12, code: `Y-${year}`, label: `Năm ${year}` }];
  }
}

/**
 * The cut-off window of the months [first, last] of `year`: from `cutoffDay` of the month before the first to
 * the day before `cutoffDay` in the last (Decree 09 with 15: quarter IV = 15/9–14/12, the year = 15/12 of the
 * year before to 14/12); with 1, the calendar months themselves.
 */
export function cutoffWindow(year: number, first: number, last: number, cutoffDay: number) {
  if (cutoffDay === 1) return { from: iso(year, first, 1), to: iso(year, last, daysInMonth(year, last)) };
  const [py, pm] = first === 1 ? [year - 1, 12] : [year, first - 1];
  return { from: iso(py, pm, cutoffDay), to: iso(year, last, cutoffDay - 1) };
}

/** Whether a day-of-month deadline falls after the window's end (`day` of the end's month, or the next with 1). */
export function deadlineAfterCutoff(rule: DeadlineRule, cutoffDay: number) {
  return rule.kind !== 'dayOfMonth' || cutoffDay === 1 || rule.day >= cutoffDay;
}

/**
 * The deadline of a window ending on `to`: the rule's day of that month (of the next month when windows are
 * calendar months), moved to the next working day when it is a day off; or N working days after `to`.
 */
export function deadlineOf(rule: DeadlineRule, to: string, cutoffDay: number, cal: WorkingCalendar) {
  if (rule.kind === 'workingDaysAfterCutoff') return cal.addWorkingDays(to, rule.days);
  const [y, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const [dy, dm] = cutoffDay === 1 ? (m === 12 ? [y + 1, 1] : [y, m + 1]) : [y, m];
  const day = iso(dy, dm, rule.day);
  return cal.isWorkingDay(day) ? day : cal.nextWorkingDay(day);
}

/** Every period of the regime in the years [fromYear, toYear], in order. */
export function periodsOf(
  r: { frequency: ReportFrequency; cutoffDay: number; deadline: DeadlineRule },
  fromYear: number,
  toYear: number,
  cal: WorkingCalendar,
): PeriodSpec[] {
  const out: PeriodSpec[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const s of slots(r.frequency, year)) {
      const w = cutoffWindow(year, s.first, s.last, r.cutoffDay);
      out.push({
        code: s.code,
        label: s.label,
        year,
        ...w,
        deadline: deadlineOf(r.deadline, w.to, r.cutoffDay, cal),
        opensOn: addDays(w.to, 1),
      });
    }
  }
  return out;
}
