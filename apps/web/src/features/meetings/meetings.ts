import { VN_TIME_ZONE } from '@steerco/contract/datetime';
import type { Attendee, Meeting, MeetingStatus } from '@steerco/contract/meetings';

/*
 * Pure helpers of the meetings pages: Viet Nam date-times as typed (dd/MM/yyyy HH:mm), the list's order and
 * filters, and how an attendee's answer reads on the roll (R10, R11).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads `dd/MM/yyyy HH:mm` (also `d/M/yyyy H:mm`, `-` or `.` as date separators) as a moment in Viet Nam and
 * returns it as ISO 8601 with the +07:00 offset the API accepts. Null for anything that is not a real date-time.
 */
export function parseVietnamDateTime(text: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s+(\d{1,2})[:hg](\d{2})$/i.exec(text.trim());
  if (!match) return null;
  const [d, m, y, h, min] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (h > 23 || min > 59) return null;
  return `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}:00+07:00`;
}

/** An instant as `dd/MM/yyyy HH:mm` in Viet Nam, the form the date-time boxes show and accept. */
export function formatVietnamDateTime(value: string | Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: VN_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(typeof value === 'string' ? new Date(value) : value)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** HH:mm of an instant in Viet Nam. */
export const vietnamTime = (value: string) => formatVietnamDateTime(value).slice(11);

/** The year (in Viet Nam) a meeting takes place. */
export const vietnamYear = (value: string) => Number(formatVietnamDateTime(value).slice(6, 10));

export interface MeetingFilters {
  status?: MeetingStatus;
  year?: number;
}

/**
 * The list as people read it: meetings still to come first (soonest first), then past ones (latest first);
 * cancelled meetings go to the end of their group's order by date like the others.
 */
export function orderMeetings<M extends Pick<Meeting, 'startsAt' | 'endsAt' | 'status'>>(
  meetings: M[],
  filters: MeetingFilters,
  now = Date.now(),
): { upcoming: M[]; past: M[] } {
  const kept = meetings.filter(
    (m) =>
      (!filters.status || m.status === filters.status) &&
      (!filters.year || vietnamYear(m.startsAt) === filters.year),
  );
  const time = (m: M) => new Date(m.startsAt).getTime();
  const upcoming = kept.filter((m) => new Date(m.endsAt).getTime() >= now).sort((a, b) => time(a) - time(b));
  const past = kept.filter((m) => new Date(m.endsAt).getTime() < now).sort((a, b) => time(b) - time(a));
  return { upcoming, past };
}

/** Where an attendee stands on the live roll (R10, R11). */
export type RollState =
  | 'confirmed'
  | 'absentPending'
  | 'absentApproved'
  | 'absentRejected'
  | 'substitutePending'
  | 'substituteApproved'
  | 'substituteRejected'
  | 'noAnswer';

export function rollStateOf(a: Pick<Attendee, 'response' | 'approval'>): RollState {
  if (!a.response) return 'noAnswer';
  if (a.response === 'attend') return 'confirmed';
  const suffix = a.approval === 'approved' ? 'Approved' : a.approval === 'rejected' ? 'Rejected' : 'Pending';
  return `${a.response}${suffix}` as RollState;
}

/** The roll's groups, in the order the secretary works through them. */
export const ROLL_GROUPS = ['noAnswer', 'substitute', 'absent', 'confirmed'] as const;
export type RollGroup = (typeof ROLL_GROUPS)[number];

export function rollGroupOf(a: Pick<Attendee, 'response'>): RollGroup {
  if (!a.response) return 'noAnswer';
  return a.response === 'attend' ? 'confirmed' : a.response;
}

/** Who may still answer for themselves: the notice is out and the deadline (R10) has not passed. */
export const answersOpen = (m: Pick<Meeting, 'status' | 'confirmationDeadline'>, now = Date.now()) =>
  m.status === 'noticeSent' && now <= new Date(m.confirmationDeadline).getTime();

/** The sum of the agenda's durations, in minutes (items without one count nothing). */
export const agendaMinutes = (items: { durationMinutes: number | null }[]) =>
  items.reduce((sum, item) => sum + (item.durationMinutes ?? 0), 0);

/** A file size for people: 820 B, 14,2 KB, 3,1 MB (Vietnamese decimal comma). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toFixed(1).replace('.', ',')} KB`;
  return `${(kb / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** R12: an approved absentee, or a member sending a substitute (not refused), writes opinions on major items. */
export const owesOpinions = (a: Pick<Attendee, 'kind' | 'response' | 'approval'>) =>
  a.kind === 'member' &&
  ((a.response === 'absent' && a.approval === 'approved') ||
    (a.response === 'substitute' && a.approval !== 'rejected'));

/** What a day off is called: the calendar's name (a holiday, a local day off), else its weekday. */
export function dayOffLabel(day: { date: string; name?: string }, locale = 'vi-VN'): string {
  if (day.name) return day.name;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${day.date}T00:00:00Z`),
  );
  return weekday.charAt(0).toUpperCase() + weekday.slice(1);
}

/** The parts of a headcount people read: members, then substitutes and guests when there are any. */
export function headcountParts(h: {
  members: number;
  substitutes: number;
  guests: number;
}): { key: 'headcountMembers' | 'headcountSubstitutes' | 'headcountGuests'; count: number }[] {
  return [
    { key: 'headcountMembers', count: h.members },
    ...(h.substitutes ? [{ key: 'headcountSubstitutes' as const, count: h.substitutes }] : []),
    ...(h.guests ? [{ key: 'headcountGuests' as const, count: h.guests }] : []),
  ];
}

/** Check-in is open: a meeting recorded afterwards always (for the secretary); otherwise from the window on. */
export const checkInOpen = (
  m: Pick<Meeting, 'status' | 'recordedAfterwards'> & { checkIn: { opensAt: string } },
  now = Date.now(),
) =>
  (m.status === 'noticeSent' || m.status === 'held') &&
  (!!m.recordedAfterwards || now >= new Date(m.checkIn.opensAt).getTime());

/** The meeting has started: its minutes may be submitted to the chair. */
export const hasStarted = (m: Pick<Meeting, 'startsAt'>, now = Date.now()) =>
  now >= new Date(m.startsAt).getTime();
