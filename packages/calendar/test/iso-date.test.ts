import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  dayNumberFromParts,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatVietnameseDate,
  fromDayNumber,
  isIsoDate,
  isoDateFromParts,
  isoDateInVietnam,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  parseIsoDate,
  partsFromDayNumber,
  toDayNumber,
} from '../src/index.ts';

describe('parseIsoDate', () => {
  it('accepts real days in YYYY-MM-DD form', () => {
    expect(parseIsoDate('2026-02-17')).toEqual({ year: 2026, month: 2, day: 17 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('1900-01-01')).toEqual({ year: 1900, month: 1, day: 1 });
    expect(parseIsoDate('2199-12-31')).toEqual({ year: 2199, month: 12, day: 31 });
  });

  it.each([
    ['2026-02-30', /2026-02 has days 01 to 28/],
    ['2025-02-29', /2025-02 has days 01 to 28/],
    ['1900-02-29', /1900-02 has days 01 to 28/], // 1900 is not a leap year
    ['2026-04-31', /2026-04 has days 01 to 30/],
    ['2026-13-01', /month 13 is not between 01 and 12/],
    ['2026-00-10', /month 0 is not between 01 and 12/],
    ['2026-01-00', /has days 01 to 31/],
    ['2026-2-3', /expected the form YYYY-MM-DD/],
    ['2026/02/03', /expected the form YYYY-MM-DD/],
    ['20260203', /expected the form YYYY-MM-DD/],
    [' 2026-02-03', /expected the form YYYY-MM-DD/],
    ['2026-02-03T00:00', /expected the form YYYY-MM-DD/],
    ['２０２６-02-03', /expected the form YYYY-MM-DD/],
    ['', /expected the form YYYY-MM-DD/],
    ['1899-12-31', /year 1899 is outside the supported range 1900–2199/],
    ['2200-01-01', /year 2200 is outside the supported range 1900–2199/],
  ])('rejects %j with a RangeError', (text, message) => {
    expect(() => parseIsoDate(text)).toThrow(RangeError);
    expect(() => parseIsoDate(text)).toThrow(message);
  });

  it('names the bad input in the message', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow('Invalid date "2026-02-30"');
  });

  it('rejects non-strings', () => {
    expect(() => parseIsoDate(20260203 as unknown as string)).toThrow(RangeError);
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
  });
});

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });

  it('agrees with Date.UTC for every supported day (Date.UTC ignores the machine time zone)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY_NUMBER, max: MAX_DAY_NUMBER }), (dayNumber) => {
        const utc = new Date(dayNumber * 86_400_000);
        const date = fromDayNumber(dayNumber);
        expect(date).toBe(utc.toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(dayNumber);
        expect(dayOfWeek(date)).toBe(utc.getUTCDay());
      }),
    );
  });

  it('round-trips parts of any proleptic Gregorian date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (dayNumber) => {
        const { year, month, day } = partsFromDayNumber(dayNumber);
        expect(day).toBeGreaterThanOrEqual(1);
        expect(day).toBeLessThanOrEqual(daysInMonth(year, month));
        expect(dayNumberFromParts(year, month, day)).toBe(dayNumber);
      }),
    );
  });

  it('refuses day numbers outside 1900–2199', () => {
    expect(() => fromDayNumber(MIN_DAY_NUMBER - 1)).toThrow(RangeError);
    expect(() => fromDayNumber(MAX_DAY_NUMBER + 1)).toThrow(/outside the supported range/);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(compareIsoDates('2026-01-02', '2026-01-01')).toBeGreaterThan(0);
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('gives weekdays with 0 = Sunday', () => {
    expect(dayOfWeek('2026-02-17')).toBe(2); // Mùng 1 Tết Bính Ngọ is a Tuesday
    expect(dayOfWeek('2026-04-26')).toBe(0); // Giỗ Tổ 2026 is a Sunday
    expect(dayOfWeek('2024-05-04')).toBe(6);
  });

  it('builds dates from parts with validation', () => {
    expect(isoDateFromParts(2026, 9, 2)).toBe('2026-09-02');
    expect(() => isoDateFromParts(2026, 2, 30)).toThrow(RangeError);
    expect(() => isoDateFromParts(2026, 2.5, 3)).toThrow(RangeError);
  });

  it('formats dates the Vietnamese way', () => {
    expect(formatVietnameseDate('2024-05-04')).toBe('04/05/2024');
  });
});

describe('isoDateInVietnam', () => {
  it('dates an instant at UTC+7 whatever the machine time zone', () => {
    expect(isoDateInVietnam(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(isoDateInVietnam(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(isoDateInVietnam(Date.UTC(2026, 1, 16, 23, 0))).toBe('2026-02-17');
    expect(() => isoDateInVietnam(new Date('not a date'))).toThrow(RangeError);
  });
});
