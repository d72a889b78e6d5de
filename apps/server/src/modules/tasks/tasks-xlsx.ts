import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import {
  DERIVED_STATUS_LABELS,
  type ListTasksQuery,
  TASK_PRIORITY_LABELS,
  TASK_SOURCE_LABELS,
  TASK_STATUS_LABELS,
} from '@steerco/contract/tasks';
import * as clock from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { findTasksForExport } from './lists.service.ts';

export const TASK_EXPORT_COLUMNS = [
  { header: 'STT', key: 'no', width: 6 },
  { header: 'Tên nhiệm vụ', key: 'title', width: 48 },
  { header: 'Lĩnh vực', key: 'domain', width: 10 },
  { header: 'Nguồn giao', key: 'source', width: 22 },
  { header: 'Đơn vị/thành viên chủ trì', key: 'lead', width: 30 },
  { header: 'Người chịu trách nhiệm', key: 'responsible', width: 26 },
  { header: 'Đơn vị/thành viên phối hợp', key: 'cooperators', width: 30 },
  { header: 'Sản phẩm', key: 'product', width: 26 },
  { header: 'Ngày giao', key: 'sourceDate', width: 13 },
  { header: 'Hạn hoàn thành', key: 'deadline', width: 14 },
  { header: 'Hạn ban đầu', key: 'originalDeadline', width: 13 },
  { header: 'Mức độ ưu tiên', key: 'priority', width: 13 },
  { header: 'Trạng thái', key: 'status', width: 22 },
  { header: 'Tình trạng thời hạn', key: 'derived', width: 20 },
  { header: 'Tiến độ (%)', key: 'progress', width: 10 },
  { header: 'Ngày báo cáo hoàn thành', key: 'completedOn', width: 14 },
] as const;

/** Any filtered task list as a spreadsheet: Vietnamese headers, dates dd/MM/yyyy, one row per task. */
export async function exportTasksXlsx(
  db: Db,
  actor: Actor,
  committeeId: string,
  query: Omit<ListTasksQuery, 'cursor' | 'limit'>,
): Promise<Buffer> {
  const { committee, items } = await findTasksForExport(db, actor, committeeId, query);
  const book = new (await import('exceljs')).default.Workbook();
  book.creator = 'steerco';
  const sheet = book.addWorksheet('Nhiệm vụ');
  sheet.columns = TASK_EXPORT_COLUMNS.map((c) => ({ ...c }));
  const header = sheet.getRow(1);
  header.font = { bold: true, name: 'Times New Roman', size: 12 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 36;
  for (const [i, t] of items.entries()) {
    sheet.addRow({
      no: i + 1,
      title: t.title,
      domain: t.domain ?? '',
      source: TASK_SOURCE_LABELS[t.sourceKind],
      lead: t.leadUnit?.name ?? t.leadMember?.fullName ?? '',
      responsible: t.responsible?.fullName ?? '',
      cooperators: t.cooperators.map((c) => c.name).join('; '),
      product: t.expectedProduct ?? '',
      sourceDate: formatDate(t.sourceDate),
      deadline: formatDate(t.deadline),
      originalDeadline: formatDate(t.originalDeadline),
      priority: TASK_PRIORITY_LABELS[t.priority],
      status: TASK_STATUS_LABELS[t.status],
      derived: DERIVED_STATUS_LABELS[t.derivedStatus],
      progress: t.progress,
      completedOn: t.completedOn ? formatDate(t.completedOn) : '',
    }).alignment = { wrapText: true, vertical: 'top' };
  }
  // Title rows above the table: the committee and when the list was taken.
  sheet.insertRow(1, [`DANH SÁCH NHIỆM VỤ — ${committee.name.toUpperCase()}`]).font = {
    bold: true,
    size: 14,
    name: 'Times New Roman',
  };
  sheet.insertRow(2, [`Xuất lúc ${formatDateTime(clock.now())}; ${items.length} nhiệm vụ`]).font = {
    italic: true,
    name: 'Times New Roman',
  };
  sheet.mergeCells(1, 1, 1, TASK_EXPORT_COLUMNS.length);
  sheet.mergeCells(2, 1, 2, TASK_EXPORT_COLUMNS.length);
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: TASK_EXPORT_COLUMNS.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
