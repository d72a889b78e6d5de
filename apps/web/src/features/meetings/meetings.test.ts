import { describe, expect, it } from 'vitest';
import { parseMeetingSearch, parseMeetingsSearch, parseRsvpSearch } from './api.ts';
import {
  agendaMinutes,
  answersOpen,
  checkInOpen,
  dayOffLabel,
  formatFileSize,
  formatVietnamDateTime,
  headcountParts,
  orderMeetings,
  owesOpinions,
  parseVietnamDateTime,
  rollGroupOf,
  rollStateOf,
} from './meetings.ts';

describe('Viet Nam date-times as typed', () => {
  it('reads dd/MM/yyyy HH:mm as a moment at +07:00, whatever the machine’s zone', () => {
    expect(parseVietnamDateTime('25/09/2026 14:00')).toBe('2026-09-25T14:00:00+07:00');
    expect(parseVietnamDateTime(' 5/9/2026 8:30 ')).toBe('2026-09-05T08:30:00+07:00');
    expect(parseVietnamDateTime('05-09-2026 08h30')).toBe('2026-09-05T08:30:00+07:00');
    expect(new Date(parseVietnamDateTime('01/01/2027 00:30')!).toISOString()).toBe(
      '2026-12-31T17:30:00.000Z',
    );
  });

  it('refuses what is not a real date-time', () => {
    for (const text of [
      '31/02/2026 10:00',
      '25/09/2026',
      '25/09/2026 24:00',
      '25/09/2026 10:60',
      '2026-09-25 10:00',
      '',
    ]) {
      expect(parseVietnamDateTime(text), text).toBeNull();
    }
  });

  it('shows an instant in Viet Nam’s time, and reads back what it shows', () => {
    expect(formatVietnamDateTime('2026-09-25T07:00:00Z')).toBe('25/09/2026 14:00');
    expect(formatVietnamDateTime('2026-12-31T17:30:00Z')).toBe('01/01/2027 00:30');
    const shown = formatVietnamDateTime('2026-03-02T01:15:00Z');
    expect(new Date(parseVietnamDateTime(shown)!).toISOString()).toBe('2026-03-02T01:15:00.000Z');
  });
});

describe('the meetings list', () => {
  const now = Date.parse('2026-09-10T03:00:00Z');
  const m = (id: string, startsAt: string, status = 'draft' as const) => ({
    id,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
    status,
  });
  const meetings = [
    m('q1', '2026-03-20T07:00:00Z', 'closed' as never),
    m('q4', '2026-12-21T07:00:00Z'),
    m('q3', '2026-09-21T07:00:00Z'),
    m('today', '2026-09-10T02:00:00Z'),
    m('lastYear', '2025-12-20T07:00:00Z', 'closed' as never),
  ];

  it('puts meetings to come first, soonest first (one under way counts), then past ones, latest first', () => {
    const { upcoming, past } = orderMeetings(meetings, {}, now);
    expect(upcoming.map((x) => x.id)).toEqual(['today', 'q3', 'q4']);
    expect(past.map((x) => x.id)).toEqual(['q1', 'lastYear']);
  });

  it('filters by status and by the year in Viet Nam', () => {
    expect(orderMeetings(meetings, { status: 'closed' }, now).past.map((x) => x.id)).toEqual([
      'q1',
      'lastYear',
    ]);
    const newYearsEve = m('eve', '2026-12-31T18:00:00Z'); // 01:00 on 1 January 2027 in Ha Noi
    expect(orderMeetings([newYearsEve], { year: 2027 }, now).upcoming).toHaveLength(1);
    expect(orderMeetings([newYearsEve], { year: 2026 }, now).upcoming).toHaveLength(0);
  });

  it('reads the filters from the URL, dropping what is not valid', () => {
    expect(
      parseMeetingsSearch({ ban: '0195f0a2-0000-7000-8000-000000000001', status: 'held', nam: '2026' }),
    ).toEqual({
      ban: '0195f0a2-0000-7000-8000-000000000001',
      status: 'held',
      nam: 2026,
    });
    expect(parseMeetingsSearch({ ban: 'x', status: 'gone', nam: '26.5' })).toEqual({
      ban: undefined,
      status: undefined,
      nam: undefined,
    });
    expect(parseMeetingSearch({ tab: 'bien-ban' })).toEqual({ tab: 'bien-ban' });
    expect(parseMeetingSearch({ tab: 'admin' })).toEqual({ tab: undefined });
    expect(parseRsvpSearch({ token: 'short' })).toEqual({ token: undefined });
  });
});

describe('the roll (R10, R11) and written opinions (R12)', () => {
  it('names each answer with the chair’s decision', () => {
    expect(rollStateOf({ response: null, approval: null })).toBe('noAnswer');
    expect(rollStateOf({ response: 'attend', approval: null })).toBe('confirmed');
    expect(rollStateOf({ response: 'absent', approval: 'pending' })).toBe('absentPending');
    expect(rollStateOf({ response: 'substitute', approval: 'approved' })).toBe('substituteApproved');
    expect(rollStateOf({ response: 'substitute', approval: 'rejected' })).toBe('substituteRejected');
    expect(rollGroupOf({ response: 'substitute' })).toBe('substitute');
    expect(rollGroupOf({ response: null })).toBe('noAnswer');
  });

  it('owes opinions exactly as the server decides: approved absentees and members sending a substitute', () => {
    expect(owesOpinions({ kind: 'member', response: 'absent', approval: 'approved' })).toBe(true);
    expect(owesOpinions({ kind: 'member', response: 'absent', approval: 'pending' })).toBe(false);
    expect(owesOpinions({ kind: 'member', response: 'substitute', approval: 'pending' })).toBe(true);
    expect(owesOpinions({ kind: 'member', response: 'substitute', approval: 'rejected' })).toBe(false);
    expect(owesOpinions({ kind: 'guest', response: 'absent', approval: 'approved' })).toBe(false);
    expect(owesOpinions({ kind: 'member', response: 'attend', approval: null })).toBe(false);
  });

  it('takes answers only after the notice and before the deadline', () => {
    const deadline = '2026-09-20T07:00:00Z';
    expect(
      answersOpen(
        { status: 'noticeSent', confirmationDeadline: deadline },
        Date.parse('2026-09-19T00:00:00Z'),
      ),
    ).toBe(true);
    expect(
      answersOpen(
        { status: 'noticeSent', confirmationDeadline: deadline },
        Date.parse('2026-09-20T08:00:00Z'),
      ),
    ).toBe(false);
    expect(
      answersOpen({ status: 'draft', confirmationDeadline: deadline }, Date.parse('2026-09-19T00:00:00Z')),
    ).toBe(false);
  });
});

describe('small formats', () => {
  it('adds up the agenda and writes file sizes the Vietnamese way', () => {
    expect(agendaMinutes([{ durationMinutes: 30 }, { durationMinutes: null }, { durationMinutes: 45 }])).toBe(
      75,
    );
    expect(formatFileSize(820)).toBe('820 B');
    expect(formatFileSize(14_541)).toBe('14,2 KB');
    expect(formatFileSize(3_250_000)).toBe('3,1 MB');
  });
});

describe('the meeting day and the room', () => {
  it('names a day off by the calendar’s name, else by its weekday', () => {
    expect(dayOffLabel({ date: '2026-10-17' })).toMatch(/^Thứ [Bb]ảy$/);
    expect(dayOffLabel({ date: '2026-02-17', name: 'Tết Nguyên đán (Mùng 1)' })).toBe(
      'Tết Nguyên đán (Mùng 1)',
    );
  });

  it('counts members, then substitutes and guests only when there are any', () => {
    expect(headcountParts({ members: 5, substitutes: 1, guests: 1 })).toEqual([
      { key: 'headcountMembers', count: 5 },
      { key: 'headcountSubstitutes', count: 1 },
      { key: 'headcountGuests', count: 1 },
    ]);
    expect(headcountParts({ members: 3, substitutes: 0, guests: 0 })).toEqual([
      { key: 'headcountMembers', count: 3 },
    ]);
  });

  it('opens check-in from the window before the start, or at once for a meeting recorded afterwards', () => {
    const m = {
      status: 'noticeSent' as const,
      recordedAfterwards: null,
      checkIn: { opensAt: '2026-10-20T06:00:00Z' },
    };
    expect(checkInOpen(m, Date.parse('2026-10-20T05:59:00Z'))).toBe(false);
    expect(checkInOpen(m, Date.parse('2026-10-20T06:00:00Z'))).toBe(true);
    expect(checkInOpen({ ...m, status: 'draft' }, Date.parse('2026-10-20T07:00:00Z'))).toBe(false);
    const recorded = {
      ...m,
      status: 'held' as const,
      recordedAfterwards: { reason: 'Họp trên giấy', recordedAt: '2026-10-21T02:00:00Z', recordedBy: null },
    };
    expect(checkInOpen(recorded, Date.parse('2026-10-01T00:00:00Z'))).toBe(true);
  });
});
