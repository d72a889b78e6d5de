import { WorkingCalendar } from '@steerco/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInOpensAt, confirmationDeadline, vnDate } from './meeting-time.ts';

const calendar = new WorkingCalendar();
const FIRST = Date.parse('2024-01-01T00:00:00+07:00');
const LAST = Date.parse('2026-12-31T23:59:00+07:00');

/** Any minute of 2024–2026 in Viet Nam: weekends, Tết, 30/4–1/5, 2/9 and the make-up days included. */
const anyStart = fc.integer({ min: FIRST / 60_000, max: LAST / 60_000 }).map((m) => new Date(m * 60_000));

describe('the confirmation deadline (R10)', () => {
  it('never falls on a day off, keeps the lead in working days, and comes before the meeting (property, 2024–2026)', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 1, max: 14 }), (start, lead) => {
        const deadline = confirmationDeadline(start, lead, calendar);
        const day = vnDate(deadline);
        const meetingDay = vnDate(start);
        expect(calendar.isWorkingDay(day)).toBe(true);
        expect(day < meetingDay).toBe(true);
        // Exactly `lead` working days from the deadline's day up to the day before the meeting.
        expect(calendar.workingDaysBetween(day, calendar.addWorkingDays(meetingDay, -1))).toBe(lead - 1);
        // At the meeting's time of day.
        expect(deadline.toISOString().slice(11)).toBe(start.toISOString().slice(11));
        expect(deadline < start).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('is the last working day before the meeting by default', () => {
    fc.assert(
      fc.property(anyStart, (start) => {
        expect(vnDate(confirmationDeadline(start, 1, calendar))).toBe(
          calendar.previousWorkingDay(vnDate(start)),
        );
      }),
      { numRuns: 2000 },
    );
    // A Monday meeting: Friday, not Sunday. After Tết 2026 (holidays 14–22/02): Friday 13/02.
    expect(confirmationDeadline(new Date('2026-10-19T14:00:00+07:00'), 1, calendar).toISOString()).toBe(
      new Date('2026-10-16T14:00:00+07:00').toISOString(),
    );
    expect(vnDate(confirmationDeadline(new Date('2026-02-23T08:00:00+07:00'), 1, calendar))).toBe(
      '2026-02-13',
    );
    // 0: until the start.
    const start = new Date('2026-10-20T08:00:00+07:00');
    expect(confirmationDeadline(start, 0, calendar)).toEqual(start);
  });
});

describe('check-in', () => {
  it('opens the set time before the start, never before the meeting day', () => {
    expect(checkInOpensAt(new Date('2026-10-20T14:00:00+07:00'), 60).toISOString()).toBe(
      new Date('2026-10-20T13:00:00+07:00').toISOString(),
    );
    expect(checkInOpensAt(new Date('2026-10-20T00:30:00+07:00'), 60).toISOString()).toBe(
      new Date('2026-10-20T00:00:00+07:00').toISOString(),
    );
  });
});
