import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, todayInVietnam } from '../src/datetime.ts';

// The reference: Intl's Asia/Ho_Chi_Minh rules, which the fast path (a fixed UTC+7 since 13/06/1975) must match.
const intl = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const reference = (d: Date) => {
  const p = Object.fromEntries(intl.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    today: `${p.year}-${p.month}-${p.day}`,
    dateTime: `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`,
  };
};

describe('Viet Nam dates', () => {
  it('agree with the time zone database for instants from 1976 to 2100, around midnight and year ends', () => {
    const instants = [
      new Date('2026-12-31T16:59:59.999Z'), // 23:59 on 31/12 in Viet Nam
      new Date('2026-12-31T17:00:00.000Z'), // 00:00 on 01/01/2027
      new Date('2027-02-06T17:00:00.000Z'),
      new Date('2028-02-28T17:30:00.000Z'), // a leap day
    ];
    let seed = 42;
    for (let i = 0; i < 5_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      instants.push(
        new Date(Date.UTC(1976, 0, 1) + (seed / 2 ** 31) * (Date.UTC(2100, 0, 1) - Date.UTC(1976, 0, 1))),
      );
    }
    for (const d of instants) {
      const r = reference(d);
      expect(todayInVietnam(d)).toBe(r.today);
      expect(formatDateTime(d)).toBe(r.dateTime);
    }
    expect(formatDate(new Date('2026-12-31T17:00:00.000Z'))).toBe('01/01/2027');
  });

  it('follow the time zone database before Viet Nam settled on UTC+7', () => {
    const d = new Date('1970-06-01T00:00:00Z');
    expect(todayInVietnam(d)).toBe(reference(d).today);
    expect(formatDateTime(d)).toBe(reference(d).dateTime);
  });
});
