import { WorkingCalendar } from '@steerco/calendar';
import * as clock from '../src/clock.ts';

/*
 * Meeting times for the API tests, always relative to the server's test clock and to the working-day calendar
 * (the tests add no overrides unless they say so): a meeting never lands on a weekend or in Tết by accident,
 * whatever day STEERCO_TEST_NOW names. A test that needs the meeting day moves the clock there.
 */

export const workCalendar = new WorkingCalendar();

/** The date `n` working days after today on the test clock (0: today if it is a working day, else the next). */
export const workingDay = (n: number) => workCalendar.addWorkingDays(clock.today(), n);

/** The first day off (weekend or holiday) strictly after `from`. */
export function dayOffAfter(from = clock.today()): string {
  let day = from;
  do {
    day = addDays(day, 1);
  } while (workCalendar.isWorkingDay(day));
  return day;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A meeting's start and end on `date` at `time` in Viet Nam, lasting `hours`. */
export function meetingAt(date: string, time = '08:00', hours = 2) {
  const startsAt = `${date}T${time}:00+07:00`;
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString() };
}

/** Moves the server clock to `minutes` after the meeting's start (negative: before it). */
export function clockAt(m: { startsAt: string | Date }, minutes = 0) {
  clock.setClock(new Date(new Date(m.startsAt).getTime() + minutes * 60_000));
}

/** The date in Viet Nam of an instant. */
export const vnDateOf = (instant: string | Date) =>
  new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
