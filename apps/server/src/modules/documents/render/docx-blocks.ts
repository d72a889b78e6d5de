// The page of a Decree 30 document as docx building blocks: A4 geometry, runs, lines, rules, tables.

import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  type TableVerticalAlign,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

// ---------------------------------------------------------------------------------------------------------------
// Page geometry (twips: 1 mm = 56.693 twips; sizes in half-points)

export const FONT = 'Times New Roman';
export const COLOR = '000000';
export const mm = (v: number) => Math.round((v * 1440) / 25.4);

export const PAGE = { width: 11906, height: 16838 }; // A4 portrait
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) }; // 1134, 1134, 1701, 850
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 9355 twips = 165 mm
export const FIRST_LINE_INDENT = mm(10); // 567
/** Header: the left column holds the issuer (wrapping), the right one the national title in one line. */
export const HEADER_LEFT = mm(68);
export const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
/** Foot: "Nơi nhận" left, signature right. */
export const FOOT_LEFT = mm(80);
export const FOOT_RIGHT = TEXT_WIDTH - FOOT_LEFT;

export const PT = (points: number) => points * 2;
export const BODY_LINE = 276; // 1.15 lines
export const BODY_AFTER = 120; // 6 pt

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

export interface RunStyle {
  size: number; // points
  bold?: boolean;
  italic?: boolean;
}

export function run(text: string, s: RunStyle, breakBefore = false): TextRun {
  return new TextRun({
    text,
    font: FONT,
    color: COLOR,
    size: PT(s.size),
    bold: s.bold ?? false,
    italics: s.italic ?? false,
    ...(breakBefore ? { break: 1 } : {}),
  });
}

/** A text whose "\n" become line breaks, as runs. */
export function runs(text: string, s: RunStyle): TextRun[] {
  return text.split('\n').map((line, i) => run(line, s, i > 0));
}

export interface LineOptions extends RunStyle {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  before?: number;
  after?: number;
  line?: number;
  keepNext?: boolean;
}

/** A single-spaced, centered line of the header, the title or the signature block. */
export function line(text: string, o: LineOptions): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: o.line ?? 240, lineRule: LineRuleType.AUTO },
    keepNext: o.keepNext ?? false,
    children: runs(text, o),
    run: { font: FONT, size: PT(o.size) },
  });
}

/**
 * A solid rule `width` twips long, centered in a column `columnWidth` wide: an empty paragraph, 2 pt high, with a
 * bottom border and indents that narrow it to the rule's length. `gapBefore` lowers it under the text above.
 */
export function rule(width: number, columnWidth: number, gapBefore = 60, after = 0): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: gapBefore, after, line: 240, lineRule: LineRuleType.AUTO },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLOR, space: 1 } },
    run: { font: FONT, size: PT(2) },
    children: [],
  });
}

/** A body paragraph: 14 pt, justified, first-line indent 1 cm, 6 pt after, 1.15 lines. */
export function bodyParagraph(
  children: ParagraphChild[],
  o: { indent?: boolean; align?: LineOptions['align'] } = {},
): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent === false ? undefined : { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: BODY_AFTER, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    children,
    run: { font: FONT, size: PT(14) },
  });
}

export const NO_BORDERS = TableBorders.NONE;
export const CELL_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

export function cell(
  width: number,
  children: Paragraph[],
  verticalAlign: TableVerticalAlign = VerticalAlign.TOP,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      bottom: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
    },
    margins: CELL_MARGINS,
    verticalAlign,
    children: children.length ? children : [new Paragraph({})],
  });
}

/** A borderless table of fixed columns: the grid of the header and of the foot. */
export function grid(columns: number[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: CELL_MARGINS,
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells })),
  });
}
