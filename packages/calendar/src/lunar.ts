/**
 * Vietnamese lunisolar calendar (âm lịch).
 *
 * Implements the astronomical method published by Hồ Ngọc Đức ("Thuật toán tính âm lịch"): new moons
 * and the sun's longitude come from truncated series (after Jean Meeus, "Astronomical Algorithms"), and
 * the day a new moon or a solar term falls on is taken at UTC+7, the time zone of Viet Nam. The Chinese
 * calendar uses UTC+8, so a new moon between 16:00 and 17:00 UTC opens a month one day earlier here, and
 * a term near midnight can move month 11 or the leap month: Tết 1985 was 1985-01-21 in Viet Nam and
 * 1985-02-20 in China; Tết 2007 was 2007-02-17 vs 2007-02-18.
 *
 * Rules: month 11 is the month holding the winter solstice; a year with 13 new moons between two
 * months 11 has a leap month, the first month after month 11 that contains no major solar term (trung khí).
 */

import {
  dayNumberFromParts,
  fromDayNumber,
  type IsoDate,
  MAX_YEAR,
  MIN_YEAR,
  toDayNumber,
} from './iso-date.ts';

/** A date of the Vietnamese lunar calendar. `leap` marks a leap (nhuận) month. */
export interface LunarDate {
  /** Lunar year, numbered like the solar year in which its month 1 starts (Tết 2026 opens lunar 2026). */
  year: number;
  /** Month 1–12 (tháng Giêng = 1, tháng Chạp = 12). */
  month: number;
  /** Day 1–30. */
  day: number;
  /** True in the leap month that repeats `month`. */
  leap: boolean;
}

/** UTC offset, in hours, at which Vietnamese new moons and solar terms are dated. */
export const VIETNAM_LUNAR_TIME_ZONE = 7;

const JULIAN_DAY_OF_UNIX_EPOCH = 2_440_588;
/** Julian day of the new moon of 1900-01-01 used as origin of the lunation count k. */
const LUNATION_ORIGIN_JD = 2_415_021.076998695;
const SYNODIC_MONTH = 29.530588853;
const RADIANS_PER_DEGREE = Math.PI / 180;

function julianDayNumber(dayNumber: number): number {
  return dayNumber + JULIAN_DAY_OF_UNIX_EPOCH;
}

/** Julian date (UT) of the k-th new moon after the origin, Meeus' truncated series. */
function newMoonJulianDate(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-01 12:00
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = RADIANS_PER_DEGREE;
  let mean = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  mean += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let correction =
    (0.1734 - 0.000393 * T) * Math.sin(sunAnomaly * dr) + 0.0021 * Math.sin(2 * dr * sunAnomaly);
  correction = correction - 0.4068 * Math.sin(moonAnomaly * dr) + 0.0161 * Math.sin(dr * 2 * moonAnomaly);
  correction -= 0.0004 * Math.sin(dr * 3 * moonAnomaly);
  correction += 0.0104 * Math.sin(dr * 2 * moonLatitude) - 0.0051 * Math.sin(dr * (sunAnomaly + moonAnomaly));
  correction -=
    0.0074 * Math.sin(dr * (sunAnomaly - moonAnomaly)) +
    0.0004 * Math.sin(dr * (2 * moonLatitude + sunAnomaly));
  correction -=
    0.0004 * Math.sin(dr * (2 * moonLatitude - sunAnomaly)) -
    0.0006 * Math.sin(dr * (2 * moonLatitude + moonAnomaly));
  correction +=
    0.001 * Math.sin(dr * (2 * moonLatitude - moonAnomaly)) +
    0.0005 * Math.sin(dr * (2 * moonAnomaly + sunAnomaly));
  // ΔT (TT − UT) in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return mean + correction - deltaT;
}

/** Julian day number of the civil day (at `timeZone`) of the k-th new moon. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoonJulianDate(k) + 0.5 + timeZone / 24);
}

/** Sun's apparent longitude, in radians [0, 2π), at a Julian date. */
function sunLongitude(julianDate: number): number {
  const T = (julianDate - 2_451_545.0) / 36_525; // centuries since J2000
  const T2 = T * T;
  const dr = RADIANS_PER_DEGREE;
  const meanAnomaly = 357.5291 + 35_999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const meanLongitude = 280.46645 + 36_000.76983 * T + 0.0003032 * T2;
  let center = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * meanAnomaly);
  center +=
    (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * meanAnomaly) + 0.00029 * Math.sin(dr * 3 * meanAnomaly);
  const longitude = (meanLongitude + center) * dr;
  return longitude - Math.PI * 2 * Math.floor(longitude / (Math.PI * 2));
}

/** Index 0–11 of the 30° sector the sun is in at the start of a civil day (major solar terms bound it). */
function sunSectorAtDayStart(julianDayNumberValue: number, timeZone: number): number {
  return Math.floor((sunLongitude(julianDayNumberValue - 0.5 - timeZone / 24) / Math.PI) * 6);
}

const month11Cache = new Map<number, number>();

/** Julian day number of the first day of lunar month 11 (the month of the winter solstice) of `solarYear`. */
function month11Start(solarYear: number): number {
  const cached = month11Cache.get(solarYear);
  if (cached !== undefined) return cached;
  const offset = julianDayNumber(dayNumberFromParts(solarYear, 12, 31)) - 2_415_021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  let start = newMoonDay(k, VIETNAM_LUNAR_TIME_ZONE);
  // Sector 9 starts at 270°, the winter solstice: a new moon after it opens month 12, so step back.
  if (sunSectorAtDayStart(start, VIETNAM_LUNAR_TIME_ZONE) >= 9)
    start = newMoonDay(k - 1, VIETNAM_LUNAR_TIME_ZONE);
  month11Cache.set(solarYear, start);
  return start;
}

function lunationIndex(julianDayNumberValue: number): number {
  return Math.floor((julianDayNumberValue - LUNATION_ORIGIN_JD) / SYNODIC_MONTH + 0.5);
}

/**
 * Offset (1–12), counted in months from month 11, of the leap month in the 13-month span that starts at
 * `month11`: the first month whose start lies in the same solar sector as the next month's start, i.e.
 * that holds no major solar term.
 */
function leapMonthOffset(month11: number): number {
  const k = lunationIndex(month11);
  let offset = 1;
  let sector = sunSectorAtDayStart(newMoonDay(k + offset, VIETNAM_LUNAR_TIME_ZONE), VIETNAM_LUNAR_TIME_ZONE);
  let previousSector: number;
  do {
    previousSector = sector;
    offset++;
    sector = sunSectorAtDayStart(newMoonDay(k + offset, VIETNAM_LUNAR_TIME_ZONE), VIETNAM_LUNAR_TIME_ZONE);
  } while (sector !== previousSector && offset < 14);
  return offset - 1;
}

/** Month number (1–12) that a leap month at `offset` months after month 11 repeats. */
function monthNumberAtLeapOffset(offset: number): number {
  return ((offset + 9) % 12) + 1;
}

/** The 13-or-12 month span from month 11 of `startSolarYear` to month 11 of the next year. */
interface LunarSpan {
  month11: number;
  nextMonth11: number;
  /** Offset of the leap month from month 11, or 0 if the span has no leap month. */
  leapOffset: number;
}

function lunarSpan(startSolarYear: number): LunarSpan {
  const month11 = month11Start(startSolarYear);
  const nextMonth11 = month11Start(startSolarYear + 1);
  const leapOffset = nextMonth11 - month11 > 365 ? leapMonthOffset(month11) : 0;
  return { month11, nextMonth11, leapOffset };
}

/**
 * Converts a solar (Gregorian) date to the Vietnamese lunar calendar.
 * @example solarToLunar('2026-02-17') // { year: 2026, month: 1, day: 1, leap: false } (Tết Bính Ngọ)
 * @throws RangeError for an invalid date.
 */
export function solarToLunar(date: IsoDate): LunarDate {
  const dayNumber = toDayNumber(date);
  const jdn = julianDayNumber(dayNumber);
  const solarYear = Number(date.slice(0, 4));
  // The mean lunation count can be one ahead of the true new moon (which wanders up to ~14 h from the
  // mean), so step back until the month starts on or before the day.
  let k = Math.floor((jdn - LUNATION_ORIGIN_JD) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, VIETNAM_LUNAR_TIME_ZONE);
  while (monthStart > jdn) {
    k--;
    monthStart = newMoonDay(k, VIETNAM_LUNAR_TIME_ZONE);
  }

  // Pick the month-11-to-month-11 span that contains this month.
  let span: LunarSpan;
  let lunarYear: number;
  if (month11Start(solarYear) >= monthStart) {
    span = lunarSpan(solarYear - 1);
    lunarYear = solarYear;
  } else {
    span = lunarSpan(solarYear);
    lunarYear = solarYear + 1;
  }

  const day = jdn - monthStart + 1;
  const monthsSinceMonth11 = Math.floor((monthStart - span.month11) / 29);
  let month = monthsSinceMonth11 + 11;
  let leap = false;
  if (span.leapOffset !== 0 && monthsSinceMonth11 >= span.leapOffset) {
    month = monthsSinceMonth11 + 10;
    leap = monthsSinceMonth11 === span.leapOffset;
  }
  if (month > 12) month -= 12;
  // Months 11 and 12 at the start of the span still belong to the previous lunar year.
  if (month >= 11 && monthsSinceMonth11 < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/**
 * The leap month (1–12) of a lunar year, or 0 if the year has none.
 * @example leapMonthOf(2025) // 6 (tháng 6 nhuận Ất Tỵ)
 */
export function leapMonthOf(lunarYear: number): number {
  assertLunarYear(lunarYear);
  // Months 1–10 of lunar year Y lie in the span that opens with month 11 of solar year Y − 1; a leap month
  // numbered 11 or 12 in that span still belongs to Y − 1. Months 11–12 of Y lie in the next span.
  const early = lunarSpan(lunarYear - 1);
  if (early.leapOffset !== 0) {
    const month = monthNumberAtLeapOffset(early.leapOffset);
    if (month <= 10) return month;
  }
  const late = lunarSpan(lunarYear);
  if (late.leapOffset !== 0) {
    const month = monthNumberAtLeapOffset(late.leapOffset);
    if (month >= 11) return month;
  }
  return 0;
}

function assertLunarYear(lunarYear: number): void {
  if (!Number.isInteger(lunarYear) || lunarYear < MIN_YEAR - 1 || lunarYear > MAX_YEAR) {
    throw new RangeError(
      `Invalid lunar year ${lunarYear}: must be an integer between ${MIN_YEAR - 1} and ${MAX_YEAR}`,
    );
  }
}

function describe(year: number, month: number, day: number, leap: boolean): string {
  return `${day}/${month}${leap ? ' (nhuận)' : ''}/${year}`;
}

/** Julian day number of day 1 of a lunar month, and the month's length (29 or 30). */
function lunarMonthBounds(year: number, month: number, leap: boolean): { start: number; length: number } {
  assertLunarYear(year);
  const shown = describe(year, month, 1, leap).slice(2);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid lunar month ${shown}: month must be an integer from 1 to 12`);
  }
  // Months 11 and 12 of lunar year Y lie in the span that starts in solar year Y; months 1–10 in the one before.
  const span = lunarSpan(month < 11 ? year - 1 : year);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (span.leapOffset !== 0) {
    if (leap && month !== monthNumberAtLeapOffset(span.leapOffset)) {
      throw new RangeError(`Invalid lunar month ${shown}: lunar year ${year} has no leap month ${month}`);
    }
    if (leap || offset >= span.leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`Invalid lunar month ${shown}: lunar year ${year} has no leap month`);
  }
  const k = lunationIndex(span.month11);
  const start = newMoonDay(k + offset, VIETNAM_LUNAR_TIME_ZONE);
  return { start, length: newMoonDay(k + offset + 1, VIETNAM_LUNAR_TIME_ZONE) - start };
}

/**
 * Converts a Vietnamese lunar date to the solar (Gregorian) calendar.
 * @example lunarToSolar({ year: 2026, month: 3, day: 10, leap: false }) // '2026-04-26' (Giỗ Tổ Hùng Vương)
 * @throws RangeError if the lunar date does not exist (month 1–12, day 1–29/30, `leap` only in the
 *   year's leap month) or falls outside the supported solar years.
 */
export function lunarToSolar(lunar: LunarDate): IsoDate {
  const { year, month, day, leap } = lunar;
  const { start, length } = lunarMonthBounds(year, month, leap === true);
  if (!Number.isInteger(day) || day < 1 || day > length) {
    throw new RangeError(
      `Invalid lunar date ${describe(year, month, day, leap)}: that month has days 1 to ${length}`,
    );
  }
  return fromDayNumber(start + day - 1 - JULIAN_DAY_OF_UNIX_EPOCH);
}

/**
 * Number of days (29 or 30) of a lunar month.
 * @throws RangeError if the month does not exist (e.g. a leap month in a year without one).
 */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  return lunarMonthBounds(year, month, leap).length;
}
