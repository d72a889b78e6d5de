import { addDays, isoOfUtc, mondayFirstWeekday } from '../../lib/dates.ts';

/**
 * The weeks of a month, Monday first, as Vietnamese calendars print them: each week has seven ISO dates or
 * null for the days outside the month.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = isoOfUtc(new Date(Date.UTC(year, month - 1, 1)));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: mondayFirstWeekday(first) }, () => null);
  for (let day = 0; day < length; day++) cells.push(addDays(first, day));
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export interface HolidayBreak {
  from: string;
  to: string;
  days: number;
  /** The holiday's name without the day's detail: "Tết Nguyên đán (Mùng 1)" → "Tết Nguyên đán". */
  name: string;
}

interface Day {
  date: string;
  working: boolean;
  kind: string;
  name?: string;
}

/**
 * Holiday breaks as people speak of them: runs of consecutive days off that contain a public holiday or a
 * compensatory day, weekends included (Tết 2026: Saturday 14/02 to Sunday 22/02, nine days). Runs of fewer
 * than three days are ordinary long weekends at most and are left out.
 */
export function holidayBreaks(days: Day[], minDays = 3): HolidayBreak[] {
  const breaks: HolidayBreak[] = [];
  let run: Day[] = [];
  const close = () => {
    const named = run.filter((d) => (d.kind === 'holiday' || d.kind === 'compensatory') && d.name);
    // Name the break after its holiday, not after a swapped or compensatory day inside it.
    const holiday = named.find((d) => d.kind === 'holiday' && !d.name!.startsWith('Nghỉ')) ?? named[0];
    if (holiday && run.length >= minDays) {
      breaks.push({
        from: run[0]!.date,
        to: run.at(-1)!.date,
        days: run.length,
        name: holiday.name!.replace(/\s*\(.*\)\s*$/, '').replace(/^Nghỉ bù\s+/, ''),
      });
    }
    run = [];
  };
  for (const day of days) {
    const consecutive = run.length === 0 || addDays(run.at(-1)!.date, 1) === day.date;
    if (!day.working && consecutive) run.push(day);
    else {
      close();
      if (!day.working) run.push(day);
    }
  }
  close();
  return breaks;
}

/** The date of each day that belongs to a holiday break, for colouring the weekends inside it. */
export function breakDates(breaks: HolidayBreak[]): Set<string> {
  const dates = new Set<string>();
  for (const b of breaks) for (let d = b.from; d <= b.to; d = addDays(d, 1)) dates.add(d);
  return dates;
}
