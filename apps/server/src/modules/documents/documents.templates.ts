import { formatDate } from '@steerco/contract/datetime';
import type { Block } from '@steerco/contract/documents';
import type { TaskProposal } from '@steerco/contract/meetings';
import { formatInTimeZone } from './vn-time.ts';

/** "UBND PHƯỜNG PHÚC LA" from "Phường Phúc La": the People's Committee over the steering committee. */
export function parentAuthority(unitName: string): string {
  return `UBND ${unitName}`.toUpperCase();
}

/** The committee's name without its unit ("… và Đề án 06 phường Phúc La" → "… VÀ ĐỀ ÁN 06"), in capitals. */
export function issuerName(committeeName: string, unitName: string): string {
  const unit = unitName.toLowerCase();
  const name = committeeName.toLowerCase().endsWith(` ${unit}`)
    ? committeeName.slice(0, -unit.length - 1)
    : committeeName;
  return name.toUpperCase();
}

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "14 giờ 00, thứ Năm, ngày 24/9/2026" — how invitations state the time. */
export function meetingTimeText(startsAt: Date): string {
  const { hour, minute, weekday, day, month, year } = formatInTimeZone(startsAt);
  return `${hour} giờ ${minute}, ${WEEKDAYS[weekday]}, ngày ${day}/${month}/${year}`;
}

export interface MeetingFacts {
  title: string;
  committeeName: string;
  startsAt: Date;
  place: string | null;
  onlineLink: string | null;
  chairName: string | null;
  chairIsHead: boolean;
  agenda: { title: string; presenter: string | null }[];
  guests: string[];
  confirmationDeadline: Date;
}

export function invitationBody(m: MeetingFacts): Block[] {
  return [
    { type: 'paragraph', text: `${m.committeeName} trân trọng kính mời:` },
    {
      type: 'field',
      label: 'Thành phần',
      value: ['Các đồng chí thành viên Ban Chỉ đạo', ...m.guests].join('; '),
    },
    { type: 'paragraph', text: `Tới dự ${m.title.charAt(0).toLowerCase()}${m.title.slice(1)}.` },
    { type: 'field', label: 'Chủ trì', value: m.chairName ?? 'Trưởng Ban Chỉ đạo' },
    { type: 'field', label: 'Thời gian', value: meetingTimeText(m.startsAt) },
    {
      type: 'field',
      label: 'Địa điểm',
      value:
        [m.place, m.onlineLink ? `trực tuyến: ${m.onlineLink}` : null].filter(Boolean).join('; ') ||
        'Sẽ thông báo sau',
    },
    { type: 'heading', text: 'Nội dung' },
    {
      type: 'numbered',
      items: m.agenda.map((a) => (a.presenter ? `${a.title} (${a.presenter} trình bày)` : a.title)),
    },
    {
      type: 'paragraph',
      text: `Đề nghị các đồng chí nghiên cứu tài liệu gửi kèm và xác nhận tham dự trước ${formatDate(m.confirmationDeadline)}; trường hợp vắng mặt hoặc cử người dự thay phải báo cáo và được sự đồng ý của người chủ trì cuộc họp./.`,
    },
  ];
}

export interface ConclusionFacts extends MeetingFacts {
  attendees: string;
  conclusions: { text: string; tasks: (TaskProposal & { leadName: string; cooperatingNames: string[] })[] }[];
}

function taskLine(t: ConclusionFacts['conclusions'][number]['tasks'][number]) {
  const co = t.cooperatingNames.length ? `, phối hợp với ${t.cooperatingNames.join(', ')}` : '';
  const deadline = t.deadline ? `; thời hạn: ${formatDate(t.deadline)}` : '';
  return `Giao ${t.leadName} chủ trì${co} thực hiện: ${t.title}${deadline}.`;
}

export function conclusionNoticeBody(m: ConclusionFacts): Block[] {
  const who = m.chairIsHead ? 'Trưởng Ban Chỉ đạo' : 'Phó Trưởng Ban Chỉ đạo';
  return [
    {
      type: 'paragraph',
      text: `Ngày ${formatDate(m.startsAt)}, ${m.committeeName} tổ chức ${m.title.charAt(0).toLowerCase()}${m.title.slice(1)}. Chủ trì: ${m.chairName ?? who}. Tham dự: ${m.attendees}.`,
    },
    {
      type: 'paragraph',
      text: `Sau khi nghe báo cáo và ý kiến của các thành viên, ${who} kết luận như sau:`,
    },
    {
      type: 'numbered',
      items: m.conclusions.map((c) => [c.text, ...c.tasks.map(taskLine)].join(' ')),
    },
    {
      type: 'paragraph',
      text: `${m.committeeName} thông báo để các thành viên và các cơ quan, đơn vị liên quan biết, thực hiện./.`,
    },
  ];
}
