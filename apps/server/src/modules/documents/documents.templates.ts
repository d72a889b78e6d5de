import { formatDate } from '@steerco/contract/datetime';
import type { Block, PlanItem } from '@steerco/contract/documents';
import {
  type AttendanceStatus,
  type Headcount,
  headcountText,
  type TaskProposal,
} from '@steerco/contract/meetings';
import { type CarriedTask, TASK_STATUS_LABELS } from '@steerco/contract/tasks';
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

/**
 * How a document names the meeting after "tổ chức" or "tại": "cuộc họp định kỳ quý III" for "Họp định kỳ quý
 * III", "cuộc họp sơ kết 6 tháng" for "Sơ kết 6 tháng" — never "tại họp …".
 */
export function meetingPhrase(title: string): string {
  const lower = `${title.charAt(0).toLowerCase()}${title.slice(1)}`;
  if (/^(cuộc họp|hội nghị|phiên họp)\b/.test(lower)) return lower;
  return `cuộc họp ${lower.replace(/^họp\s+/, '')}`;
}

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
  agenda: {
    title: string;
    presenter: string | null;
    /** R8: the carried-over section's unfinished tasks, as they stood when the meeting was prepared. */
    carried: CarriedTask[];
  }[];
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
    { type: 'paragraph', text: `Tới dự ${meetingPhrase(m.title)}.` },
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
      items: m.agenda.map((a) => {
        const title = a.carried.length
          ? `${a.title} (${a.carried.length} nhiệm vụ, danh mục kèm theo)`
          : a.title;
        return a.presenter ? `${title} (${a.presenter} trình bày)` : title;
      }),
    },
    ...carriedTasksBlocks(m.agenda.flatMap((a) => a.carried)),
    {
      type: 'paragraph',
      text: `Đề nghị các đồng chí nghiên cứu tài liệu gửi kèm và xác nhận tham dự trước ${formatDate(m.confirmationDeadline)}; trường hợp vắng mặt hoặc cử người dự thay phải báo cáo và được sự đồng ý của người chủ trì cuộc họp./.`,
    },
  ];
}

/** R8: the list of unfinished tasks the meeting reviews, as a ruled table after the agenda. */
export function carriedTasksBlocks(carried: CarriedTask[]): Block[] {
  if (!carried.length) return [];
  return [
    { type: 'heading', text: 'Danh mục nhiệm vụ chưa hoàn thành' },
    {
      type: 'table',
      columns: ['TT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn', 'Tình trạng'],
      rows: carried.map((c, i) => [
        String(i + 1),
        c.title,
        c.leadName ?? '',
        formatDate(c.deadline),
        `${TASK_STATUS_LABELS[c.status]}${c.derivedStatus === 'overdue' ? ', quá hạn' : ''}`,
      ]),
    },
  ];
}

/** A meeting entered after it took place: why, and on which day it was recorded. */
export interface RecordedFacts {
  reason: string;
  recordedOn: string;
}

export interface ConclusionFacts extends MeetingFacts {
  headcount: Headcount;
  recorded: RecordedFacts | null;
  conclusions: {
    text: string;
    /** Every task with its deadline as a date (one given in working days already counted on the calendar). */
    tasks: (TaskProposal & { leadName: string; cooperatingNames: string[]; deadlineDate: string })[];
  }[];
}

function taskLine(t: ConclusionFacts['conclusions'][number]['tasks'][number]) {
  const co = t.cooperatingNames.length ? `, phối hợp với ${t.cooperatingNames.join(', ')}` : '';
  return `Giao ${t.leadName} chủ trì${co} thực hiện: ${t.title}; thời hạn: ${formatDate(t.deadlineDate)}.`;
}

export function conclusionNoticeBody(m: ConclusionFacts): Block[] {
  const who = m.chairIsHead ? 'Trưởng Ban Chỉ đạo' : 'Phó Trưởng Ban Chỉ đạo';
  return [
    {
      type: 'paragraph',
      text: `Ngày ${formatDate(m.startsAt)}, ${m.committeeName} tổ chức ${meetingPhrase(m.title)}. Chủ trì: ${m.chairName ?? who}. Tham dự: ${headcountText(m.headcount)}.`,
    },
    ...(m.recorded
      ? [
          {
            type: 'paragraph' as const,
            text: `Cuộc họp được ghi nhận bổ sung vào hệ thống ngày ${formatDate(m.recorded.recordedOn)}, sau khi đã diễn ra (lý do: ${m.recorded.reason.trim().replace(/[.;]+$/, '')}); thông báo này ghi lại kết luận đã thống nhất tại cuộc họp.`,
          },
        ]
      : []),
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

// ——— Biên bản họp (Mẫu 1.9) ———

export type { AttendanceStatus };

export interface MinutesFacts {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineLink: string | null;
  chairName: string | null;
  secretaryName: string | null;
  attendance: {
    rows: {
      fullName: string;
      kind: 'member' | 'guest';
      status: AttendanceStatus;
      substituteName: string | null;
    }[];
    quorum: { members: number; present: number; required: number; reached: boolean };
    headcount: Headcount;
  };
  recorded: RecordedFacts | null;
  summary: string | null;
  /** Notes per agenda item, in agenda order. */
  notes: { agendaItemId: string; agendaTitle: string; text: string; carriedTasks: CarriedTask[] }[];
  /** R12: the written opinions of members absent or represented, per agenda item. */
  opinions: { agendaItemId: string; fullName: string; text: string }[];
  conclusions: { text: string }[];
}

const names = (rows: { fullName: string }[]) => rows.map((r) => `đồng chí ${r.fullName}`).join(', ');
const pad2 = (n: number) => String(n).padStart(2, '0');

/** "16 giờ 30, ngày 02 tháng 7 năm 2026": the closing line of minutes, in Viet Nam time. */
export function minutesEndText(endsAt: Date): string {
  const { hour, minute, day, month, year } = formatInTimeZone(endsAt);
  return `${hour} giờ ${minute}, ngày ${pad2(day)} tháng ${month <= 2 ? pad2(month) : month} năm ${year}`;
}

/**
 * The minutes body per Mẫu 1.9: time, place, who attended (the headcount of members, substitutes and guests;
 * absentees with or without the chair's approval, R11) and the quorum, chair and secretary, the proceedings per
 * agenda item with the written opinions of absentees read into them (R12), the conclusions (R13), and the
 * closing line. Minutes of a meeting recorded afterwards say so first.
 */
export function minutesBody(m: MinutesFacts): Block[] {
  const rows = m.attendance.rows;
  const by = (...s: AttendanceStatus[]) => rows.filter((r) => s.includes(r.status));
  const members = rows.filter((r) => r.kind === 'member');
  const present = by('present').filter((r) => r.kind === 'member');
  const substitutes = by('substitutePresent');
  const guests = [...by('guestPresent'), ...by('present').filter((r) => r.kind === 'guest')];
  const absentApproved = by('absentApproved');
  const absentOther = members.filter(
    (r) => !['present', 'substitutePresent', 'absentApproved'].includes(r.status),
  );
  const attendance: string[] = [
    `Tham dự: ${headcountText(m.attendance.headcount)}`,
    `Thành viên Ban Chỉ đạo có mặt: ${m.attendance.quorum.present}/${m.attendance.quorum.members} (${m.attendance.quorum.reached ? 'đủ' : 'không đủ'} số lượng theo quy chế, tối thiểu ${m.attendance.quorum.required})${present.length ? `: ${names(present)}` : ''}`,
  ];
  if (substitutes.length)
    attendance.push(
      `Dự thay: ${substitutes.map((r) => `${r.substituteName ? `đồng chí ${r.substituteName}` : 'người được cử'} dự thay đồng chí ${r.fullName}`).join('; ')}`,
    );
  if (guests.length) attendance.push(`Khách mời: ${names(guests)}`);
  if (absentApproved.length)
    attendance.push(`Vắng có lý do (được người chủ trì đồng ý): ${names(absentApproved)}`);
  if (absentOther.length) attendance.push(`Vắng: ${names(absentOther)}`);

  const place = [m.place, m.onlineLink ? `trực tuyến: ${m.onlineLink}` : null].filter(Boolean).join('; ');
  const out: Block[] = [
    ...(m.recorded
      ? [
          {
            type: 'paragraph' as const,
            text: `Biên bản được lập bổ sung ngày ${formatDate(m.recorded.recordedOn)} để ghi nhận cuộc họp đã diễn ra (lý do ghi nhận sau: ${m.recorded.reason.trim().replace(/[.;]+$/, '')}).`,
            italic: true,
          },
        ]
      : []),
    { type: 'field', label: 'Thời gian bắt đầu', value: `${meetingTimeText(m.startsAt)}.` },
    { type: 'field', label: 'Địa điểm', value: `${place || 'Trụ sở cơ quan'}.` },
    { type: 'heading', text: 'Thành phần tham dự:' },
    ...attendance.map((text) => ({ type: 'paragraph' as const, text: `- ${text}.` })),
    { type: 'field', label: 'Chủ trì (chủ tọa)', value: `${m.chairName ?? 'Trưởng Ban Chỉ đạo'}.` },
    {
      type: 'field',
      label: 'Thư ký (người ghi biên bản)',
      value: `${m.secretaryName ? `đồng chí ${m.secretaryName}` : '…'}.`,
    },
    { type: 'heading', text: 'Nội dung (theo diễn biến cuộc họp):' },
  ];
  if (m.summary?.trim()) out.push({ type: 'paragraph', text: m.summary.trim() });
  m.notes.forEach((n, i) => {
    out.push({ type: 'paragraph', text: `${i + 1}. ${n.agendaTitle}`, bold: true });
    if (n.text.trim()) out.push({ type: 'paragraph', text: n.text.trim() });
    out.push(...carriedTasksBlocks(n.carriedTasks));
    for (const o of m.opinions.filter((o) => o.agendaItemId === n.agendaItemId)) {
      out.push({
        type: 'paragraph',
        text: `Ý kiến bằng văn bản của đồng chí ${o.fullName} (vắng mặt): ${o.text.trim()}`,
        italic: true,
      });
    }
  });
  if (m.conclusions.length) {
    out.push({ type: 'heading', text: 'Kết luận của người chủ trì:' });
    out.push({ type: 'numbered', items: m.conclusions.map((c) => c.text) });
  }
  out.push({
    type: 'paragraph',
    text: `Cuộc họp kết thúc vào ${minutesEndText(m.endsAt)}./.`,
  });
  return out;
}

// ——— Kế hoạch, Báo cáo, Quyết định (drafts from a form) ———

/** Sections as blocks: the heading bold at the indent, then one paragraph per line of text. */
export function sectionBlocks(sections: { heading: string; text: string }[]): Block[] {
  return sections.flatMap((s) => [
    { type: 'heading' as const, text: s.heading },
    ...s.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((text) => ({ type: 'paragraph' as const, text })),
  ]);
}

export const PLAN_COLUMNS = ['TT', 'Nội dung nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Sản phẩm', 'Thời hạn'];

/** The plan's table of items, grouped by domain (a bold row per domain), quarter and deadline in the last column. */
export function planTable(items: PlanItem[]): Block | null {
  if (!items.length) return null;
  const rows: string[][] = [];
  const domains = [...new Set(items.map((i) => i.domain.trim()))];
  domains.forEach((d, di) => {
    if (d) rows.push([ROMAN[di] ?? String(di + 1), d.toUpperCase(), '', '', '', '']);
    items
      .filter((i) => i.domain.trim() === d)
      .forEach((i, n) => {
        const when = [
          i.quarter ? `Quý ${ROMAN[i.quarter - 1]}` : null,
          i.deadline ? formatDate(i.deadline) : null,
        ]
          .filter(Boolean)
          .join(', ');
        rows.push([String(n + 1), i.title, i.lead, i.cooperating ?? '', i.product ?? '', when]);
      });
  });
  return { type: 'table', columns: PLAN_COLUMNS, rows };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function planBody(d: { sections: { heading: string; text: string }[]; items: PlanItem[] }): Block[] {
  const table = planTable(d.items);
  return [
    ...sectionBlocks(d.sections),
    ...(table ? [{ type: 'heading' as const, text: 'Nhiệm vụ cụ thể' }, table] : []),
  ];
}

export function reportBody(d: {
  sections: { heading: string; text: string }[];
  table?: { columns: string[]; rows: string[][] };
}): Block[] {
  return [...sectionBlocks(d.sections), ...(d.table ? [{ type: 'table' as const, ...d.table }] : [])];
}

/**
 * A decision as in seed 000: the authority (the issuer, caps bold), Căn cứ lines (italic, ";" and the last "."),
 * "Theo đề nghị của …", "QUYẾT ĐỊNH:", then Điều 1..n; the last article ends "./.".
 */
export function decisionBody(d: {
  authority: string;
  bases: string[];
  proposal?: string;
  articles: { title?: string; text: string }[];
}): Block[] {
  const proposal = d.proposal
    ?.trim()
    .replace(/^theo đề nghị của\s*/i, '')
    .replace(/[.;]+$/, '');
  return [
    { type: 'heading', text: d.authority.toUpperCase() },
    { type: 'basis', lines: proposal ? [...d.bases, `Theo đề nghị của ${proposal}`] : d.bases },
    { type: 'heading', text: 'QUYẾT ĐỊNH:' },
    ...d.articles.map((a, i) => ({
      type: 'article' as const,
      number: i + 1,
      ...(a.title?.trim() ? { title: a.title.trim() } : {}),
      text: i === d.articles.length - 1 ? `${a.text.trim().replace(/[.;]*(\/\.)?$/, '')}./.` : a.text.trim(),
    })),
  ];
}
