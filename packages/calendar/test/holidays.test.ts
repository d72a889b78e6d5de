// Statutory holidays computed by rule: Labor Code 2019 Art. 112 (holidays) and Art. 111(3) (nghỉ bù).
import { describe, expect, it } from 'vitest';
import {
  dayOfWeek,
  daysBetween,
  defaultHolidays,
  defaultNationalDayAdjacentDate,
  defaultTetDays,
  type HolidayEntry,
  WorkingCalendar,
  withCompensatoryDays,
} from '../src/index.ts';

const entry = (date: string, kind: HolidayEntry['kind'], name: string): HolidayEntry => ({
  date,
  kind,
  name,
});

describe('defaultHolidays (Labor Code 2019 Art. 112)', () => {
  it('lists the 11 statutory holidays of 2027 with their compensatory days', () => {
    // Tết Đinh Mùi is Saturday 2027-02-06; 2027-02-05 is 29 Tết (tháng Chạp Bính Ngọ has 29 days).
    expect(defaultHolidays(2027)).toEqual([
      entry('2027-01-01', 'holiday', 'Tết Dương lịch'),
      entry('2027-02-05', 'holiday', 'Tết Nguyên đán (29 Tết)'),
      entry('2027-02-06', 'holiday', 'Tết Nguyên đán (Mùng 1)'),
      entry('2027-02-07', 'holiday', 'Tết Nguyên đán (Mùng 2)'),
      entry('2027-02-08', 'holiday', 'Tết Nguyên đán (Mùng 3)'),
      entry('2027-02-09', 'holiday', 'Tết Nguyên đán (Mùng 4)'),
      // Mùng 1 (Sat) and Mùng 2 (Sun) push past the Tết days to Wednesday and Thursday.
      entry('2027-02-10', 'compensatory', 'Nghỉ bù Tết Nguyên đán (Mùng 1)'),
      entry('2027-02-11', 'compensatory', 'Nghỉ bù Tết Nguyên đán (Mùng 2)'),
      entry('2027-04-16', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
      entry('2027-04-30', 'holiday', 'Ngày Chiến thắng 30/4'),
      entry('2027-05-01', 'holiday', 'Ngày Quốc tế Lao động 1/5'),
      entry('2027-05-03', 'compensatory', 'Nghỉ bù Ngày Quốc tế Lao động 1/5'),
      entry('2027-09-02', 'holiday', 'Quốc khánh 2/9'),
      entry('2027-09-03', 'holiday', 'Quốc khánh (ngày nghỉ liền kề 3/9)'),
    ]);
  });

  it('names the last day of the lunar year 30 Tết when tháng Chạp has 30 days', () => {
    expect(defaultTetDays(2024)[0]).toEqual(entry('2024-02-09', 'holiday', 'Tết Nguyên đán (30 Tết)'));
  });

  it('has 11 holidays in every year, all distinct from the compensatory days', () => {
    for (let year = 1950; year <= 2150; year++) {
      const days = defaultHolidays(year);
      const holidays = days.filter((day) => day.kind === 'holiday');
      const dates = new Set(days.map((day) => day.date));
      expect(dates.size).toBe(days.length);
      // 1947-style clashes (Giỗ Tổ on 30/4) merge into one day; none happens in this span.
      expect(holidays).toHaveLength(11);
      for (const day of days.filter((d) => d.kind === 'compensatory')) {
        expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(day.date));
      }
    }
  });

  it('merges holidays that fall on the same day (Giỗ Tổ on 30/4 in 1947)', () => {
    const days = defaultHolidays(1947);
    expect(days.find((day) => day.date === '1947-04-30')?.name).toBe(
      'Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng 30/4',
    );
  });
});

describe('compensatory days (Labor Code 2019 Art. 111(3))', () => {
  it('moves a weekend holiday to the next working day', () => {
    // 1/1/2028 is a Saturday.
    expect(withCompensatoryDays([entry('2028-01-01', 'holiday', 'Tết Dương lịch')])).toEqual([
      entry('2028-01-01', 'holiday', 'Tết Dương lịch'),
      entry('2028-01-03', 'compensatory', 'Nghỉ bù Tết Dương lịch'),
    ]);
  });

  it('pushes consecutive compensatory days past each other and past holidays', () => {
    // 30/4/2022 Sat and 1/5/2022 Sun: nghỉ bù Monday 2/5 and Tuesday 3/5, as in 2022.
    expect(
      withCompensatoryDays([
        entry('2022-04-30', 'holiday', 'Ngày Chiến thắng 30/4'),
        entry('2022-05-01', 'holiday', 'Ngày Quốc tế Lao động 1/5'),
      ]).map((day) => [day.date, day.kind]),
    ).toEqual([
      ['2022-04-30', 'holiday'],
      ['2022-05-01', 'holiday'],
      ['2022-05-02', 'compensatory'],
      ['2022-05-03', 'compensatory'],
    ]);
  });
});

describe('defaultNationalDayAdjacentDate', () => {
  it.each([
    [2022, '2022-09-01'], // 2/9 Friday → Thursday 1/9 (official 2022)
    [2023, '2023-09-01'], // 2/9 Saturday → Friday 1/9 (official 2023)
    [2024, '2024-09-03'], // 2/9 Monday → Tuesday 3/9 (official 2024)
    [2025, '2025-09-01'], // 2/9 Tuesday → Monday 1/9 (official 2025)
    [2026, '2026-09-01'], // 2/9 Wednesday → Tuesday 1/9 (official 2026)
    [2027, '2027-09-03'], // 2/9 Thursday → Friday 3/9
    [2029, '2029-09-03'], // 2/9 Sunday → Monday 3/9
  ])('%i → %s', (year, expected) => {
    expect(defaultNationalDayAdjacentDate(year)).toBe(expected);
  });

  it('gives a 4-day break with the weekend whenever 2/9 is next to one', () => {
    // A calendar without official schedules shows the defaults alone.
    const calendar = new WorkingCalendar({ officialSchedules: [] });
    for (let year = 2020; year <= 2040; year++) {
      const weekday = dayOfWeek(`${year}-09-02`);
      if (weekday === 3) continue; // Wednesday: no weekend within reach of one extra day
      const offDays = calendar.days(`${year}-08-28`, `${year}-09-08`).filter((day) => !day.working);
      const septemberBreak = offDays.filter(
        (day) => day.date >= `${year}-08-29` && day.date <= `${year}-09-06`,
      );
      // The weekend next to 2/9 + 2 holidays (or holidays and nghỉ bù) form 4 consecutive days off.
      const dates = septemberBreak.map((day) => day.date);
      const containing = dates.indexOf(`${year}-09-02`);
      let start = containing;
      while (start > 0 && daysBetween(dates[start - 1]!, dates[start]!) === 1) start--;
      let end = containing;
      while (end < dates.length - 1 && daysBetween(dates[end]!, dates[end + 1]!) === 1) end++;
      expect(end - start + 1, `${year}`).toBeGreaterThanOrEqual(4);
    }
  });
});
