import { formatDate } from '@steerco/contract/datetime';
import type { Block } from '@steerco/contract/documents';
import type { EvaluationCycle, EvaluationScheme, MemberEvaluation } from '@steerco/contract/evaluations';
import ExcelJS from 'exceljs';
import * as clock from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { renderCommitteeDocx } from '../documents/rendering.service.ts';
import { getCycle, getMemberEvaluation } from './cycles.service.ts';
import { assertMay } from './evaluations.policy.ts';

// The evaluation's files (R17): the member's sheet and the committee's summary as Decree 30 DOCX (made by the
// documents module's renderer), and the summary as XLSX the member's own agency can use.

const SYMBOL = 'BCĐ';
const pts = (n: number | null) =>
  n === null ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const levelName = (s: EvaluationScheme, code: string | null) =>
  code ? (s.levels.find((l) => l.code === code)?.name ?? code) : '—';
const HEAD = ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'];

function memberBlocks(scheme: EvaluationScheme, year: number, m: MemberEvaluation): Block[] {
  const t = m.figures.tasks;
  const a = m.figures.attendance;
  const scores = m.reviewedScores ?? m.selfScores ?? {};
  return [
    { type: 'field', label: 'Họ và tên', value: m.fullName },
    { type: 'field', label: 'Chức vụ', value: m.position ?? '' },
    {
      type: 'field',
      label: 'Thời gian giữ vị trí trong năm',
      value: `từ ${formatDate(m.seatFrom < `${year}-01-01` ? `${year}-01-01` : m.seatFrom)}${m.seatTo ? ` đến ${formatDate(m.seatTo)}` : ''}`,
    },
    { type: 'heading', text: `I. Tiêu chí chung (${scheme.generalMax} điểm)` },
    {
      type: 'table',
      columns: ['Tiêu chí', 'Tối đa', 'Tự chấm', 'Điểm'],
      rows: scheme.generalCriteria.map((c) => [
        `${c.code}. ${c.text}`,
        pts(c.maxPoints),
        pts(m.selfScores?.[c.code] ?? null),
        pts(scores[c.code] ?? null),
      ]),
    },
    { type: 'heading', text: `II. Kết quả thực hiện nhiệm vụ (${scheme.taskMax} điểm)` },
    {
      type: 'table',
      columns: ['Nội dung', 'Số liệu'],
      rows: [
        ['Nhiệm vụ được giao, đã đến hạn', String(t.assigned)],
        ['Hoàn thành đúng hạn', String(t.doneOnTime)],
        ['Hoàn thành chậm', String(t.doneLate)],
        ['Quá hạn chưa hoàn thành', String(t.overdue)],
        ['Bị trả lại để làm lại (lỗi lớn)', `${t.returned} (${t.majorErrors})`],
        ['Được gia hạn', String(t.extensions)],
        ['Chậm do nguyên nhân khách quan (được miễn trừ)', String(t.exempted)],
        ['Nhiệm vụ phối hợp', String(t.cooperated)],
        ['Số lượng (%)', pts(m.taskScore.quantityPct)],
        ['Chất lượng (%)', pts(m.taskScore.qualityPct)],
        ['Tiến độ (%)', pts(m.taskScore.timelinessPct)],
        ['Điểm kết quả thực hiện nhiệm vụ', pts(m.taskScore.points)],
      ],
    },
    { type: 'heading', text: 'III. Tham dự cuộc họp và báo cáo' },
    {
      type: 'paragraph',
      indent: true,
      text: `Cuộc họp: ${a.meetings}; có mặt ${a.present}, cử người dự thay ${a.substitute}, vắng có phép ${a.approvedAbsence}, vắng không phép ${a.absentWithoutLeave}. Báo cáo đã gửi: ${m.figures.reports.submitted}, đúng hạn ${m.figures.reports.onTime}.`,
    },
    { type: 'heading', text: 'IV. Kết quả' },
    { type: 'field', label: 'Tổng điểm', value: pts(m.totalPoints) },
    { type: 'field', label: 'Mức đề xuất', value: levelName(scheme, m.proposedLevel) },
    { type: 'field', label: 'Trưởng Ban quyết định', value: levelName(scheme, m.decidedLevel) },
  ];
}

/** The member's evaluation sheet (DOCX): the member herself, or whoever sees every member. */
export async function memberSheetDocx(db: Db, actor: Actor, cycleId: string, memberId: string) {
  const { cycle, scheme, member } = await getMemberEvaluation(db, actor, cycleId, memberId);
  const buffer = await renderCommitteeDocx(db, cycle.committeeId, {
    kind: 'PHIẾU ĐÁNH GIÁ',
    symbol: SYMBOL,
    title: `Kết quả thực hiện nhiệm vụ năm ${cycle.year} của thành viên Ban Chỉ đạo`,
    body: memberBlocks(scheme, cycle.year, member),
    date: null,
    signature: { capacity: HEAD, name: null },
    recipients: [member.fullName, 'Cơ quan, đơn vị nơi thành viên công tác', 'Lưu: VT'],
  });
  return { buffer, name: `phieu-danh-gia-${cycle.year}.docx` };
}

function summaryRows(c: EvaluationCycle) {
  return c.members.map((m, i) => [
    String(i + 1),
    m.fullName,
    m.position ?? '',
    pts(m.taskScore.points),
    pts(m.generalPoints),
    pts(m.totalPoints),
    levelName(c.scheme, m.proposedLevel),
    levelName(c.scheme, m.decidedLevel),
  ]);
}

async function summaryOf(db: Db, actor: Actor, cycleId: string) {
  const c = await getCycle(db, actor, cycleId);
  assertMay(c.may.viewAll);
  return c;
}

/** The committee's summary (BÁO CÁO, DOCX): every member's points, proposal and decision, and the cap. */
export async function summaryDocx(db: Db, actor: Actor, cycleId: string) {
  const c = await summaryOf(db, actor, cycleId);
  const cap = c.cap;
  const body: Block[] = [
    {
      type: 'paragraph',
      indent: true,
      text: `Thực hiện ${c.scheme.name}, Ban Chỉ đạo tổng hợp kết quả đánh giá, xếp loại chất lượng thành viên năm ${c.year} từ kết quả, sản phẩm công việc được ghi nhận trong hệ thống đến ngày ${formatDate(c.asOf)} như sau:`,
    },
    {
      type: 'table',
      columns: ['TT', 'Họ và tên', 'Chức vụ', 'Nhiệm vụ', 'Chung', 'Tổng', 'Đề xuất', 'Quyết định'],
      rows: summaryRows(c),
    },
    {
      type: 'paragraph',
      indent: true,
      text: `Số thành viên "${levelName(c.scheme, cap.level)}": ${cap.count}; "${levelName(c.scheme, cap.ofLevel)}": ${cap.ofCount}; mức tối đa ${cap.allowed} (${Math.round(cap.share * 100)}%).${c.capOverrideReason ? ` Vượt tỷ lệ, lý do: ${c.capOverrideReason}` : ''}`,
    },
  ];
  const buffer = await renderCommitteeDocx(db, c.committeeId, {
    kind: 'BÁO CÁO',
    symbol: `BC-${SYMBOL}`,
    title: `Kết quả đánh giá, xếp loại chất lượng thành viên Ban Chỉ đạo năm ${c.year}`,
    body,
    date: null,
    signature: { capacity: HEAD, name: null },
    recipients: ['Các thành viên Ban Chỉ đạo', 'Lưu: VT'],
  });
  return { buffer, name: `tong-hop-danh-gia-${c.year}.docx` };
}

/** The summary as a spreadsheet: one row per member with the figures behind the points. */
export async function summaryXlsx(db: Db, actor: Actor, cycleId: string) {
  const c = await summaryOf(db, actor, cycleId);
  const book = new ExcelJS.Workbook();
  book.creator = 'steerco';
  const sheet = book.addWorksheet('Đánh giá');
  const font = { name: 'Times New Roman', size: 12 };
  sheet.columns = [
    { header: 'STT', key: 'no', width: 6 },
    { header: 'Họ và tên', key: 'name', width: 28 },
    { header: 'Chức vụ', key: 'position', width: 28 },
    { header: 'Nhiệm vụ đến hạn', key: 'assigned', width: 10 },
    { header: 'Đúng hạn', key: 'onTime', width: 10 },
    { header: 'Chậm', key: 'late', width: 8 },
    { header: 'Quá hạn', key: 'overdue', width: 8 },
    { header: 'Trả lại', key: 'returned', width: 8 },
    { header: 'Gia hạn', key: 'extensions', width: 8 },
    { header: 'Số lượng (%)', key: 'q', width: 10 },
    { header: 'Chất lượng (%)', key: 'c', width: 10 },
    { header: 'Tiến độ (%)', key: 't', width: 10 },
    { header: `Điểm nhiệm vụ (${c.scheme.taskMax})`, key: 'taskPoints', width: 12 },
    { header: `Điểm chung (${c.scheme.generalMax})`, key: 'general', width: 12 },
    { header: 'Tổng điểm', key: 'total', width: 10 },
    { header: 'Họp: có mặt', key: 'present', width: 10 },
    { header: 'Vắng không phép', key: 'awol', width: 10 },
    { header: 'Mức đề xuất', key: 'proposed', width: 28 },
    { header: 'Trưởng Ban quyết định', key: 'decided', width: 28 },
  ];
  sheet.getRow(1).font = { ...font, bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const [i, m] of c.members.entries()) {
    const t = m.figures.tasks;
    sheet.addRow({
      no: i + 1,
      name: m.fullName,
      position: m.position ?? '',
      assigned: t.assigned,
      onTime: t.doneOnTime,
      late: t.doneLate,
      overdue: t.overdue,
      returned: t.returned,
      extensions: t.extensions,
      q: m.taskScore.quantityPct,
      c: m.taskScore.qualityPct,
      t: m.taskScore.timelinessPct,
      taskPoints: m.taskScore.points,
      general: m.generalPoints,
      total: m.totalPoints,
      present: m.figures.attendance.present,
      awol: m.figures.attendance.absentWithoutLeave,
      proposed: levelName(c.scheme, m.proposedLevel),
      decided: levelName(c.scheme, m.decidedLevel),
    }).font = font;
  }
  sheet.insertRow(1, [`KẾT QUẢ ĐÁNH GIÁ THÀNH VIÊN NĂM ${c.year} — ${c.committeeName.toUpperCase()}`]).font =
    {
      ...font,
      bold: true,
      size: 14,
    };
  sheet.insertRow(2, [
    `Số liệu đến ngày ${formatDate(c.asOf)}; xuất ngày ${formatDate(clock.today())}`,
  ]).font = {
    ...font,
    italic: true,
  };
  sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), name: `danh-gia-${c.year}.xlsx` };
}
