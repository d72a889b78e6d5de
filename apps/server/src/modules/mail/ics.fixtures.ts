import ICAL from 'ical.js';
import type { MeetingIcsInput } from './ics.ts';

// Shared by the mail tests: a sample meeting and a reader for calendar files.

export const SAMPLE_MEETING: MeetingIcsInput = {
  uid: 'meeting-0192f0c1@steerco',
  sequence: 0,
  method: 'REQUEST',
  // 08:30–10:00 in Hà Nội
  start: new Date('2025-06-02T01:30:00Z'),
  end: new Date('2025-06-02T03:00:00Z'),
  summary: 'Họp định kỳ quý II/2025: CCHC, CĐS và Đề án 06',
  description: 'Đánh giá kết quả quý II; triển khai nhiệm vụ quý III.\nTài liệu gửi kèm giấy mời.',
  location: 'Phòng họp tầng 2, UBND phường Phúc La',
  url: 'https://bcd.phucla.gov.vn/cuoc-hop/0192f0c1',
  organizer: { name: 'Nguyễn Thị Thu Hằng', email: 'hang.ntt@phucla.gov.vn' },
  attendees: [
    { name: 'Vũ Trọng Huân', email: 'huan.vt@phucla.gov.vn' },
    { name: 'Trịnh Xuân Hoàn', email: 'hoan.tx@phucla.gov.vn' },
  ],
};

/** The calendar and its one event, read back with ical.js (as a mail client would). */
export function parseIcs(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vtimezone || !vevent) throw new Error('no VTIMEZONE or VEVENT');
  const zone = new ICAL.Timezone(vtimezone);
  // Times with a TZID resolve through the registry, as in a calendar client that read the VTIMEZONE.
  ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(vevent);
  const utc = (t: ICAL.Time) => t.convertToZone(ICAL.Timezone.utcTimezone).toJSDate();
  return {
    method: calendar.getFirstPropertyValue('method'),
    tzid: zone.tzid,
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    startTzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
    start: utc(event.startDate),
    end: utc(event.endDate),
    summary: event.summary,
    location: event.location,
    attendees: event.attendees.map((a) => a.getParameter('cn')),
  };
}
