import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromDayNumber,
  type LunarDate,
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
  toDayNumber,
} from '../src/index.ts';

const lunar = (year: number, month: number, day: number, leap = false): LunarDate => ({
  year,
  month,
  day,
  leap,
});

describe('Tết Nguyên đán (1/1 âm lịch)', () => {
  it.each([
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2020, '2020-01-25'],
    [2000, '2000-02-05'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarToSolar(lunar(year, 1, 1))).toBe(date);
    expect(solarToLunar(date)).toEqual(lunar(year, 1, 1));
  });

  // The Vietnamese calendar dates new moons at UTC+7, the Chinese at UTC+8; these years differ.
  it.each([
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [1968, '1968-01-29', '1968-01-30'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('Tết %i is %s in Viet Nam (%s in China)', (year, vietnamese, chinese) => {
    expect(lunarToSolar(lunar(year, 1, 1))).toBe(vietnamese);
    expect(solarToLunar(chinese)).not.toEqual(lunar(year, 1, 1));
  });
});

describe('other lunar dates', () => {
  it.each([
    ['2024-04-18', lunar(2024, 3, 10)], // Giỗ Tổ Hùng Vương
    ['2025-04-07', lunar(2025, 3, 10)],
    ['2026-04-26', lunar(2026, 3, 10)],
    ['2023-04-29', lunar(2023, 3, 10)], // after the leap month 2 of 2023
    ['2037-04-24', lunar(2037, 3, 10)],
    ['2024-09-17', lunar(2024, 8, 15)], // Tết Trung thu
    ['2025-10-06', lunar(2025, 8, 15)],
    ['2026-09-25', lunar(2026, 8, 15)],
    ['2024-02-09', lunar(2023, 12, 30)], // 30 Tết Quý Mão
    ['2026-02-16', lunar(2025, 12, 29)], // tháng Chạp Ất Tỵ has 29 days
    ['2025-06-25', lunar(2025, 6, 1)],
    ['2025-07-25', lunar(2025, 6, 1, true)], // tháng 6 nhuận Ất Tỵ
    ['2023-03-22', lunar(2023, 2, 1, true)], // tháng 2 nhuận Quý Mão
    ['2020-05-23', lunar(2020, 4, 1, true)], // tháng 4 nhuận Canh Tý
    ['1900-01-01', lunar(1899, 12, 1)],
  ])('%s is %o', (date, expected) => {
    expect(solarToLunar(date)).toEqual(expected);
    expect(lunarToSolar(expected)).toBe(date);
  });

  it('finds leap months', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2024)).toBe(0);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2026)).toBe(0);
    expect(leapMonthOf(2028)).toBe(5);
    expect(leapMonthOf(2033)).toBe(11);
  });

  it('gives month lengths', () => {
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarMonthLength(2025, 12)).toBe(29);
    expect(lunarMonthLength(2025, 6, true)).toBe(29);
  });
});

describe('invalid lunar dates', () => {
  it.each([
    [lunar(2026, 6, 1, true), /no leap month/],
    [lunar(2025, 5, 1, true), /no leap month 5/],
    [lunar(2025, 12, 30), /has days 1 to 29/],
    [lunar(2026, 13, 1), /month must be an integer from 1 to 12/],
    [lunar(2026, 1, 0), /has days 1 to/],
    [lunar(2026, 1, 1.5), /has days 1 to/],
    [lunar(2200, 1, 1), /lunar year 2200/],
  ])('%o throws a RangeError', (value, message) => {
    expect(() => lunarToSolar(value)).toThrow(RangeError);
    expect(() => lunarToSolar(value)).toThrow(message);
  });

  it('rejects invalid solar dates', () => {
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
  });
});

describe('conversion properties', () => {
  const supportedDay = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2199-12-31') });

  it('round-trips every solar date', () => {
    fc.assert(
      fc.property(supportedDay, (dayNumber) => {
        const date = fromDayNumber(dayNumber);
        expect(lunarToSolar(solarToLunar(date))).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('advances one lunar day per solar day, and months have 29 or 30 days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2199-12-30') }),
        (dayNumber) => {
          const today = solarToLunar(fromDayNumber(dayNumber));
          const tomorrow = solarToLunar(fromDayNumber(dayNumber + 1));
          if (tomorrow.day === 1) {
            expect([29, 30]).toContain(today.day);
          } else {
            expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
