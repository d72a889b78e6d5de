import { describe, expect, it } from 'vitest';
import { type CalendarOverride, defaultCalendar, VN_2026, WorkingCalendar } from '../src/index.ts';

describe('dayInfo and isWorkingDay', () => {
  it('tells workdays, weekends, holidays, compensatory and make-up days apart', () => {
    expect(defaultCalendar.dayInfo('2026-03-04')).toEqual({
      date: '2026-03-04',
      working: true,
      kind: 'workday',
    });
    expect(defaultCalendar.dayInfo('2026-03-07')).toEqual({
      date: '2026-03-07',
      working: false,
      kind: 'weekend',
    });
    expect(defaultCalendar.dayInfo('2026-02-17')).toEqual({
      date: '2026-02-17',
      working: false,
      kind: 'holiday',
      name: 'Tết Nguyên đán (Mùng 1)',
    });
    expect(defaultCalendar.dayInfo('2026-04-27').kind).toBe('compensatory');
    expect(defaultCalendar.dayInfo('2026-01-10')).toEqual({
      date: '2026-01-10',
      working: true,
      kind: 'swappedWorkday',
      name: 'Làm bù cho thứ Sáu 02/01/2026',
    });
    expect(defaultCalendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(defaultCalendar.isWorkingDay('2026-01-02')).toBe(false);
  });

  it('lists a range of days, both ends included', () => {
    const days = defaultCalendar.days('2026-02-13', '2026-02-23');
    expect(days.map((day) => day.working)).toEqual([
      true, // Fri 13
      false, // Sat 14
      false,
      false, // Mon 16, 29 Tết
      false,
      false,
      false,
      false, // Fri 20, Mùng 4
      false,
      false, // Sun 22
      true, // Mon 23
    ]);
    expect(defaultCalendar.days('2026-02-13', '2026-02-13')).toHaveLength(1);
    expect(() => defaultCalendar.days('2026-02-14', '2026-02-13')).toThrow(RangeError);
  });

  it('computes years without an official schedule from the Labor Code', () => {
    expect(defaultCalendar.dayInfo('2027-02-06').name).toBe('Tết Nguyên đán (Mùng 1)');
    expect(defaultCalendar.dayInfo('2027-02-10').kind).toBe('compensatory');
    expect(defaultCalendar.dayInfo('2023-09-04')).toEqual({
      date: '2023-09-04',
      working: false,
      kind: 'compensatory',
      name: 'Nghỉ bù Quốc khánh 2/9',
    });
  });
});

describe('addWorkingDays', () => {
  it('skips weekends and holidays', () => {
    expect(defaultCalendar.addWorkingDays('2026-03-05', 1)).toBe('2026-03-06'); // Thu → Fri
    expect(defaultCalendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Fri → Mon
    expect(defaultCalendar.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23'); // over the 9-day Tết break
    expect(defaultCalendar.addWorkingDays('2026-02-23', -2)).toBe('2026-02-12');
    expect(defaultCalendar.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10'); // make-up Saturday counts
    expect(defaultCalendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05'); // across the year end
    expect(defaultCalendar.addWorkingDays('2026-01-05', -1)).toBe('2025-12-31');
  });

  it('counts from a day off as if from the day before the next working day', () => {
    expect(defaultCalendar.addWorkingDays('2026-02-17', 1)).toBe('2026-02-23');
    expect(defaultCalendar.addWorkingDays('2026-02-17', -1)).toBe('2026-02-13');
  });

  it('with n = 0 returns the day itself if working, else the next working day', () => {
    expect(defaultCalendar.addWorkingDays('2026-03-04', 0)).toBe('2026-03-04');
    expect(defaultCalendar.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(defaultCalendar.addWorkingDays('2026-02-14', 0)).toBe('2026-02-23');
  });

  it('handles long spans across many years', () => {
    const later = defaultCalendar.addWorkingDays('2024-01-02', 2000);
    expect(defaultCalendar.workingDaysBetween('2024-01-02', later)).toBe(2000);
    expect(defaultCalendar.addWorkingDays(later, -2000)).toBe('2024-01-02');
  });

  it('rejects bad input and results out of range', () => {
    expect(() => defaultCalendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => defaultCalendar.addWorkingDays('2026-03-04', 1.5)).toThrow(/must be an integer/);
    expect(() => defaultCalendar.addWorkingDays('2199-12-30', 5)).toThrow(/outside the supported range/);
    expect(() => defaultCalendar.addWorkingDays('1900-01-03', -5)).toThrow(RangeError);
  });
});

describe('nextWorkingDay and previousWorkingDay', () => {
  it('move strictly past the date', () => {
    expect(defaultCalendar.nextWorkingDay('2026-03-04')).toBe('2026-03-05');
    expect(defaultCalendar.nextWorkingDay('2026-04-24')).toBe('2026-04-28'); // Giỗ Tổ + nghỉ bù
    expect(defaultCalendar.nextWorkingDay('2026-08-21')).toBe('2026-08-22'); // make-up Saturday
    expect(defaultCalendar.previousWorkingDay('2026-09-03')).toBe('2026-08-28');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(defaultCalendar.workingDaysBetween('2026-03-02', '2026-03-06')).toBe(4); // Mon → Fri
    expect(defaultCalendar.workingDaysBetween('2026-03-06', '2026-03-02')).toBe(-4);
    expect(defaultCalendar.workingDaysBetween('2026-03-04', '2026-03-04')).toBe(0);
    expect(defaultCalendar.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0); // the whole Tết break
    // January 2026: 22 weekdays − 1/1 − 2/1 (swap) + Saturday 10/1 (make-up day)
    expect(defaultCalendar.workingDaysBetween('2025-12-31', '2026-01-31')).toBe(21);
  });

  it('counts whole years', () => {
    // 2026: 261 weekdays − 13 days off on weekdays (Giỗ Tổ is a Sunday) + 2 make-up Saturdays = 250
    expect(defaultCalendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
  });
});

describe('latestDateWithNotice (R9: notice at least 2 working days before the meeting)', () => {
  it('leaves n full working days between sending and meeting', () => {
    expect(defaultCalendar.latestDateWithNotice('2026-03-05', 2)).toBe('2026-03-02'); // Thu → Mon
    expect(defaultCalendar.latestDateWithNotice('2026-03-09', 2)).toBe('2026-03-04'); // Mon → Wed
    expect(defaultCalendar.latestDateWithNotice('2026-03-05', 1)).toBe('2026-03-03');
    expect(defaultCalendar.latestDateWithNotice('2026-03-05', 0)).toBe('2026-03-04');
  });

  it('may give a day off: a Wednesday meeting can be announced on Sunday', () => {
    expect(defaultCalendar.latestDateWithNotice('2026-03-04', 2)).toBe('2026-03-01');
  });

  it('reaches back over holidays', () => {
    // Meeting Tuesday 24/02/2026 after Tết: the 2 working days between are Fri 13/02 and Mon 23/02.
    expect(defaultCalendar.latestDateWithNotice('2026-02-24', 2)).toBe('2026-02-12');
  });

  it('rejects negative and fractional n', () => {
    expect(() => defaultCalendar.latestDateWithNotice('2026-03-05', -1)).toThrow(RangeError);
    expect(() => defaultCalendar.latestDateWithNotice('2026-03-05', 1.5)).toThrow(RangeError);
  });
});

describe('holidays(year)', () => {
  it('lists the days off of a computed year', () => {
    expect(defaultCalendar.holidays(2027).map((day) => day.date)).toContain('2027-02-10');
    expect(defaultCalendar.holidays(2027)).toHaveLength(14);
  });

  it('rejects years out of range', () => {
    expect(() => defaultCalendar.holidays(2200)).toThrow(RangeError);
    expect(() => defaultCalendar.holidays(1899)).toThrow(/outside the supported range/);
    expect(() => defaultCalendar.holidays(2026.5)).toThrow(RangeError);
  });
});

describe('overrides', () => {
  // Precedence: overrides > official file > computed defaults > weekend rule.
  const overrides: CalendarOverride[] = [
    // A local holiday on a weekday.
    { date: '2026-03-10', kind: 'holiday', name: 'Ngày giải phóng tỉnh (sự kiện địa phương)' },
    // Cancels an official day off (the 2/1 swap) and its make-up Saturday.
    { date: '2026-01-02', kind: 'workday', name: 'Hủy nghỉ hoán đổi' },
    { date: '2026-01-10', kind: 'workday', name: '' },
    // Overrides a computed default in 2027 (compensatory day) and adds a worked Saturday.
    { date: '2027-02-10', kind: 'workday', name: '' },
    { date: '2027-02-20', kind: 'swappedWorkday', name: 'Làm bù cho thứ Sáu 12/02/2027' },
    { date: '2027-02-12', kind: 'dayOff', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 20/02/2027)' },
    // A weekday declared a working day stays a workday; a later entry for the same date wins.
    { date: '2026-03-11', kind: 'holiday', name: 'Bị ghi đè' },
    { date: '2026-03-11', kind: 'workday', name: '' },
  ];
  const calendar = new WorkingCalendar({ overrides });

  it('win over the weekend rule', () => {
    expect(calendar.dayInfo('2027-02-20')).toEqual({
      date: '2027-02-20',
      working: true,
      kind: 'swappedWorkday',
      name: 'Làm bù cho thứ Sáu 12/02/2027',
    });
  });

  it('win over the computed defaults', () => {
    expect(calendar.dayInfo('2027-02-10')).toEqual({ date: '2027-02-10', working: true, kind: 'workday' });
    expect(calendar.dayInfo('2027-02-12')).toEqual({
      date: '2027-02-12',
      working: false,
      kind: 'holiday',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 20/02/2027)',
    });
  });

  it('win over the official schedule', () => {
    expect(calendar.dayInfo('2026-01-02')).toEqual({
      date: '2026-01-02',
      working: true,
      kind: 'workday',
      name: 'Hủy nghỉ hoán đổi',
    });
    // A worked Saturday is a make-up day whatever the override calls it; here it is just un-swapped.
    expect(calendar.dayInfo('2026-01-10')).toEqual({
      date: '2026-01-10',
      working: true,
      kind: 'swappedWorkday',
    });
  });

  it('add local holidays and apply the last entry for a date', () => {
    expect(calendar.dayInfo('2026-03-10')).toEqual({
      date: '2026-03-10',
      working: false,
      kind: 'holiday',
      name: 'Ngày giải phóng tỉnh (sự kiện địa phương)',
    });
    expect(calendar.isWorkingDay('2026-03-11')).toBe(true);
    expect(calendar.holidays(2026).map((day) => day.date)).toContain('2026-03-10');
    expect(calendar.holidays(2026).map((day) => day.date)).not.toContain('2026-01-02');
  });

  it('change working-day arithmetic', () => {
    expect(defaultCalendar.addWorkingDays('2026-03-09', 1)).toBe('2026-03-10');
    expect(calendar.addWorkingDays('2026-03-09', 1)).toBe('2026-03-11');
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-13')).toBe(
      defaultCalendar.workingDaysBetween('2026-03-09', '2026-03-13') - 1,
    );
  });

  it('leave the default calendar untouched', () => {
    expect(defaultCalendar.isWorkingDay('2026-03-10')).toBe(true);
    expect(defaultCalendar.isWorkingDay('2026-01-02')).toBe(false);
  });

  it('are validated', () => {
    expect(
      () => new WorkingCalendar({ overrides: [{ date: '2026-02-30', kind: 'holiday', name: 'x' }] }),
    ).toThrow(RangeError);
    expect(
      () =>
        new WorkingCalendar({
          overrides: [{ date: '2026-03-02', kind: 'vacation' as CalendarOverride['kind'], name: 'x' }],
        }),
    ).toThrow(/kind "vacation"/);
    expect(
      () => new WorkingCalendar({ overrides: [{ date: '2026-03-02', kind: 'holiday', name: ' ' }] }),
    ).toThrow(/needs a name/);
  });
});

describe('official schedules option', () => {
  it('falls back to the computed defaults without the shipped schedules', () => {
    const computedOnly = new WorkingCalendar({ officialSchedules: [] });
    // By default Tết 2026 would be 29 Tết + Mùng 1–4 with no swap of 2/1.
    expect(computedOnly.isWorkingDay('2026-01-02')).toBe(true);
    expect(computedOnly.isWorkingDay('2026-01-10')).toBe(false);
    expect(computedOnly.holidays(2026).filter((day) => day.name.startsWith('Tết Nguyên đán'))).toHaveLength(
      5,
    );
  });

  it('accepts a deployment-supplied schedule', () => {
    const custom = new WorkingCalendar({ officialSchedules: [{ ...VN_2026, year: 2026, days: [] }] });
    // An (empty) official schedule replaces the defaults of its year entirely.
    expect(custom.holidays(2026)).toEqual([]);
  });
});
