import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import { REPORT_STATUS_LABELS } from '@steerco/contract/reports';
import * as clock from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { periodRollup } from './rollup.service.ts';

/** The rollup grid as a spreadsheet: one row per reporter, one column per field, the totals row by the regime's rules. */
export async function exportRollupXlsx(db: Db, actor: Actor, periodId: string): Promise<Buffer> {
  const grid = await periodRollup(db, actor, periodId);
  const book = new (await import('exceljs')).default.Workbook();
  book.creator = 'steerco';
  const sheet = book.addWorksheet('Tổng hợp');
  const font = { name: 'Times New Roman', size: 12 };
  const columns = [
    { header: 'STT', key: 'no', width: 6 },
    { header: 'Đơn vị báo cáo', key: 'reporter', width: 48 },
    { header: 'Tình trạng', key: 'status', width: 16 },
    { header: 'Trễ hạn', key: 'late', width: 9 },
    ...grid.fields.map((f) => ({
      header: f.unit ? `${f.label} (${f.unit})` : f.type === 'percent' ? `${f.label} (%)` : f.label,
      key: `f:${f.key}`,
      width: 16,
    })),
  ];
  sheet.columns = columns;
  const header = sheet.getRow(1);
  header.font = { ...font, bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const [i, r] of grid.rows.entries()) {
    sheet.addRow({
      no: i + 1,
      reporter: r.reporterName,
      status: REPORT_STATUS_LABELS[r.status],
      late: r.late ? 'Có' : '',
      ...Object.fromEntries(grid.fields.map((f) => [`f:${f.key}`, r.values[f.key] ?? null])),
    }).font = font;
  }
  const totals = sheet.addRow({
    reporter: `Tổng hợp (${grid.counts.submitted}/${grid.counts.reporters} đơn vị đã gửi)`,
    ...Object.fromEntries(grid.fields.map((f) => [`f:${f.key}`, grid.totals[f.key] ?? null])),
  });
  totals.font = { ...font, bold: true };
  sheet.insertRow(1, [
    `TỔNG HỢP BÁO CÁO ${grid.period.label.toUpperCase()} — ${grid.regimeName.toUpperCase()}`,
  ]).font = {
    ...font,
    bold: true,
    size: 14,
  };
  sheet.insertRow(2, [
    `Số liệu từ ngày ${formatDate(grid.period.from)} đến ngày ${formatDate(grid.period.to)}; hạn gửi ${formatDate(grid.period.deadline)}; xuất lúc ${formatDateTime(clock.now())}`,
  ]).font = { ...font, italic: true };
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
