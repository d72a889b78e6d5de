import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import type { AppError } from '../../http/errors.ts';
import type { AttendeeRow } from './attendees.repo.ts';
import {
  assertChangeable,
  assertMinutesEditable,
  assertMinutesTransition,
  assertNoticeable,
  isDeputyHeadTitle,
  owesOpinions,
} from './meetings.policy.ts';
import type { MeetingRow } from './meetings.repo.ts';

const now = new Date(TEST_NOW);
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const meeting = (patch: Partial<MeetingRow>) =>
  ({
    status: 'draft',
    recordedAfterwards: false,
    startsAt: hours(48),
    endsAt: hours(50),
    ...patch,
  }) as MeetingRow;
/** The error code a rule answers with, or null when it allows. */
function codeOf(rule: () => void) {
  try {
    rule();
    return null;
  } catch (err) {
    return (err as AppError).code;
  }
}
const attendee = (patch: Partial<AttendeeRow>) =>
  ({ kind: 'member', response: null, approval: null, ...patch }) as AttendeeRow;

describe('meetings policy', () => {
  it('lets a notice go out only for a draft still to come (R9)', () => {
    expect(codeOf(() => assertNoticeable(meeting({})))).toBeNull();
    expect(codeOf(() => assertNoticeable(meeting({ status: 'noticeSent' })))).toBe(
      'meeting.noticeAlreadySent',
    );
    expect(codeOf(() => assertNoticeable(meeting({ status: 'cancelled' })))).toBe('meeting.locked');
    expect(codeOf(() => assertNoticeable(meeting({ recordedAfterwards: true, status: 'held' })))).toBe(
      'meeting.recordedAfterwards',
    );
    expect(codeOf(() => assertNoticeable(meeting({ startsAt: hours(-1) })))).toBe('meeting.alreadyStarted');
  });

  it('changes a meeting only before it starts; the agenda of one recorded afterwards until its minutes', () => {
    expect(codeOf(() => assertChangeable(meeting({ status: 'noticeSent' })))).toBeNull();
    expect(codeOf(() => assertChangeable(meeting({ status: 'noticeSent', startsAt: hours(-1) })))).toBe(
      'meeting.locked',
    );
    const recorded = meeting({ status: 'held', recordedAfterwards: true, startsAt: hours(-5) });
    expect(codeOf(() => assertChangeable(recorded, { agenda: true }))).toBeNull();
    expect(codeOf(() => assertChangeable(recorded))).toBe('meeting.locked');
  });

  it('moves the minutes draft → submitted → approved or returned, and locks them once approved (R13)', () => {
    expect(codeOf(() => assertMinutesTransition('submit', 'draft'))).toBeNull();
    expect(codeOf(() => assertMinutesTransition('submit', 'returned'))).toBeNull();
    expect(codeOf(() => assertMinutesTransition('submit', null))).toBe('meeting.minutesWrongState');
    expect(codeOf(() => assertMinutesTransition('approve', 'draft'))).toBe('meeting.minutesWrongState');
    expect(codeOf(() => assertMinutesTransition('return', 'submitted'))).toBeNull();
    expect(codeOf(() => assertMinutesEditable('approved'))).toBe('meeting.conclusionsLocked');
    expect(codeOf(() => assertMinutesEditable('submitted'))).toBe('meeting.minutesSubmitted');
    expect(codeOf(() => assertMinutesEditable(undefined))).toBeNull();
  });

  it('asks written opinions of excused members and those sending a substitute, never of guests (R12)', () => {
    expect(owesOpinions(attendee({ response: 'absent', approval: 'approved' }))).toBe(true);
    expect(owesOpinions(attendee({ response: 'absent', approval: 'pending' }))).toBe(false);
    expect(owesOpinions(attendee({ response: 'substitute', approval: 'pending' }))).toBe(true);
    expect(owesOpinions(attendee({ response: 'substitute', approval: 'rejected' }))).toBe(false);
    expect(owesOpinions(attendee({ kind: 'guest', response: 'absent', approval: 'approved' }))).toBe(false);
  });

  it('takes as a substitute a deputy head, never a division head (R11, seed 004)', () => {
    expect(isDeputyHeadTitle('Phó Chủ tịch UBND phường')).toBe(true);
    expect(isDeputyHeadTitle('Phó Trưởng phòng Văn hóa')).toBe(false);
    expect(isDeputyHeadTitle('Chuyên viên')).toBe(false);
    expect(isDeputyHeadTitle(null)).toBe(false);
  });
});
