/**
 * ISO calendar dates (`YYYY-MM-DD`) and integer day arithmetic.
 *
 * A date here is a plain calendar date, never an instant: it is stored as a string and computed on as
 * an integer day number (days since 1970-01-01 in the proleptic Gregorian calendar). Nothing in this
 * module reads the machine's time zone, so the same input gives the same answer on a server in UTC and
 * in a browser in Hà Nội.
 */

/** A calendar date written `YYYY-MM-DD` (e.g. `2026-02-17`). Validated at run time by every function. */
export type IsoDate = string;

/** Year, month (1–12) and day (1–31) of a calendar date. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Day of the week, as in JavaScript: 0 = Sunday (Chủ nhật), 1 = Monday (thứ Hai) … 6 = Saturday (thứ Bảy). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** First year the library accepts. */
export const MIN_YEAR = 1900;
/** Last year the library accepts (the lunar algorithm's constants are fitted for this span). */
export const MAX_YEAR = 2199;

/** Viet Nam keeps UTC+7 all year (no daylight saving since 1975). */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

const MS_PER_DAY = 86_400_000;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const HYPHEN = 45;

/** Vietnamese weekday names, indexed by {@link Weekday}. */
export const VIETNAMESE_WEEKDAY_NAMES: readonly string[] = [
  'Chủ nhật',
  'thứ Hai',
  'thứ Ba',
  'thứ Tư',
  'thứ Năm',
  'thứ Sáu',
  'thứ Bảy',
];

/** Whether `year` is a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index++) {
    const code = text.charCodeAt(index);
    if (code < DIGIT_0 || code > DIGIT_9) return -1;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

function invalid(value: unknown, reason: string): RangeError {
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  return new RangeError(`Invalid date ${shown}: ${reason}`);
}

function assertYearInRange(year: number, shownAs: unknown): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw invalid(shownAs, `year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

/**
 * Parses and validates a `YYYY-MM-DD` date.
 *
 * Strict: exactly four-digit year, two-digit month and day, a real calendar day, year in
 * {@link MIN_YEAR}–{@link MAX_YEAR}.
 *
 * @throws RangeError with a message naming the problem (`2026-02-30`, `2026-13-01`, `2026-2-3`, `2200-01-01`).
 */
export function parseIsoDate(value: string): DateParts {
  if (typeof value !== 'string') throw invalid(value, 'expected a string in the form YYYY-MM-DD');
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) {
    throw invalid(value, 'expected the form YYYY-MM-DD');
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 0 || day < 0) throw invalid(value, 'expected the form YYYY-MM-DD');
  if (month < 1 || month > 12) throw invalid(value, `month ${month} is not between 01 and 12`);
  assertYearInRange(year, value);
  const monthLength = daysInMonth(year, month);
  if (day < 1 || day > monthLength) {
    throw invalid(value, `${year}-${twoDigits(month)} has days 01 to ${monthLength}`);
  }
  return { year, month, day };
}

/** Whether `value` is a valid `YYYY-MM-DD` date in the supported range. Never throws. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds an {@link IsoDate} from its parts.
 * @throws RangeError if the parts do not name a real day in the supported range.
 */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw invalid(`${year}-${month}-${day}`, 'year, month and day must be integers');
  }
  const text = `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
  parseIsoDate(text);
  return text;
}

/**
 * Day number of a proleptic Gregorian date: days since 1970-01-01 (negative before).
 * Pure integer arithmetic (the "days from civil" algorithm), valid for any year.
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Inverse of {@link dayNumberFromParts}. */
export function partsFromDayNumber(dayNumber: number): DateParts {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Day number of the first and last supported days, for range checks. */
export const MIN_DAY_NUMBER = dayNumberFromParts(MIN_YEAR, 1, 1);
export const MAX_DAY_NUMBER = dayNumberFromParts(MAX_YEAR, 12, 31);

/**
 * Days since 1970-01-01 of a validated date.
 * @throws RangeError for an invalid date.
 */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return dayNumberFromParts(year, month, day);
}

/**
 * The {@link IsoDate} of a day number.
 * @throws RangeError if the day falls outside {@link MIN_YEAR}–{@link MAX_YEAR}.
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber))
    throw new RangeError(`Invalid day number ${dayNumber}: must be an integer`);
  const { year, month, day } = partsFromDayNumber(dayNumber);
  assertYearInRange(year, `day number ${dayNumber}`);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** Weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

/** Weekday of a date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): Weekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Whether a day number falls on Saturday or Sunday (the weekly rest days of state agencies). */
export function isWeekendDayNumber(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

/**
 * `date` moved by `days` calendar days (negative moves back).
 * @throws RangeError for an invalid date, a non-integer count, or a result outside the supported years.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Invalid day count ${days}: must be an integer`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (`to - from`; negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Orders two dates: negative if `a` is earlier, 0 if equal, positive if later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/**
 * The calendar date in Viet Nam (UTC+7) at a given instant, e.g. "today" for a deadline.
 * Uses only the instant's UTC value, never the machine's time zone.
 */
export function isoDateInVietnam(instant: Date | number): IsoDate {
  const epochMs = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(epochMs)) throw new RangeError('Invalid instant: not a finite time value');
  return fromDayNumber(Math.floor((epochMs + VIETNAM_UTC_OFFSET_HOURS * 3_600_000) / MS_PER_DAY));
}

/** `dd/mm/yyyy`, the way Vietnamese documents write a date (e.g. `04/05/2024`). */
export function formatVietnameseDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${twoDigits(day)}/${twoDigits(month)}/${year}`;
}
