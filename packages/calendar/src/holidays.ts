/**
 * Statutory public holidays of Viet Nam computed for any year (Labor Code 2019, Art. 112), with the
 * compensatory days of Art. 111(3). Used for every year that has no official schedule in `official/`.
 */

import {
  dayNumberFromParts,
  fromDayNumber,
  type IsoDate,
  isWeekendDayNumber,
  MAX_YEAR,
  MIN_YEAR,
  toDayNumber,
  weekdayOfDayNumber,
} from './iso-date.ts';
import { lunarToSolar, solarToLunar } from './lunar.ts';

/** Kind of a day off: a holiday (statutory, official or extra day off) or a compensatory day (nghỉ bù). */
export type DayOffKind = 'holiday' | 'compensatory';

/** One day off. */
export interface HolidayEntry {
  date: IsoDate;
  kind: DayOffKind;
  /** Vietnamese name shown to users, e.g. "Tết Nguyên đán (Mùng 1)". */
  name: string;
}

/** Vietnamese names of the statutory holidays. */
export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  hungKings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  victoryDay: 'Ngày Chiến thắng 30/4',
  labourDay: 'Ngày Quốc tế Lao động 1/5',
  nationalDay: 'Quốc khánh 2/9',
} as const;

/** "Tết Nguyên đán (29 Tết)" / "(30 Tết)" for the last days of the old year, "(Mùng N)" for the new year. */
export function tetDayName(lunarDay: number, newYear: boolean): string {
  return newYear ? `Tết Nguyên đán (Mùng ${lunarDay})` : `Tết Nguyên đán (${lunarDay} Tết)`;
}

/** "Quốc khánh (ngày nghỉ liền kề 1/9)" — the second National Day holiday. */
export function nationalDayAdjacentName(dayOfSeptember: number): string {
  return `Quốc khánh (ngày nghỉ liền kề ${dayOfSeptember}/9)`;
}

/** "Nghỉ bù Tết Dương lịch" — compensatory day for a holiday that fell on a weekly rest day. */
export function compensatoryName(holidayName: string): string {
  return `Nghỉ bù ${holidayName}`;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Invalid year ${year}: must be an integer between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
}

/**
 * The day that joins 2/9 as the second National Day holiday when no official schedule says otherwise.
 *
 * Labor Code 2019 Art. 112(1)(đ) gives "2/9 and one day immediately before or after"; the Prime Minister
 * picks it each year. Default rule: the adjacent day that joins 2/9 to the nearest weekend (the longest
 * break); when both give the same break, the one that is a weekday (so it is a day off in its own right
 * rather than through nghỉ bù), then 1/9. Result by weekday of 2/9:
 * Mon → 3/9, Tue → 1/9, Wed → 1/9, Thu → 3/9, Fri → 1/9, Sat → 1/9, Sun → 3/9.
 * It reproduces the official choices of 2022 (Fri → 1/9), 2023 (Sat → 1/9), 2024 (Mon → 3/9),
 * 2025 (Tue → 1/9) and 2026 (Wed → 1/9).
 */
export function defaultNationalDayAdjacentDate(year: number): IsoDate {
  assertYear(year);
  const weekday = weekdayOfDayNumber(dayNumberFromParts(year, 9, 2));
  const dayOfSeptember = weekday === 1 || weekday === 4 || weekday === 0 ? 3 : 1;
  return fromDayNumber(dayNumberFromParts(year, 9, dayOfSeptember));
}

/**
 * The five Tết Nguyên đán days off in solar `year` under the default distribution: the last day of the
 * old lunar year (29 or 30 Tết) and Mùng 1 to Mùng 4. Art. 112 leaves the split to the Prime Minister;
 * official schedules override it.
 */
export function defaultTetDays(year: number): HolidayEntry[] {
  assertYear(year);
  const firstDay = toDayNumber(lunarToSolar({ year, month: 1, day: 1, leap: false }));
  const lastDayOfOldYear = fromDayNumber(firstDay - 1);
  const days: HolidayEntry[] = [
    { date: lastDayOfOldYear, kind: 'holiday', name: tetDayName(solarToLunar(lastDayOfOldYear).day, false) },
  ];
  for (let lunarDay = 1; lunarDay <= 4; lunarDay++) {
    days.push({
      date: fromDayNumber(firstDay + lunarDay - 1),
      kind: 'holiday',
      name: tetDayName(lunarDay, true),
    });
  }
  return days;
}

/**
 * Sorts entries by date and merges two holidays on one day into one entry with both names (Giỗ Tổ fell on
 * 30/4 in 1947; the law grants no extra day for such a clash, so none is added).
 */
function mergeSameDay(entries: readonly HolidayEntry[]): HolidayEntry[] {
  const byDay = new Map<number, HolidayEntry>();
  for (const entry of entries) {
    const dayNumber = toDayNumber(entry.date);
    const existing = byDay.get(dayNumber);
    byDay.set(dayNumber, existing ? { ...existing, name: `${existing.name}; ${entry.name}` } : { ...entry });
  }
  return [...byDay.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

/**
 * Adds the compensatory days (nghỉ bù) owed for holidays that fall on Saturday or Sunday: each one moves
 * to the next working day (Labor Code 2019 Art. 111(3)), i.e. the next weekday that is neither a holiday
 * nor already a compensatory day, so consecutive holidays push further.
 * @returns the holidays and compensatory days, sorted by date.
 */
export function withCompensatoryDays(holidays: readonly HolidayEntry[]): HolidayEntry[] {
  const sorted = mergeSameDay(holidays);
  const taken = new Set(sorted.map((entry) => toDayNumber(entry.date)));
  const result = [...sorted];
  for (const holiday of sorted) {
    const dayNumber = toDayNumber(holiday.date);
    if (holiday.kind !== 'holiday' || !isWeekendDayNumber(dayNumber)) continue;
    let candidate = dayNumber + 1;
    while (isWeekendDayNumber(candidate) || taken.has(candidate)) candidate++;
    taken.add(candidate);
    result.push({
      date: fromDayNumber(candidate),
      kind: 'compensatory',
      name: compensatoryName(holiday.name),
    });
  }
  return result.sort((a, b) => toDayNumber(a.date) - toDayNumber(b.date));
}

/**
 * Statutory days off of a solar year by Labor Code 2019 Art. 112(1), with compensatory days:
 * - Tết Dương lịch: 1/1;
 * - Tết Nguyên đán: 5 days, by default the last day of the lunar year and Mùng 1–4 ({@link defaultTetDays});
 * - Giỗ Tổ Hùng Vương: 10/3 âm lịch;
 * - Ngày Chiến thắng: 30/4; Ngày Quốc tế Lao động: 1/5;
 * - Quốc khánh: 2/9 and one adjacent day ({@link defaultNationalDayAdjacentDate}).
 *
 * Official yearly schedules (swaps, a different Tết split) replace this list for the years they cover.
 * @throws RangeError for a year outside the supported range.
 */
export function defaultHolidays(year: number): HolidayEntry[] {
  assertYear(year);
  const on = (month: number, day: number): IsoDate => fromDayNumber(dayNumberFromParts(year, month, day));
  const adjacent = defaultNationalDayAdjacentDate(year);
  const holidays: HolidayEntry[] = [
    { date: on(1, 1), kind: 'holiday', name: HOLIDAY_NAMES.newYear },
    ...defaultTetDays(year),
    {
      date: lunarToSolar({ year, month: 3, day: 10, leap: false }),
      kind: 'holiday',
      name: HOLIDAY_NAMES.hungKings,
    },
    { date: on(4, 30), kind: 'holiday', name: HOLIDAY_NAMES.victoryDay },
    { date: on(5, 1), kind: 'holiday', name: HOLIDAY_NAMES.labourDay },
    { date: on(9, 2), kind: 'holiday', name: HOLIDAY_NAMES.nationalDay },
    { date: adjacent, kind: 'holiday', name: nationalDayAdjacentName(Number(adjacent.slice(8, 10))) },
  ];
  return withCompensatoryDays(holidays);
}
