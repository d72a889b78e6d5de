import { describe, expect, it } from 'vitest';
import { parseIcs, SAMPLE_MEETING } from './ics.fixtures.ts';
import { buildMeetingIcs, VN_TIMEZONE } from './ics.ts';
import { renderEmail } from './render-email.ts';

describe('meeting calendar file', () => {
  it('is an invitation in Vietnamese time with its own VTIMEZONE, whatever zone the server runs in', () => {
    const ics = buildMeetingIcs(SAMPLE_MEETING);
    expect(ics).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20250602T083000');
    expect(ics).toContain('TZOFFSETTO:+0700');
    expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/); // DTSTAMP is UTC (RFC 5545)
    const parsed = parseIcs(ics);
    expect(parsed).toMatchObject({
      method: 'REQUEST',
      tzid: VN_TIMEZONE,
      uid: SAMPLE_MEETING.uid,
      sequence: 0,
      status: 'CONFIRMED',
      startTzid: VN_TIMEZONE,
      summary: SAMPLE_MEETING.summary,
      location: SAMPLE_MEETING.location,
      attendees: ['Vũ Trọng Huân', 'Trịnh Xuân Hoàn'],
    });
    expect(parsed.start.toISOString()).toBe('2025-06-02T01:30:00.000Z');
    expect(parsed.end.toISOString()).toBe('2025-06-02T03:00:00.000Z');
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED and the sequence given', () => {
    const parsed = parseIcs(buildMeetingIcs({ ...SAMPLE_MEETING, method: 'CANCEL', sequence: 3 }));
    expect(parsed).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      sequence: 3,
      uid: SAMPLE_MEETING.uid,
    });
  });
});

describe('e-mail layout', () => {
  it('escapes every value, keeps Vietnamese text, and gives the same content as plain text', () => {
    const { html, text } = renderEmail({
      title: 'Giấy mời họp <Ban Chỉ đạo>',
      paragraphs: [
        'Kính gửi ông Vũ Trọng Huân,',
        'Thời gian: 08:30 & địa điểm "Phòng 2"\nTài liệu kèm theo.',
      ],
      action: { label: 'Xác nhận tham dự', url: 'https://bcd.phucla.gov.vn/x?a=1&b=2' },
      footer: 'Thư tự động từ steerco.',
    });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Giấy mời họp &lt;Ban Chỉ đạo&gt;');
    expect(html).toContain('08:30 &amp; địa điểm &quot;Phòng 2&quot;<br>Tài liệu kèm theo.');
    expect(html).toContain('href="https://bcd.phucla.gov.vn/x?a=1&amp;b=2"');
    expect(html).not.toContain('<Ban');
    expect(text).toContain('Giấy mời họp <Ban Chỉ đạo>');
    expect(text).toContain('Xác nhận tham dự: https://bcd.phucla.gov.vn/x?a=1&b=2');
    expect(text).toContain('Thư tự động từ steerco.');
  });

  it('never turns a non-http link into a button', () => {
    const { html, text } = renderEmail({
      title: 'Thử',
      paragraphs: ['Nội dung'],
      action: { label: 'Bấm', url: 'javascript:alert(1)' },
      footer: 'steerco',
    });
    expect(html).not.toContain('javascript:');
    expect(text).not.toContain('javascript:');
  });
});
