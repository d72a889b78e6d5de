/**
 * A pure DOCX renderer for Vietnamese official documents in the layout of Decree 30/2020/NĐ-CP, Appendix I
 * (see /work/shared/DECREE30.md): A4 portrait, Times New Roman, the two-column header (issuer + number on the
 * left, national title + motto + place/date on the right), the kind and trích yếu, the body, and the
 * "Nơi nhận" / signature block at the foot. No I/O: the result is the bytes of a .docx file.
 */

import type { Block } from '@steerco/contract/documents';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import * as clock from '../../../clock.ts';
import {
  BODY_AFTER,
  BODY_LINE,
  bodyParagraph,
  COLOR,
  cell,
  FIRST_LINE_INDENT,
  FONT,
  FOOT_LEFT,
  FOOT_RIGHT,
  grid,
  HEADER_LEFT,
  HEADER_RIGHT,
  line,
  MARGIN,
  mm,
  PAGE,
  PT,
  rule,
  run,
  runs,
  TEXT_WIDTH,
} from './docx-blocks.ts';
import { issuerLines, textWidth } from './text-metrics.ts';

export { issuerLines, textWidth };

export type DocumentKind =
  | 'THÔNG BÁO'
  | 'GIẤY MỜI'
  | 'BIÊN BẢN'
  | 'KẾ HOẠCH'
  | 'BÁO CÁO'
  | 'QUYẾT ĐỊNH'
  | 'PHIẾU ĐÁNH GIÁ';

/** paragraph | heading | numbered | field ("Thời gian:" …) | basis (căn cứ): the body blocks of the contract. */
export type { Block };

export interface OfficialDocumentSpec {
  /** parent: the cơ quan chủ quản ("UBND PHƯỜNG PHÚC LA"); name: the issuer, may contain "\n" to force its line breaks. */
  issuer: { parent: string | null; name: string };
  /** "12/TB-BCĐ" once issued; null for a draft ("Số:      /TB-BCĐ"). */
  number: string | null;
  /** "TB-BCĐ": the ký hiệu printed after the blank of a draft number. */
  symbol: string;
  /** Địa danh of the date line, "Phúc La". */
  place: string;
  /** ISO YYYY-MM-DD; null for a draft ("ngày     tháng     năm 2026"). */
  date: string | null;
  kind: DocumentKind;
  /** Trích yếu. */
  title: string;
  body: Block[];
  signature: { capacity: string[]; name: string | null };
  /** "Nơi nhận" lines without the dash or the final punctuation. */
  recipients: string[];
  /** BIÊN BẢN only (Mẫu 1.9): THƯ KÝ signs on the left, CHỦ TỌA (signature.name) on the right. */
  minutes?: { secretary: string | null };
  /** Adds a small framed "DỰ THẢO" mark at the top of the first page. */
  draft?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The year today on a clock in Viet Nam (UTC+7). */
function currentVietnamYear(): number {
  return Number(clock.today().slice(0, 4));
}

/**
 * Ô4, the place/date line: "Phúc La, ngày 05 tháng 7 năm 2026". Days 1–9 and months 1–2 get a leading zero, other
 * months do not (Decree 30, Appendix I). A null date is a draft: "Phúc La, ngày     tháng     năm 2026", the year
 * being `year` or the current year in Viet Nam.
 */
export function vietnameseDateLine(place: string, isoDate: string | null, year?: number): string {
  if (isoDate === null) return `${place}, ngày     tháng     năm ${year ?? currentVietnamYear()}`;
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`No such date: ${isoDate}`);
  }
  const day = String(d).padStart(2, '0');
  const month = mo <= 2 ? String(mo).padStart(2, '0') : String(mo);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The parts of the document

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

function isMinutes(spec: OfficialDocumentSpec): boolean {
  return spec.kind === 'BIÊN BẢN' || spec.minutes !== undefined;
}

/** "Số: 12/TB-BCĐ", or "Số:      /TB-BCĐ" for a draft. */
export function numberLine(number: string | null, symbol: string): string {
  return number ? `Số: ${number}` : `Số:      /${symbol}`;
}

/** Ô1–ô4: the two-column header table. */
function headerTable(spec: OfficialDocumentSpec): Table {
  const name = issuerLines(spec.issuer.name, HEADER_LEFT - mm(1));
  const parent = spec.issuer.parent?.toUpperCase() ?? null;
  const longest = Math.max(
    ...name.map((l) => Math.min(textWidth(l, 13, true), HEADER_LEFT)),
    parent ? Math.min(textWidth(parent, 13, false), HEADER_LEFT) : 0,
  );
  const left: Paragraph[] = [];
  if (parent) left.push(line(parent, { size: 13 }));
  left.push(line(name.join('\n'), { size: 13, bold: true }));
  // Ô2: a solid rule 1/3–1/2 the length of the issuer's lines.
  left.push(rule(Math.round(longest * 0.4), HEADER_LEFT));

  const right: Paragraph[] = [
    line(NATIONAL_TITLE, { size: 13, bold: true }),
    line(MOTTO, { size: 14, bold: true }),
  ];
  // Ô1: the rule under the motto, as long as the motto.
  right.push(rule(Math.round(textWidth(MOTTO, 14, true) + 40), HEADER_RIGHT));

  const numberCell = [line(numberLine(spec.number, spec.symbol), { size: 13, before: 120 })];
  const dateCell = isMinutes(spec)
    ? [new Paragraph({})]
    : [line(vietnameseDateLine(spec.place, spec.date), { size: 14, italic: true, before: 120 })];
  return grid(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      [cell(HEADER_LEFT, left), cell(HEADER_RIGHT, right)],
      [
        cell(HEADER_LEFT, numberCell, VerticalAlign.BOTTOM),
        cell(HEADER_RIGHT, dateCell, VerticalAlign.BOTTOM),
      ],
    ],
  );
}

/** Ô5a: TÊN LOẠI, the trích yếu right under it, and a short rule. */
function titleBlock(spec: OfficialDocumentSpec): Paragraph[] {
  const titleLines = spec.title.split('\n');
  const longest = Math.min(TEXT_WIDTH, Math.max(...titleLines.map((l) => textWidth(l, 14, true))));
  return [
    line(spec.kind, { size: 14, bold: true, before: 360, keepNext: true }),
    line(spec.title, { size: 14, bold: true, keepNext: true }),
    rule(Math.max(mm(25), Math.round(longest / 3)), TEXT_WIDTH, 60, 240),
  ];
}

/** "a;" … "z." — Decree 30 ends each listed line with ";" and the last one with ".". */
function punctuateList(lines: string[]): string[] {
  return lines.map((l, i) => `${l.trim().replace(/[;.,]+$/, '')}${i === lines.length - 1 ? '.' : ';'}`);
}

/** A heading in capitals ("QUYẾT ĐỊNH:", "Chương II") is centered; others ("1. Kết quả") sit at the indent. */
function isCenteredHeading(text: string): boolean {
  return text === text.toUpperCase() || /^(Chương|Phần|Mục)\s/i.test(text);
}

/**
 * Column widths of a data table over the text width: a "TT"/"STT" column 10 mm, the others shared by the length
 * of their longest words and average text, so "Nội dung" gets the room and "Thời hạn" stays narrow.
 */
export function tableColumnWidths(columns: string[], rows: string[][]): number[] {
  const serial = (c: string) => /^(s?tt)$/i.test(c.trim());
  const fixed = columns.map((c) => (serial(c) ? mm(10) : 0));
  const rest = TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  const content = columns.findIndex((_, i) => !fixed[i]);
  const weight = columns.map((c, i) => {
    if (fixed[i]) return 0;
    // The first text column holds the content ("Nội dung nhiệm vụ", "Chỉ tiêu"): it gets the most room.
    if (i === content) return 2 * Math.max(8, c.length, avgLength(rows, i));
    return Math.max(8, c.length, avgLength(rows, i));
  });
  const total = weight.reduce((a, b) => a + b, 0) || 1;
  const widths = columns.map((_, i) => fixed[i] || Math.round((rest * weight[i]!) / total));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function avgLength(rows: string[][], column: number): number {
  const cells = rows.map((r) => r[column] ?? '').filter(Boolean);
  return cells.length ? Math.min(120, cells.reduce((a, t) => a + t.length, 0) / cells.length) : 0;
}

/** A ruled table in 12 pt: the header row bold and centered, repeated on each page; a row that names a group is bold. */
function dataTable(columns: string[], rows: string[][]): Table {
  const widths = tableColumnWidths(columns, rows);
  const ruled = { style: BorderStyle.SINGLE, size: 4, color: COLOR };
  const borders = { top: ruled, bottom: ruled, left: ruled, right: ruled };
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };
  const para = (text: string, bold: boolean, center: boolean) =>
    new Paragraph({
      alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: runs(text, { size: 12, bold }),
      run: { font: FONT, size: PT(12) },
    });
  const row = (cells: string[], header: boolean) => {
    // A group row ("I", "CẢI CÁCH HÀNH CHÍNH", then blanks) is bold, as plans set their domains.
    const group = !header && cells.slice(2).every((c) => !c) && /^[IVXLC]+$/.test(cells[0] ?? '');
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: columns.map(
        (_, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            borders,
            margins,
            verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
            children: [para(cells[i] ?? '', header || group, header || i === 0)],
          }),
      ),
    });
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(columns, true), ...rows.map((r) => row(r, false))],
  });
}

function bodyBlocks(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        out.push(
          bodyParagraph(runs(b.text, { size: 14, bold: b.bold, italic: b.italic }), { indent: b.indent }),
        );
        break;
      case 'heading': {
        const centered = isCenteredHeading(b.text);
        out.push(
          new Paragraph({
            alignment: centered ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
            indent: centered ? undefined : { firstLine: FIRST_LINE_INDENT },
            spacing: {
              before: centered ? 120 : 0,
              after: BODY_AFTER,
              line: BODY_LINE,
              lineRule: LineRuleType.AUTO,
            },
            keepNext: true,
            children: runs(b.text, { size: 14, bold: true }),
            run: { font: FONT, size: PT(14) },
          }),
        );
        break;
      }
      case 'numbered':
        b.items.forEach((item, i) => {
          out.push(bodyParagraph(runs(`${i + 1}. ${item}`, { size: 14 })));
        });
        break;
      case 'field': {
        const label = b.label.trim().endsWith(':') ? b.label.trim() : `${b.label.trim()}:`;
        out.push(bodyParagraph([run(label, { size: 14, bold: true }), ...runs(` ${b.value}`, { size: 14 })]));
        break;
      }
      case 'basis':
        for (const l of punctuateList(b.lines)) out.push(bodyParagraph(runs(l, { size: 14, italic: true })));
        break;
      case 'article': {
        // Ô6: "Điều 1." bold at the indent; a titled article keeps its title bold on the same line.
        const head = `Điều ${b.number}.${b.title ? ` ${b.title}` : ''}`;
        if (b.title) {
          out.push(bodyParagraph([run(head, { size: 14, bold: true })]));
          out.push(bodyParagraph(runs(b.text, { size: 14 })));
        } else {
          out.push(bodyParagraph([run(head, { size: 14, bold: true }), ...runs(` ${b.text}`, { size: 14 })]));
        }
        break;
      }
      case 'table':
        out.push(dataTable(b.columns, b.rows));
        out.push(new Paragraph({ spacing: { before: 0, after: BODY_AFTER }, children: [] }));
        break;
    }
  }
  return out;
}

/** Ô9b: "Nơi nhận:" bold italic 12, then "- …;" lines in 11, the last ending ".". */
function recipientsBlock(recipients: string[]): Paragraph[] {
  if (recipients.length === 0) return [];
  return [
    line('Nơi nhận:', { size: 12, bold: true, italic: true, align: AlignmentType.LEFT }),
    ...punctuateList(recipients).map((r) => line(`- ${r}`, { size: 11, align: AlignmentType.LEFT })),
  ];
}

/** Ô7a–7b: capacity lines caps bold 14, room for the signature and seal, then the name bold 14. */
function signatureBlock(capacity: string[], name: string | null): Paragraph[] {
  const out = capacity.map((c) => line(c.toUpperCase(), { size: 14, bold: true, keepNext: true }));
  for (let i = 0; i < 4; i++) out.push(line('', { size: 14, keepNext: true }));
  out.push(line(name ?? '', { size: 14, bold: true }));
  return out;
}

function footTable(spec: OfficialDocumentSpec): Table {
  if (isMinutes(spec)) {
    const half = Math.round(TEXT_WIDTH / 2);
    const rows = [
      [
        cell(half, signatureBlock(['THƯ KÝ'], spec.minutes?.secretary ?? null)),
        cell(TEXT_WIDTH - half, signatureBlock(['CHỦ TỌA'], spec.signature.name)),
      ],
    ];
    const recipients = recipientsBlock(spec.recipients);
    if (recipients.length) {
      recipients[0] = line('Nơi nhận:', {
        size: 12,
        bold: true,
        italic: true,
        align: AlignmentType.LEFT,
        before: 240,
      });
      rows.push([cell(half, recipients), cell(TEXT_WIDTH - half, [])]);
    }
    return grid([half, TEXT_WIDTH - half], rows);
  }
  return grid(
    [FOOT_LEFT, FOOT_RIGHT],
    [
      [
        cell(FOOT_LEFT, recipientsBlock(spec.recipients)),
        cell(FOOT_RIGHT, signatureBlock(spec.signature.capacity, spec.signature.name)),
      ],
    ],
  );
}

/** The framed "DỰ THẢO" mark, right-aligned in the top margin of the first page. */
function draftMark(): Paragraph {
  const border = { style: BorderStyle.SINGLE, size: 6, color: COLOR, space: 1 };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    border: { top: border, bottom: border, left: border, right: border },
    indent: { left: TEXT_WIDTH - mm(22) },
    spacing: { before: 0, after: 0 },
    children: [run('DỰ THẢO', { size: 11, bold: true })],
  });
}

/** Page numbers: Arabic, 14 pt, centered in the top margin; none on page 1 (titlePg). */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(14), color: COLOR })],
      }),
    ],
  });
}

export function buildOfficialDocument(spec: OfficialDocumentSpec): Document {
  return new Document({
    creator: spec.issuer.name,
    title: `${spec.kind} ${spec.title}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: PT(14), color: COLOR, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGIN, header: mm(10), footer: mm(10), gutter: 0 },
            pageNumbers: { start: 1 },
          },
        },
        headers: {
          default: pageNumberHeader(),
          first: new Header({ children: spec.draft ? [draftMark()] : [new Paragraph({})] }),
        },
        children: [
          headerTable(spec),
          ...titleBlock(spec),
          ...bodyBlocks(spec.body),
          new Paragraph({ spacing: { before: 0, after: 0 }, keepNext: true, children: [] }),
          footTable(spec),
        ],
      },
    ],
  });
}

/** The .docx bytes of an official document laid out per Decree 30/2020/NĐ-CP, Appendix I. */
export async function renderOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(buildOfficialDocument(spec));
}
