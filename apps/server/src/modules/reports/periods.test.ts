import { addDays, defaultCalendar as cal } from '@steerco/calendar';
import type { DeadlineRule, ReportFrequency } from '@steerco/contract/reports';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutoffWindow, deadlineAfterCutoff, deadlineOf, periodsOf } from './periods.ts';

// R16 / Decree 09/2019: cut-off windows (chốt số liệu) and deadlines on the working-day calendar.

const day20: DeadlineRule = { kind: 'dayOfMonth', day: 20 };
const window = (p: { from: string; to: string }) => [p.from, p.to];

describe('cut-off windows (Decree 09 defaults: the 15th to the 14th)', () => {
  it.each([
    // frequency, year, index, window, label
    ['quarterly', 2026, 0, ['2025-12-15', '2026-03-14'], 'Quý I/2026'],
    ['quarterly', 2026, 1, ['2026-03-15', '2026-06-14'], 'Quý II/2026'],
    ['quarterly', 2026, 2, ['2026-06-15', '2026-09-14'], 'Quý III/2026'],
    ['quarterly', 2026, 3, ['2026-09-15', '2026-12-14'], 'Quý IV/2026'],
    ['halfYear', 2026, 0, ['2025-12-15', '2026-06-14'], '6 tháng đầu năm 2026'],
    ['halfYear', 2026, 1, ['2026-06-15', '2026-12-14'], '6 tháng cuối năm 2026'],
    ['annual', 2027, 0, ['2026-12-15', '2027-12-14'], 'Năm 2027'],
    ['monthly', 2026, 0, ['2025-12-15', '2026-01-14'], 'Tháng 1/2026'],
    ['monthly', 2026, 1, ['2026-01-15', '2026-02-14'], 'Tháng 2/2026'],
    ['monthly', 2028, 1, ['2028-01-15', '2028-02-14'], 'Tháng 2/2028'],
  ] as const)('%s %i #%i: %j (%s)', (frequency, year, i, expected, label) => {
    const p = periodsOf({ frequency, cutoffDay: 15, deadline: day20 }, year, year, cal)[i]!;
    expect(window(p)).toEqual(expected);
    expect(p.label).toBe(label);
    expect(p.opensOn).toBe(addDays(expected[1], 1));
  });

  it('uses calendar months when the cut-off day is the 1st, to the month’s last day (29/02 in a leap year)', () => {
    expect(cutoffWindow(2028, 1, 2, 1)).toEqual({ from: '2028-01-01', to: '2028-02-29' });
    expect(cutoffWindow(2026, 10, 12, 1)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
});

describe('deadlines on the working-day calendar', () => {
  it.each([
    // the 20th of the window's last month, moved to the next working day when it is a day off
    ['quarterly', 2026, 3, day20, '2026-12-21'], // 20/12/2026 is a Sunday
    ['quarterly', 2026, 0, day20, '2026-03-20'],
    ['halfYear', 2026, 0, day20, '2026-06-22'], // Saturday 20/06 → Monday
    ['annual', 2026, 0, day20, '2026-12-21'],
    // Tết 2026 (14/02–22/02 off): February's report due on the 20th falls in Tết → the first day back
    ['monthly', 2026, 1, day20, '2026-02-23'],
    // N working days after the cut-off (14/02/2026, in Tết): counted from the first working day after it
    ['monthly', 2026, 1, { kind: 'workingDaysAfterCutoff', days: 3 }, '2026-02-25'],
    ['quarterly', 2026, 3, { kind: 'workingDaysAfterCutoff', days: 5 }, '2026-12-21'],
  ] as const)('%s %i #%i %j → %s', (frequency, year, i, deadline, expected) => {
    const p = periodsOf({ frequency, cutoffDay: 15, deadline }, year, year, cal)[i]!;
    expect(p.deadline).toBe(expected);
    expect(cal.isWorkingDay(p.deadline)).toBe(true);
  });

  it('with calendar months, a day-of-month deadline falls in the next month (across the year end)', () => {
    expect(deadlineOf(day20, '2026-12-31', 1, cal)).toBe('2027-01-20');
  });

  it('refuses a day of the month inside the cut-off window', () => {
    expect(deadlineAfterCutoff({ kind: 'dayOfMonth', day: 10 }, 15)).toBe(false);
    expect(deadlineAfterCutoff({ kind: 'dayOfMonth', day: 15 }, 15)).toBe(true);
    expect(deadlineAfterCutoff({ kind: 'dayOfMonth', day: 5 }, 1)).toBe(true);
    expect(deadlineAfterCutoff({ kind: 'workingDaysAfterCutoff', days: 1 }, 28)).toBe(true);
  });
});

describe('properties', () => {
  const frequency = fc.constantFrom<ReportFrequency>('monthly', 'quarterly', 'halfYear', 'annual');
  const rule = fc.oneof(
    fc.integer({ min: 1, max: 28 }).map((day): DeadlineRule => ({ kind: 'dayOfMonth', day })),
    fc.integer({ min: 1, max: 30 }).map((days): DeadlineRule => ({ kind: 'workingDaysAfterCutoff', days })),
  );
  const params = fc
    .record({
      frequency,
      cutoffDay: fc.integer({ min: 1, max: 28 }),
      deadline: rule,
      fromYear: fc.integer({ min: 2024, max: 2030 }),
      years: fc.integer({ min: 1, max: 3 }),
    })
    .filter((p) => deadlineAfterCutoff(p.deadline, p.cutoffDay));

  it('windows of consecutive periods tile the years without gaps or overlaps, across year ends and Tết', () => {
    fc.assert(
      fc.property(params, (p) => {
        const periods = periodsOf(p, p.fromYear, p.fromYear + p.years - 1, cal);
        for (const [i, x] of periods.entries()) {
          expect(x.from <= x.to).toBe(true);
          if (i > 0) expect(x.from).toBe(addDays(periods[i - 1]!.to, 1));
        }
        // A whole year of windows covers exactly 365/366 days ending on the year's cut-off.
        const perYear = periods.length / p.years;
        const first = periods[0]!;
        const lastOfYear = periods[perYear - 1]!;
        const days = (Date.parse(lastOfYear.to) - Date.parse(first.from)) / 86_400_000 + 1;
        expect([365, 366]).toContain(days);
      }),
      { numRuns: 300 },
    );
  });

  it('every deadline is a working day after the window’s end', () => {
    fc.assert(
      fc.property(params, (p) => {
        for (const x of periodsOf(p, p.fromYear, p.fromYear + p.years - 1, cal)) {
          expect(x.deadline > x.to).toBe(true);
          expect(cal.isWorkingDay(x.deadline)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
