import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import type { EmailAttachment } from './mail.schema.ts';

export const VN_TIMEZONE = 'Asia/Ho_Chi_Minh';
// Viet Nam has kept UTC+07:00 without daylight saving since 1975.
const VN_OFFSET_MS = 7 * 3600_000;

export interface MeetingIcsInput {
  /** Stable for the meeting across updates and the cancellation, e.g. `meeting-<id>@steerco`. */
  uid: string;
  /** The meeting's ICS SEQUENCE: bumped on every change sent to attendees, so calendars replace the old copy. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  url?: string | null;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

/** The VTIMEZONE for Asia/Ho_Chi_Minh, written here so no time zone database is fetched at run time. */
export function vietnamVtimezone(tzid: string): string | null {
  if (tzid !== VN_TIMEZONE) return null;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${VN_TIMEZONE}`,
    `X-LIC-LOCATION:${VN_TIMEZONE}`,
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:+07',
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/**
 * A meeting invitation (METHOD:REQUEST) or its cancellation (METHOD:CANCEL, STATUS:CANCELLED) as an
 * iCalendar file. Times are written in Vietnamese local time with TZID=Asia/Ho_Chi_Minh.
 */
export function buildMeetingIcs(input: MeetingIcsInput): string {
  const cancel = input.method === 'CANCEL';
  const calendar = ical({
    prodId: { company: 'steerco', product: 'Ban Chi dao', language: 'VI' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone (name null), so DTSTAMP stays in UTC as RFC 5545 wants; the events carry the TZID.
    timezone: { name: null, generator: vietnamVtimezone },
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    timezone: VN_TIMEZONE,
    start: vietnamTime(input.start),
    end: vietnamTime(input.end),
    summary: input.summary,
    description: input.description || null,
    location: input.location || null,
    url: input.url ?? null,
    organizer: { name: input.organizer.name, email: input.organizer.email },
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    attendees: input.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: !cancel,
    })),
  });
  return calendar.toString();
}

export interface FeedEvent {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  url?: string | null;
  cancelled: boolean;
}

/**
 * A person's subscribed calendar (issue 19): every meeting as one event under its stable UID and SEQUENCE, so a
 * calendar that polls the feed replaces a changed meeting and shows a cancelled one as cancelled (STATUS).
 */
export function buildFeedIcs(name: string, events: FeedEvent[]): string {
  const calendar = ical({
    prodId: { company: 'steerco', product: 'Ban Chi dao', language: 'VI' },
    method: ICalCalendarMethod.PUBLISH,
    name,
    ttl: 60 * 60,
    timezone: { name: null, generator: vietnamVtimezone },
  });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      timezone: VN_TIMEZONE,
      start: vietnamTime(e.start),
      end: vietnamTime(e.end),
      summary: e.cancelled ? `[Đã hủy] ${e.summary}` : e.summary,
      description: e.description || null,
      location: e.location || null,
      url: e.url ?? null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** The calendar file as an e-mail attachment (`cuoc-hop.ics`), typed so mail clients offer to add it. */
export function icsAttachment(ics: string, method: MeetingIcsInput['method']): EmailAttachment {
  return {
    filename: 'cuoc-hop.ics',
    contentType: `text/calendar; method=${method}; charset=UTF-8`,
    content: ics,
    method,
  };
}

/**
 * ical-generator writes a plain Date with a TZID in the *server's* local time. A Temporal-like zoned value is
 * written by its own fields instead, so the wall-clock time in Viet Nam is right whatever TZ the server runs in.
 */
function vietnamTime(d: Date): ICalTemporalZonedDateTimeStub {
  const local = new Date(d.getTime() + VN_OFFSET_MS);
  const iso = `${local.toISOString().slice(0, 19)}+07:00[${VN_TIMEZONE}]`;
  const plain: ICalTemporalPlainDateTimeStub = {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    toJSON: () => iso.slice(0, 19),
    toString: () => iso.slice(0, 19),
    toPlainDate: () => ({
      year: plain.year,
      month: plain.month,
      day: plain.day,
      toJSON: () => iso.slice(0, 10),
      toString: () => iso.slice(0, 10),
    }),
    toZonedDateTime: () => zoned,
  };
  const instant: ICalTemporalInstantStub = {
    epochMilliseconds: d.getTime(),
    toJSON: () => d.toISOString(),
    toString: () => d.toISOString(),
    toZonedDateTimeISO: () => zoned,
  };
  const zoned: ICalTemporalZonedDateTimeStub = {
    ...plain,
    timeZoneId: VN_TIMEZONE,
    toInstant: () => instant,
    toPlainDateTime: () => plain,
    toJSON: () => iso,
    toString: () => iso,
    // Only ever asked for its own zone (every event here carries TZID=Asia/Ho_Chi_Minh).
    withTimeZone: () => zoned,
  };
  return zoned;
}
