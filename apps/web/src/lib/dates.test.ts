import { describe, expect, it } from 'vitest';
import { addDays, mondayFirstWeekday, parseVietnameseDate } from './dates.ts';

describe('parseVietnameseDate', () => {
  it('reads day first, with any usual separator, and ISO dates', () => {
    expect(parseVietnameseDate('15/3/2026')).toBe('2026-03-15');
    expect(parseVietnameseDate('05-11-2026')).toBe('2026-11-05');
    expect(parseVietnameseDate('05.11.2026')).toBe('2026-11-05');
    expect(parseVietnameseDate(' 2026-02-14 ')).toBe('2026-02-14');
  });

  it('refuses impossible dates and other text', () => {
    for (const text of ['31/02/2026', '29/02/2025', '2026/02/14', 'hôm nay', '']) {
      expect(parseVietnameseDate(text)).toBeNull();
    }
    expect(parseVietnameseDate('29/02/2028')).toBe('2028-02-29');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts weekdays from Monday', () => {
    expect(mondayFirstWeekday('2026-02-16')).toBe(0); // Monday
    expect(mondayFirstWeekday('2026-02-22')).toBe(6); // Sunday
  });
});
