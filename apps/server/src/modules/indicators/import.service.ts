import { PERIODS_PER_YEAR } from '@steerco/contract/indicators';
import type ExcelJS from 'exceljs';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { findIndicatorsByCode } from './catalogue.repo.ts';
import { assertMayApprove } from './indicators.policy.ts';
import { refreshSummaries } from './summary.service.ts';
import { findSubtree, insertValues, supersede } from './values.repo.ts';

const HEADERS = ['STT', 'Ban Chỉ đạo / đơn vị', 'Mã chỉ số', 'Năm', 'Kỳ', 'Giá trị', 'Ghi chú'];

/** The import template: one row per unit, indicator and period. */
export async function valuesTemplateXlsx(): Promise<Buffer> {
  const book = new (await import('exceljs')).default.Workbook();
  const sheet = book.addWorksheet('Số liệu chỉ số');
  sheet.addRow(HEADERS).font = { bold: true };
  sheet.addRow([1, 'Phường Phúc La', 'DA06.VNEID', clock.today().slice(0, 4), 3, 72.5, 'Số liệu quý III']);
  sheet.columns.forEach((c, i) => {
    c.width = [6, 36, 16, 8, 6, 12, 40][i];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
};
const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * Imports approved actual values for the committee and the committees below it (its standing agency or head).
 * Every row is checked first; if one is wrong nothing is written and the answer lists the rows' errors.
 * Otherwise, in one transaction, each value replaces the period's approved one (kept as history) and the
 * summaries are refreshed.
 */
export async function importValuesXlsx(db: Db, actor: Actor, committeeId: string, file: Buffer) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertMayApprove(access);
  const book = new (await import('exceljs')).default.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.unreadable');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('import.unreadable');
  if (norm(cellText(sheet.getRow(1).getCell(3).value)) !== norm('Mã chỉ số'))
    throw new AppError('import.wrongTemplate', { detail: `Dòng 1 phải là: ${HEADERS.join(' | ')}.` });

  const subtree = await findSubtree(db, committeeId);
  const byName = new Map<string, string>();
  for (const c of subtree)
    for (const n of [c.name, c.unitName, c.shortName]) if (n) byName.set(norm(n), c.id);
  const raw: {
    row: number;
    unit: string;
    code: string;
    year: string;
    period: string;
    value: string;
    note: string;
  }[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cell = (i: number) => cellText(sheet.getRow(r).getCell(i).value);
    const [unit, code, year, period, value, note] = [2, 3, 4, 5, 6, 7].map(cell) as string[];
    if (![unit, code, value].some(Boolean)) continue;
    raw.push({ row: r, unit: unit!, code: code!, year: year!, period: period!, value: value!, note: note! });
  }
  if (!raw.length) throw new AppError('import.empty');
  const years = [...new Set(raw.map((r) => Number(r.year)).filter((y) => Number.isInteger(y)))];
  const known = (
    await Promise.all(years.map((y) => findIndicatorsByCode(db, y, [...new Set(raw.map((r) => r.code))])))
  ).flat();

  const errors: { row: number; field: string; message: string }[] = [];
  const values: {
    committeeId: string;
    indicatorId: string;
    period: number;
    value: number;
    note: string | null;
  }[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const fail = (field: string, message: string) => errors.push({ row: r.row, field, message });
    const target = byName.get(norm(r.unit));
    if (!target) fail('Ban Chỉ đạo / đơn vị', `"${r.unit}" không phải Ban Chỉ đạo này hoặc cấp dưới`);
    const year = Number(r.year);
    const matches = known.filter((k) => k.i.code === r.code && k.f.year === year);
    if (!Number.isInteger(year)) fail('Năm', `"${r.year}" không phải năm`);
    else if (!matches.length) fail('Mã chỉ số', `Không có chỉ số "${r.code}" trong bộ chỉ số năm ${year}`);
    else if (matches.length > 1) fail('Mã chỉ số', `Mã "${r.code}" có ở nhiều bộ chỉ số năm ${year}`);
    const ind = matches.length === 1 ? matches[0]!.i : undefined;
    if (ind?.source === 'computed') fail('Mã chỉ số', 'Chỉ số được tính tự động, không nhập');
    const period = Number(r.period);
    if (ind && (!Number.isInteger(period) || period < 1 || period > PERIODS_PER_YEAR[ind.frequency]))
      fail('Kỳ', `Kỳ "${r.period}" không hợp lệ (1–${PERIODS_PER_YEAR[ind.frequency]})`);
    const value = Number(r.value.replace(',', '.'));
    if (r.value === '' || !Number.isFinite(value)) fail('Giá trị', `"${r.value}" không phải số`);
    const key = `${target}|${ind?.id}|${period}`;
    if (seen.has(key)) fail('Mã chỉ số', 'Trùng đơn vị, chỉ số và kỳ với một dòng phía trên');
    seen.add(key);
    if (target && ind && !errors.some((e) => e.row === r.row))
      values.push({ committeeId: target, indicatorId: ind.id, period, value, note: r.note || null });
  }
  if (errors.length)
    throw new AppError('import.invalidRows', {
      detail: `${errors.length} lỗi; không dòng nào được nhập.`,
      extensions: { rowErrors: errors },
    });

  await db.transaction(async (tx) => {
    const at = clock.now();
    for (const v of values) await supersede(tx, v, 'approved');
    await insertValues(
      tx,
      values.map((v) => ({
        id: uuidv7(),
        ...v,
        status: 'approved' as const,
        source: 'imported' as const,
        enteredBy: actor.userId,
        enteredAt: at,
        decidedBy: actor.userId,
        decidedAt: at,
      })),
    );
    // Each refresh recomputes the committee and the chain above it from the rows below.
    const pairs = new Map<string, { committeeId: string; ids: Set<string> }>();
    for (const v of values) {
      const p = pairs.get(v.committeeId) ?? { committeeId: v.committeeId, ids: new Set() };
      p.ids.add(v.indicatorId);
      pairs.set(v.committeeId, p);
    }
    for (const p of pairs.values()) await refreshSummaries(tx, p.committeeId, [...p.ids]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'indicator.valuesImported',
      entityType: 'committee',
      entityId: committeeId,
      data: { rows: values.length },
    });
  });
  return { imported: values.length };
}
