// Property-based checks of the working-day arithmetic, against brute-force day counting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalendarOverride,
  dayOfWeek,
  defaultCalendar,
  fromDayNumber,
  toDayNumber,
  WorkingCalendar,
} from '../src/index.ts';

/** Dates from 1903 to 2196, so that ±400 working days stays in range; weighted towards 2020–2030. */
const anyDate = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') }) },
    { weight: 1, arbitrary: fc.integer({ min: toDayNumber('1903-01-01'), max: toDayNumber('2196-12-31') }) },
  )
  .map(fromDayNumber);
const workingDate = anyDate.map((date) => defaultCalendar.addWorkingDays(date, 0));
const count = fc.integer({ min: -400, max: 400 });

/** Working days in (a, b] by walking day by day. */
function bruteForceBetween(calendar: WorkingCalendar, a: string, b: string): number {
  const [from, to] = a <= b ? [a, b] : [b, a];
  let total = 0;
  for (let day = toDayNumber(from) + 1; day <= toDayNumber(to); day++) {
    if (calendar.isWorkingDay(fromDayNumber(day))) total++;
  }
  return a <= b ? total : 0 - total;
}

/** Working days strictly between two dates. */
function workingDaysStrictlyBetween(from: string, to: string): number {
  let total = 0;
  for (let day = toDayNumber(from) + 1; day < toDayNumber(to); day++) {
    if (defaultCalendar.isWorkingDay(fromDayNumber(day))) total++;
  }
  return total;
}

describe('addWorkingDays', () => {
  it('is undone by the opposite count from a working day', () => {
    fc.assert(
      fc.property(workingDate, count, (date, n) => {
        expect(defaultCalendar.addWorkingDays(defaultCalendar.addWorkingDays(date, n), -n)).toBe(date);
      }),
      { numRuns: 500 },
    );
  });

  it('lands on a working day on the right side of the start, for any start', () => {
    fc.assert(
      fc.property(anyDate, count, (date, n) => {
        const result = defaultCalendar.addWorkingDays(date, n);
        expect(defaultCalendar.isWorkingDay(result)).toBe(true);
        if (n > 0) expect(result > date).toBe(true);
        if (n < 0) expect(result < date).toBe(true);
        if (n === 0) expect(result >= date).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('skips only days off: every day strictly between start and result, except working ones counted, is off', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (date, n) => {
        const result = defaultCalendar.addWorkingDays(date, n);
        expect(bruteForceBetween(defaultCalendar, date, result)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('workingDaysBetween', () => {
  it('agrees with addWorkingDays from a working day: workingDaysBetween(a, addWorkingDays(a, n)) = n', () => {
    fc.assert(
      fc.property(workingDate, count, (date, n) => {
        expect(defaultCalendar.workingDaysBetween(date, defaultCalendar.addWorkingDays(date, n))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('matches brute-force counting and is antisymmetric', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -500, max: 500 }), (a, offset) => {
        const b = fromDayNumber(
          Math.min(Math.max(toDayNumber(a) + offset, toDayNumber('1900-01-01')), toDayNumber('2199-12-31')),
        );
        const between = defaultCalendar.workingDaysBetween(a, b);
        expect(between).toBe(bruteForceBetween(defaultCalendar, a, b));
        expect(defaultCalendar.workingDaysBetween(b, a)).toBe(0 - between);
      }),
      { numRuns: 200 },
    );
  });
});

describe('weekends', () => {
  it('are never working days unless they are make-up days', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const info = defaultCalendar.dayInfo(date);
        const weekday = dayOfWeek(date);
        const weekend = weekday === 0 || weekday === 6;
        expect(info.working).toBe(defaultCalendar.isWorkingDay(date));
        if (weekend && info.working) expect(info.kind).toBe('swappedWorkday');
        if (info.kind === 'weekend') expect(weekend).toBe(true);
        if (info.kind === 'workday') expect(weekend).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('nextWorkingDay', () => {
  it('is the first working day after the date', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const next = defaultCalendar.nextWorkingDay(date);
        expect(next > date).toBe(true);
        expect(defaultCalendar.isWorkingDay(next)).toBe(true);
        expect(workingDaysStrictlyBetween(date, next)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('latestDateWithNotice (R9)', () => {
  it('leaves exactly n full working days before the meeting, and the next day leaves fewer', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 30 }), (meeting, n) => {
        const latest = defaultCalendar.latestDateWithNotice(meeting, n);
        expect(latest < meeting).toBe(true);
        expect(workingDaysStrictlyBetween(latest, meeting)).toBe(n);
        const dayAfter = fromDayNumber(toDayNumber(latest) + 1);
        if (dayAfter < meeting) expect(workingDaysStrictlyBetween(dayAfter, meeting)).toBeLessThan(n);
        else expect(n).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('overrides', () => {
  const overrideArbitrary: fc.Arbitrary<CalendarOverride> = fc.record({
    date: fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2027-12-31') }).map(fromDayNumber),
    kind: fc.constantFrom<CalendarOverride['kind']>('holiday', 'dayOff', 'swappedWorkday', 'workday'),
    name: fc.constantFrom('Ngày nghỉ địa phương', 'Điều chỉnh'),
  });

  it('always win, the last entry for a date deciding', () => {
    fc.assert(
      fc.property(fc.array(overrideArbitrary, { maxLength: 30 }), (overrides) => {
        const calendar = new WorkingCalendar({ overrides });
        const last = new Map(overrides.map((override) => [override.date, override]));
        for (const [date, override] of last) {
          const info = calendar.dayInfo(date);
          expect(info.working).toBe(override.kind === 'swappedWorkday' || override.kind === 'workday');
          if (override.kind === 'holiday' || override.kind === 'dayOff') expect(info.kind).toBe('holiday');
        }
        // Arithmetic stays consistent with the overridden days.
        const start = calendar.addWorkingDays('2025-06-02', 0);
        const end = calendar.addWorkingDays(start, 300);
        expect(calendar.workingDaysBetween(start, end)).toBe(300);
        expect(bruteForceBetween(calendar, start, end)).toBe(300);
      }),
      { numRuns: 50 },
    );
  });
});
