/**
 * Working-day calendar of the Vietnamese public sector: Monday–Friday, minus public holidays and
 * compensatory days, plus make-up Saturdays. Every deadline of the product goes through it (R9: a meeting
 * notice at least 2 working days before the meeting).
 *
 * Precedence of the sources, highest first: per-deployment overrides > official yearly schedule >
 * computed statutory defaults (Labor Code 2019 Art. 111–112) > the Saturday/Sunday weekly rest.
 */

import { defaultHolidays } from './holidays.ts';
import {
  dayNumberFromParts,
  fromDayNumber,
  type IsoDate,
  isWeekendDayNumber,
  MAX_YEAR,
  MIN_YEAR,
  parseIsoDate,
  partsFromDayNumber,
  toDayNumber,
} from './iso-date.ts';
import { OFFICIAL_SCHEDULES } from './official/index.ts';
import type { OfficialDayKind, OfficialSchedule } from './official/types.ts';

/**
 * What a day is:
 * - `workday`: an ordinary working day;
 * - `weekend`: a Saturday or Sunday off;
 * - `holiday`: a statutory or official holiday, or an extra day off (by swap, or added by an override);
 * - `compensatory`: nghỉ bù for a holiday that fell on a weekly rest day;
 * - `swappedWorkday`: a Saturday or Sunday that is worked (ngày làm bù).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'compensatory' | 'swappedWorkday';

/** One day as the calendar sees it. */
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** Vietnamese name of a holiday, compensatory day or make-up day. */
  name?: string;
}

/** A day off listed by {@link WorkingCalendar.holidays}. */
export interface HolidayInfo {
  date: IsoDate;
  kind: 'holiday' | 'compensatory';
  name: string;
}

/**
 * Kind of a per-deployment override:
 * - `holiday`: a (local) holiday;
 * - `dayOff`: an extra day off, e.g. from a swap announced after this library was released;
 * - `swappedWorkday`: a Saturday or Sunday worked (ngày làm bù);
 * - `workday`: cancels a day off; the day becomes a working day.
 */
export type CalendarOverrideKind = 'holiday' | 'dayOff' | 'swappedWorkday' | 'workday';

/** A day set by the deployment's administrator. It wins over every other source. */
export interface CalendarOverride {
  date: IsoDate;
  kind: CalendarOverrideKind;
  /** Vietnamese name shown to users; required except for `workday`. */
  name: string;
}

/** Options of {@link WorkingCalendar}. */
export interface WorkingCalendarOptions {
  /** Days set by the deployment; for one date the last entry wins. Taken literally: no nghỉ bù is derived. */
  overrides?: readonly CalendarOverride[];
  /** Official yearly schedules; defaults to the ones shipped in `official/`. */
  officialSchedules?: readonly OfficialSchedule[];
}

// Compact codes of the per-year day table.
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const COMPENSATORY = 3;
const SWAPPED_WORKDAY = 4;
const KIND_BY_CODE: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'compensatory', 'swappedWorkday'];
/** An extra day off by swap is shown as a holiday (see {@link DayKind}). */
const CODE_BY_OFFICIAL_KIND: Readonly<Record<OfficialDayKind, number>> = {
  holiday: HOLIDAY,
  dayOffBySwap: HOLIDAY,
  compensatory: COMPENSATORY,
  swappedWorkday: SWAPPED_WORKDAY,
};

function isWorkingCode(code: number): boolean {
  return code === WORKDAY || code === SWAPPED_WORKDAY;
}

/** One year's days: kinds, names, and a running count of working days for O(log n) jumps. */
interface YearTable {
  year: number;
  /** Day number of 1 January. */
  firstDay: number;
  kinds: Uint8Array;
  /** `workingBefore[i]` = working days among the first `i` days of the year; length = days + 1. */
  workingBefore: Int32Array;
  names: Map<number, string>;
  /** The ISO string of each day, built once so lookups allocate nothing. */
  isoDates: readonly IsoDate[];
}

interface DaySetting {
  code: number;
  name?: string;
}

const OVERRIDE_KINDS: ReadonlySet<string> = new Set(['holiday', 'dayOff', 'swappedWorkday', 'workday']);

function validateOverride(override: CalendarOverride, index: number): void {
  if (override === null || typeof override !== 'object') {
    throw new TypeError(`Invalid calendar override #${index}: expected an object`);
  }
  parseIsoDate(override.date);
  if (!OVERRIDE_KINDS.has(override.kind)) {
    throw new RangeError(
      `Invalid calendar override for ${override.date}: kind "${String(override.kind)}" is not one of holiday, dayOff, swappedWorkday, workday`,
    );
  }
  if (override.kind !== 'workday' && (typeof override.name !== 'string' || override.name.trim() === '')) {
    throw new RangeError(`Invalid calendar override for ${override.date}: a ${override.kind} needs a name`);
  }
}

function assertWholeNumber(value: number, what: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`Invalid ${what} ${value}: must be an integer`);
}

/**
 * Working-day arithmetic over the Vietnamese public-sector calendar.
 *
 * Day tables are built lazily, one year at a time, and cached, so the first call touching a year pays
 * for its lunar computations and later calls are a few array reads.
 */
export class WorkingCalendar {
  readonly #overridesByYear = new Map<number, Map<number, DaySetting>>();
  readonly #officialByYear = new Map<number, Map<number, DaySetting>>();
  readonly #yearsWithOfficialSchedule = new Set<number>();
  readonly #tables = new Map<number, YearTable>();
  #lastTable: YearTable | undefined;

  /**
   * @param opts.overrides days set by the deployment (local holidays, late official changes, cancelled
   *   days off); they win over the official schedules and the computed defaults.
   * @param opts.officialSchedules official yearly schedules; default: the ones shipped with the library.
   * @throws RangeError / TypeError for an override with an invalid date, kind or missing name.
   */
  constructor(opts: WorkingCalendarOptions = {}) {
    for (const schedule of opts.officialSchedules ?? OFFICIAL_SCHEDULES) {
      this.#yearsWithOfficialSchedule.add(schedule.year);
      for (const day of schedule.days) {
        this.#settingsFor(this.#officialByYear, day.date).set(toDayNumber(day.date), {
          code: CODE_BY_OFFICIAL_KIND[day.kind],
          name: day.name,
        });
      }
    }
    (opts.overrides ?? []).forEach((override, index) => {
      validateOverride(override, index);
      const dayNumber = toDayNumber(override.date);
      let code: number;
      switch (override.kind) {
        case 'holiday':
        case 'dayOff':
          code = HOLIDAY;
          break;
        case 'swappedWorkday':
          code = SWAPPED_WORKDAY;
          break;
        case 'workday':
          // A worked Saturday or Sunday is by definition a make-up day.
          code = isWeekendDayNumber(dayNumber) ? SWAPPED_WORKDAY : WORKDAY;
          break;
      }
      const name =
        typeof override.name === 'string' && override.name.trim() !== '' ? override.name : undefined;
      this.#settingsFor(this.#overridesByYear, override.date).set(dayNumber, { code, name });
    });
  }

  #settingsFor(byYear: Map<number, Map<number, DaySetting>>, date: IsoDate): Map<number, DaySetting> {
    const year = parseIsoDate(date).year;
    let settings = byYear.get(year);
    if (!settings) {
      settings = new Map();
      byYear.set(year, settings);
    }
    return settings;
  }

  /** The cached table of `year`, built on first use. */
  #table(year: number): YearTable {
    const last = this.#lastTable;
    if (last !== undefined && last.year === year) return last;
    let table = this.#tables.get(year);
    if (table === undefined) {
      if (year < MIN_YEAR || year > MAX_YEAR) {
        throw new RangeError(
          `Date out of range: year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`,
        );
      }
      table = this.#buildTable(year);
      this.#tables.set(year, table);
    }
    this.#lastTable = table;
    return table;
  }

  #buildTable(year: number): YearTable {
    const firstDay = dayNumberFromParts(year, 1, 1);
    const length = dayNumberFromParts(year + 1, 1, 1) - firstDay;
    const kinds = new Uint8Array(length);
    const names = new Map<number, string>();
    // Lowest precedence first; each later layer overwrites.
    for (let index = 0; index < length; index++) {
      kinds[index] = isWeekendDayNumber(firstDay + index) ? WEEKEND : WORKDAY;
    }
    if (!this.#yearsWithOfficialSchedule.has(year)) {
      for (const holiday of defaultHolidays(year)) {
        const index = toDayNumber(holiday.date) - firstDay;
        kinds[index] = holiday.kind === 'compensatory' ? COMPENSATORY : HOLIDAY;
        names.set(index, holiday.name);
      }
    }
    for (const layer of [this.#officialByYear.get(year), this.#overridesByYear.get(year)]) {
      if (!layer) continue;
      for (const [dayNumber, setting] of layer) {
        const index = dayNumber - firstDay;
        kinds[index] = setting.code;
        if (setting.name === undefined) names.delete(index);
        else names.set(index, setting.name);
      }
    }
    const workingBefore = new Int32Array(length + 1);
    for (let index = 0; index < length; index++) {
      workingBefore[index + 1] = workingBefore[index]! + (isWorkingCode(kinds[index]!) ? 1 : 0);
    }
    const isoDates = Array.from({ length }, (_, index) => fromDayNumber(firstDay + index));
    return { year, firstDay, kinds, workingBefore, names, isoDates };
  }

  #tableOfDay(dayNumber: number): YearTable {
    const last = this.#lastTable;
    if (last !== undefined && dayNumber >= last.firstDay && dayNumber < last.firstDay + last.kinds.length) {
      return last;
    }
    return this.#table(partsFromDayNumber(dayNumber).year);
  }

  /** Day number of a date, with its year's table made current (the year is known from parsing). */
  #dayNumberOf(date: IsoDate): number {
    const { year, month, day } = parseIsoDate(date);
    this.#table(year);
    return dayNumberFromParts(year, month, day);
  }

  #isoDate(dayNumber: number): IsoDate {
    const table = this.#tableOfDay(dayNumber);
    return table.isoDates[dayNumber - table.firstDay]!;
  }

  #code(dayNumber: number): number {
    const table = this.#tableOfDay(dayNumber);
    return table.kinds[dayNumber - table.firstDay]!;
  }

  /** Working days in the calendar span from 1 January of `table.year` through `dayNumber` inclusive. */
  #workingThrough(table: YearTable, dayNumber: number): number {
    return table.workingBefore[dayNumber - table.firstDay + 1]!;
  }

  /** Day number of the `ordinal`-th (1-based) working day of the table's year. */
  #nthWorkingDayOfYear(table: YearTable, ordinal: number): number {
    // First index i with workingBefore[i] >= ordinal; that day is at i - 1.
    const counts = table.workingBefore;
    let low = 1;
    let high = counts.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (counts[middle]! >= ordinal) high = middle;
      else low = middle + 1;
    }
    return table.firstDay + low - 1;
  }

  /**
   * Whether `date` is a working day.
   * @throws RangeError for an invalid date.
   */
  isWorkingDay(date: IsoDate): boolean {
    return isWorkingCode(this.#code(this.#dayNumberOf(date)));
  }

  /**
   * What `date` is: working or not, its kind, and the Vietnamese name of a holiday or make-up day.
   * @throws RangeError for an invalid date.
   */
  dayInfo(date: IsoDate): DayInfo {
    return this.#dayInfoOf(this.#dayNumberOf(date));
  }

  #dayInfoOf(dayNumber: number): DayInfo {
    const table = this.#tableOfDay(dayNumber);
    const index = dayNumber - table.firstDay;
    const code = table.kinds[index]!;
    const info: DayInfo = {
      date: table.isoDates[index]!,
      working: isWorkingCode(code),
      kind: KIND_BY_CODE[code]!,
    };
    const name = table.names.get(index);
    if (name !== undefined) info.name = name;
    return info;
  }

  /**
   * Every day from `from` to `to`, both included, in order.
   * @throws RangeError for an invalid date or if `to` is before `from`.
   */
  days(from: IsoDate, to: IsoDate): DayInfo[] {
    const first = toDayNumber(from);
    const last = toDayNumber(to);
    if (last < first) throw new RangeError(`Invalid range ${from} – ${to}: the end is before the start`);
    const result: DayInfo[] = [];
    for (let dayNumber = first; dayNumber <= last; dayNumber++) result.push(this.#dayInfoOf(dayNumber));
    return result;
  }

  /**
   * The date `n` working days after `date` (before it if `n` is negative).
   *
   * - `n > 0`: the n-th working day strictly after `date` (`date` itself never counts, working or not);
   * - `n < 0`: the |n|-th working day strictly before `date`;
   * - `n = 0`: `date` if it is a working day, else the next working day (a deadline "today" that falls
   *   on a day off rolls forward).
   *
   * For a working day `d`: `addWorkingDays(addWorkingDays(d, n), -n) === d` and
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   * @throws RangeError for an invalid date, a non-integer `n`, or a result outside the supported years.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    assertWholeNumber(n, 'working-day count');
    return this.#isoDate(this.#addWorkingDays(this.#dayNumberOf(date), n));
  }

  #addWorkingDays(dayNumber: number, n: number): number {
    let table = this.#tableOfDay(dayNumber);
    if (n === 0) {
      return isWorkingCode(table.kinds[dayNumber - table.firstDay]!)
        ? dayNumber
        : this.#addWorkingDays(dayNumber, 1);
    }
    if (n > 0) {
      // The target is working day number (working days of the year through the start day) + n,
      // counted from 1 January of the start's year and rolling into later years.
      let target = this.#workingThrough(table, dayNumber) + n;
      let yearTotal = table.workingBefore[table.kinds.length]!;
      while (target > yearTotal) {
        target -= yearTotal;
        table = this.#table(table.year + 1);
        yearTotal = table.workingBefore[table.kinds.length]!;
      }
      return this.#nthWorkingDayOfYear(table, target);
    }
    // The target is working day number (working days of the year before the start day) + n + 1:
    // n = -1 gives the last working day before the start. Rolls back into earlier years.
    let target = table.workingBefore[dayNumber - table.firstDay]! + n + 1;
    while (target < 1) {
      table = this.#table(table.year - 1);
      target += table.workingBefore[table.kinds.length]!;
    }
    return this.#nthWorkingDayOfYear(table, target);
  }

  /**
   * Number of working days strictly after `a` up to and including `b`; negative (minus the working days
   * strictly after `b` up to and including `a`) when `b` is before `a`, 0 when equal.
   * Consistent with {@link addWorkingDays}: for a working day `a`, `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   * @throws RangeError for an invalid date.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    // `0 - x` rather than `-x`, so that an empty span gives 0 and not -0.
    if (to < from) return 0 - this.#workingDaysAfter(to, from);
    return this.#workingDaysAfter(from, to);
  }

  /** Working days in (from, to], from ≤ to. */
  #workingDaysAfter(from: number, to: number): number {
    let table = this.#tableOfDay(from);
    const fromYear = table.year;
    let count = -this.#workingThrough(table, from);
    const toYear = partsFromDayNumber(to).year;
    for (let year = fromYear; year < toYear; year++) {
      table = this.#table(year);
      count += table.workingBefore[table.kinds.length]!;
    }
    table = this.#table(toYear);
    return count + this.#workingThrough(table, to);
  }

  /**
   * The first working day strictly after `date`.
   * @throws RangeError for an invalid date or a result outside the supported years.
   */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /**
   * The last working day strictly before `date`.
   * @throws RangeError for an invalid date or a result outside the supported years.
   */
  previousWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, -1);
  }

  /**
   * The last date on which a notice can be sent so that at least `n` full working days lie strictly
   * between the sending day and `meetingDate` (R9: a meeting notice at least 2 working days ahead).
   *
   * Example: meeting on Thursday, `n = 2` → Monday (Tuesday and Wednesday are in between).
   * The result is a calendar date and may be a day off (meeting on Wednesday, `n = 2` → Sunday); if the
   * notice must go out on a working day, use `previousWorkingDay` on a non-working result.
   * `n = 0` gives the day before the meeting.
   * @throws RangeError for an invalid date, a negative or non-integer `n`, or a result out of range.
   */
  latestDateWithNotice(meetingDate: IsoDate, n: number): IsoDate {
    assertWholeNumber(n, 'notice length');
    if (n < 0) throw new RangeError(`Invalid notice length ${n}: must not be negative`);
    const meeting = toDayNumber(meetingDate);
    if (n === 0) return this.#isoDate(meeting - 1);
    // The n-th working day before the meeting is the earliest that must lie after the sending day.
    return this.#isoDate(this.#addWorkingDays(meeting, -n) - 1);
  }

  /**
   * The days off of `year` other than plain Saturdays and Sundays: holidays (including extra days off by
   * swap) and compensatory days, in date order, after official schedules and overrides are applied.
   * @throws RangeError for a year outside the supported range.
   */
  holidays(year: number): HolidayInfo[] {
    assertWholeNumber(year, 'year');
    const table = this.#table(year);
    const result: HolidayInfo[] = [];
    table.kinds.forEach((code, index) => {
      if (code !== HOLIDAY && code !== COMPENSATORY) return;
      result.push({
        date: table.isoDates[index]!,
        kind: code === HOLIDAY ? 'holiday' : 'compensatory',
        name: table.names.get(index) ?? '',
      });
    });
    return result;
  }

  /**
   * The make-up working days of `year` (ngày làm bù, normally Saturdays), in date order.
   * @throws RangeError for a year outside the supported range.
   */
  swappedWorkdays(year: number): DayInfo[] {
    assertWholeNumber(year, 'year');
    const table = this.#table(year);
    const result: DayInfo[] = [];
    table.kinds.forEach((code, index) => {
      if (code === SWAPPED_WORKDAY) result.push(this.#dayInfoOf(table.firstDay + index));
    });
    return result;
  }
}

/** The calendar with the shipped official schedules and no deployment overrides. */
export const defaultCalendar: WorkingCalendar = new WorkingCalendar();
