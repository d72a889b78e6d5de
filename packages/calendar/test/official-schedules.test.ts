// Every day off and every make-up day of 2024–2026 for the public sector, checked day by day against
// the official notices (Labor Code 2019 Art. 112 holidays as placed by the yearly notices).
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type DayKind,
  dayOfWeek,
  defaultCalendar,
  LABOR_CODE_2019,
  OFFICIAL_SCHEDULES,
  type OfficialSchedule,
  solarToLunar,
  VIETNAMESE_WEEKDAY_NAMES,
} from '../src/index.ts';

/** [date, weekday as written in the notice, kind, name] */
type Row = [string, string, DayKind, string];

const EXPECTED: Record<number, Row[]> = {
  // 5015/TB-LĐTBXH (Tết, Quốc khánh) and 2450/VPCP-KGVX (30/4 swap).
  2024: [
    ['2024-01-01', 'thứ Hai', 'holiday', 'Tết Dương lịch'],
    ['2024-02-08', 'thứ Năm', 'holiday', 'Tết Nguyên đán (29 Tết)'],
    ['2024-02-09', 'thứ Sáu', 'holiday', 'Tết Nguyên đán (30 Tết)'],
    ['2024-02-10', 'thứ Bảy', 'holiday', 'Tết Nguyên đán (Mùng 1)'],
    ['2024-02-11', 'Chủ nhật', 'holiday', 'Tết Nguyên đán (Mùng 2)'],
    ['2024-02-12', 'thứ Hai', 'holiday', 'Tết Nguyên đán (Mùng 3)'],
    ['2024-02-13', 'thứ Ba', 'compensatory', 'Nghỉ bù Tết Nguyên đán (Mùng 4)'],
    ['2024-02-14', 'thứ Tư', 'compensatory', 'Nghỉ bù Tết Nguyên đán (Mùng 5)'],
    ['2024-04-18', 'thứ Năm', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2024-04-29', 'thứ Hai', 'holiday', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)'],
    ['2024-04-30', 'thứ Ba', 'holiday', 'Ngày Chiến thắng 30/4'],
    ['2024-05-01', 'thứ Tư', 'holiday', 'Ngày Quốc tế Lao động 1/5'],
    ['2024-05-04', 'thứ Bảy', 'swappedWorkday', 'Làm bù cho thứ Hai 29/04/2024'],
    ['2024-09-02', 'thứ Hai', 'holiday', 'Quốc khánh 2/9'],
    ['2024-09-03', 'thứ Ba', 'holiday', 'Quốc khánh (ngày nghỉ liền kề 3/9)'],
  ],
  // 6150/TB-LĐTBXH, following 8726/VPCP-KGVX.
  2025: [
    ['2025-01-01', 'thứ Tư', 'holiday', 'Tết Dương lịch'],
    ['2025-01-27', 'thứ Hai', 'holiday', 'Tết Nguyên đán (28 Tết)'],
    ['2025-01-28', 'thứ Ba', 'holiday', 'Tết Nguyên đán (29 Tết)'],
    ['2025-01-29', 'thứ Tư', 'holiday', 'Tết Nguyên đán (Mùng 1)'],
    ['2025-01-30', 'thứ Năm', 'holiday', 'Tết Nguyên đán (Mùng 2)'],
    ['2025-01-31', 'thứ Sáu', 'holiday', 'Tết Nguyên đán (Mùng 3)'],
    ['2025-04-07', 'thứ Hai', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2025-04-26', 'thứ Bảy', 'swappedWorkday', 'Làm bù cho thứ Sáu 02/05/2025'],
    ['2025-04-30', 'thứ Tư', 'holiday', 'Ngày Chiến thắng 30/4'],
    ['2025-05-01', 'thứ Năm', 'holiday', 'Ngày Quốc tế Lao động 1/5'],
    ['2025-05-02', 'thứ Sáu', 'holiday', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)'],
    ['2025-09-01', 'thứ Hai', 'holiday', 'Quốc khánh (ngày nghỉ liền kề 1/9)'],
    ['2025-09-02', 'thứ Ba', 'holiday', 'Quốc khánh 2/9'],
  ],
  // 12729/VPCP-KGVX (Tết Dương lịch swap) and 9441/TB-BNV (Tết, Quốc khánh).
  2026: [
    ['2026-01-01', 'thứ Năm', 'holiday', 'Tết Dương lịch'],
    ['2026-01-02', 'thứ Sáu', 'holiday', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)'],
    ['2026-01-10', 'thứ Bảy', 'swappedWorkday', 'Làm bù cho thứ Sáu 02/01/2026'],
    ['2026-02-16', 'thứ Hai', 'holiday', 'Tết Nguyên đán (29 Tết)'],
    ['2026-02-17', 'thứ Ba', 'holiday', 'Tết Nguyên đán (Mùng 1)'],
    ['2026-02-18', 'thứ Tư', 'holiday', 'Tết Nguyên đán (Mùng 2)'],
    ['2026-02-19', 'thứ Năm', 'holiday', 'Tết Nguyên đán (Mùng 3)'],
    ['2026-02-20', 'thứ Sáu', 'holiday', 'Tết Nguyên đán (Mùng 4)'],
    ['2026-04-26', 'Chủ nhật', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2026-04-27', 'thứ Hai', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2026-04-30', 'thứ Năm', 'holiday', 'Ngày Chiến thắng 30/4'],
    ['2026-05-01', 'thứ Sáu', 'holiday', 'Ngày Quốc tế Lao động 1/5'],
    ['2026-08-22', 'thứ Bảy', 'swappedWorkday', 'Làm bù cho thứ Hai 31/08/2026'],
    ['2026-08-31', 'thứ Hai', 'holiday', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)'],
    ['2026-09-01', 'thứ Ba', 'holiday', 'Quốc khánh (ngày nghỉ liền kề 1/9)'],
    ['2026-09-02', 'thứ Tư', 'holiday', 'Quốc khánh 2/9'],
  ],
};

describe.each([2024, 2025, 2026])('official schedule %i', (year) => {
  const rows = EXPECTED[year]!;

  it.each(rows)('%s (%s) is %s: %s', (date, weekdayName, kind, name) => {
    expect(VIETNAMESE_WEEKDAY_NAMES[dayOfWeek(date)]).toBe(weekdayName);
    expect(defaultCalendar.dayInfo(date)).toEqual({ date, working: kind === 'swappedWorkday', kind, name });
  });

  it('has no other day off and no other worked weekend day in the whole year', () => {
    const special = new Map(rows.map(([date, , kind]) => [date, kind]));
    for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
      const weekday = dayOfWeek(date);
      const expected = special.get(date) ?? (weekday === 0 || weekday === 6 ? 'weekend' : 'workday');
      expect(defaultCalendar.dayInfo(date).kind, date).toBe(expected);
    }
  });

  it('lists exactly these days off in holidays()', () => {
    const offRows = rows.filter(([, , kind]) => kind !== 'swappedWorkday');
    expect(defaultCalendar.holidays(year)).toEqual(
      offRows.map(([date, , kind, name]) => ({ date, kind, name })),
    );
    expect(defaultCalendar.swappedWorkdays(year).map((day) => day.date)).toEqual(
      rows.filter(([, , kind]) => kind === 'swappedWorkday').map(([date]) => date),
    );
  });
});

describe('official schedule data', () => {
  it.each(
    OFFICIAL_SCHEDULES.map((schedule) => [schedule.year, schedule] as const),
  )('%i is consistent with the law and the lunar calendar', (year, schedule: OfficialSchedule) => {
    const documents = new Set(schedule.sources.map((source) => source.number));
    for (const source of schedule.sources) {
      expect(source.number).toMatch(/^\d+\/[A-ZĐ-]+$/);
      expect(source.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(source.issuer.length).toBeGreaterThan(0);
      expect(source.title.length).toBeGreaterThan(0);
    }
    for (const day of schedule.days) {
      expect(day.date.slice(0, 4)).toBe(String(year));
      expect(day.source === LABOR_CODE_2019 || documents.has(day.source), day.source).toBe(true);
      const weekday = dayOfWeek(day.date);
      const weekend = weekday === 0 || weekday === 6;
      if (day.kind === 'swappedWorkday') expect(weekend, day.date).toBe(true);
      if (day.kind === 'dayOffBySwap' || day.kind === 'compensatory') expect(weekend, day.date).toBe(false);
      // Tết names must match the lunar date they claim.
      const lunar = solarToLunar(day.date);
      const beforeTet = /^Tết Nguyên đán \((\d+) Tết\)$/.exec(day.name);
      if (beforeTet) expect([lunar.month, lunar.day]).toEqual([12, Number(beforeTet[1])]);
      const newYear = /^Tết Nguyên đán \(Mùng (\d)\)$/.exec(day.name);
      if (newYear) expect([lunar.month, lunar.day]).toEqual([1, Number(newYear[1])]);
      if (day.name.startsWith('Giỗ Tổ')) expect([lunar.month, lunar.day, lunar.leap]).toEqual([3, 10, false]);
    }
    // Art. 112(1): 11 holidays a year (1 + 5 + 1 + 1 + 1 + 2); every swap pairs a day off with a worked day.
    expect(schedule.days.filter((day) => day.kind === 'holiday')).toHaveLength(11);
    expect(schedule.days.filter((day) => day.kind === 'dayOffBySwap').length).toBe(
      schedule.days.filter((day) => day.kind === 'swappedWorkday').length,
    );
    expect(new Set(schedule.days.map((day) => day.date)).size).toBe(schedule.days.length);
  });

  it('gives the long breaks announced to the public', () => {
    const offRun = (from: string, to: string) =>
      defaultCalendar.days(from, to).every((day) => !day.working) &&
      defaultCalendar.isWorkingDay(addDays(from, -1)) &&
      defaultCalendar.isWorkingDay(addDays(to, 1));
    expect(offRun('2024-02-08', '2024-02-14')).toBe(true); // Tết 2024: 7 days
    expect(offRun('2024-04-27', '2024-05-01')).toBe(true); // 30/4 2024: 5 days
    expect(offRun('2024-08-31', '2024-09-03')).toBe(true); // Quốc khánh 2024: 4 days
    expect(offRun('2025-01-25', '2025-02-02')).toBe(true); // Tết 2025: 9 days
    expect(offRun('2025-04-30', '2025-05-04')).toBe(true); // 30/4 2025: 5 days
    expect(offRun('2025-08-30', '2025-09-02')).toBe(true); // Quốc khánh 2025: 4 days
    expect(offRun('2026-01-01', '2026-01-04')).toBe(true); // Tết Dương lịch 2026: 4 days
    expect(offRun('2026-02-14', '2026-02-22')).toBe(true); // Tết 2026: 9 days
    expect(offRun('2026-04-25', '2026-04-27')).toBe(true); // Giỗ Tổ 2026: 3 days
    expect(offRun('2026-04-30', '2026-05-03')).toBe(true); // 30/4 2026: 4 days
    expect(offRun('2026-08-29', '2026-09-02')).toBe(true); // Quốc khánh 2026: 5 days
  });
});
