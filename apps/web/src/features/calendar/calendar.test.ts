import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/dates.ts';
import { parseCalendarSearch } from './api.ts';
import { breakDates, holidayBreaks, monthWeeks } from './calendar.ts';

describe('monthWeeks', () => {
  it('lays February 2026 out from Monday', () => {
    const weeks = monthWeeks(2026, 2);
    // 1 February 2026 is a Sunday: six empty cells first.
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks.at(-1)).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      null,
    ]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
  });
});

/** Days of a range as /calendar/days answers them, with the given days off. */
function days(from: string, to: string, off: Record<string, { kind: string; name?: string }>) {
  const result = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const special = off[date];
    if (special) result.push({ date, working: false, ...special });
    else if (weekday === 0 || weekday === 6) result.push({ date, working: false, kind: 'weekend' });
    else result.push({ date, working: true, kind: 'workday' });
  }
  return result;
}

describe('holidayBreaks', () => {
  it('finds Tết 2026 as nine days from 14/02 to 22/02, weekends included', () => {
    const tet = Object.fromEntries(
      ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date, i) => [
        date,
        { kind: 'holiday', name: `Tết Nguyên đán (ngày ${i + 1})` },
      ]),
    );
    const breaks = holidayBreaks(days('2026-02-01', '2026-02-28', tet));
    expect(breaks).toEqual([{ from: '2026-02-14', to: '2026-02-22', days: 9, name: 'Tết Nguyên đán' }]);
    expect(breakDates(breaks).has('2026-02-21')).toBe(true);
    expect(breakDates(breaks).has('2026-02-23')).toBe(false);
  });

  it('names a break after its holiday rather than a swapped day off inside it', () => {
    const breaks = holidayBreaks(
      days('2026-08-27', '2026-09-04', {
        '2026-08-31': { kind: 'holiday', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)' },
        '2026-09-01': { kind: 'holiday', name: 'Quốc khánh (ngày nghỉ liền kề 1/9)' },
        '2026-09-02': { kind: 'holiday', name: 'Quốc khánh 2/9' },
      }),
    );
    expect(breaks).toEqual([{ from: '2026-08-29', to: '2026-09-02', days: 5, name: 'Quốc khánh' }]);
  });

  it('leaves out ordinary weekends and single days off', () => {
    const breaks = holidayBreaks(
      days('2026-08-24', '2026-09-06', { '2026-09-02': { kind: 'holiday', name: 'Quốc khánh 2/9' } }),
    );
    expect(breaks).toEqual([]);
  });
});

describe('parseCalendarSearch', () => {
  it('accepts plausible years only', () => {
    expect(parseCalendarSearch({ nam: '2026' })).toEqual({ nam: 2026 });
    expect(parseCalendarSearch({ nam: 'abc' })).toEqual({ nam: undefined });
    expect(parseCalendarSearch({ nam: 1200 })).toEqual({ nam: undefined });
  });
});
