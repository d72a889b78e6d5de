import { formatDate } from '@steerco/contract/datetime';
import { type CommitteeRole, ROLE_LABELS } from '@steerco/contract/memberships';
import type ExcelJS from 'exceljs';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { findPersonByLogin, findPersons } from '../users/users.service.ts';
import { assertCommittee, loadCommitteeAccess } from './access.service.ts';
import { committeeDomainCodes } from './committees.service.ts';
import {
  findCommitteeDuties,
  insertDuties,
  insertDutyRevision,
  insertMembership,
} from './memberships.repo.ts';
import { listMembers } from './memberships.service.ts';

const COLUMNS = [
  { header: 'STT', key: 'no', width: 6 },
  { header: 'Họ và tên', key: 'fullName', width: 28 },
  { header: 'Tên đăng nhập hoặc email', key: 'login', width: 28 },
  { header: 'Vai trò', key: 'role', width: 26 },
  { header: 'Chức vụ', key: 'position', width: 34 },
  { header: 'Ngày bắt đầu (dd/mm/yyyy)', key: 'startDate', width: 16 },
  { header: 'Số quyết định', key: 'decisionNumber', width: 16 },
  { header: 'Ngày quyết định (dd/mm/yyyy)', key: 'decisionDate', width: 16 },
  { header: 'Nhiệm vụ (mỗi dòng một nhiệm vụ, có thể ghi [CCHC] ở đầu)', key: 'duties', width: 70 },
] as const;

const ROLE_BY_LABEL = new Map(
  Object.entries(ROLE_LABELS).map(([code, label]) => [label.toLowerCase(), code as CommitteeRole]),
);

function styleHeader(sheet: ExcelJS.Worksheet) {
  sheet.columns = COLUMNS.map((c) => ({ ...c }));
  const header = sheet.getRow(1);
  header.font = { bold: true, name: 'Times New Roman', size: 12 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 36;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The member list as a spreadsheet (Vietnamese headers, dates dd/mm/yyyy), duties one per line. */
export async function exportMembersXlsx(db: Db, actor: Actor, committeeId: string): Promise<Buffer> {
  const { committee } = await loadCommitteeAccess(db, actor, committeeId);
  const { items } = await listMembers(db, actor, committeeId, {});
  const dutyRows = await findCommitteeDuties(db, committeeId);
  const people = await findPersons(
    db,
    items.map((m) => m.userId),
  );
  const logins = new Map([...people].map(([id, p]) => [id, p.username]));
  const book = new (await import('exceljs')).default.Workbook();
  book.creator = 'steerco';
  const sheet = book.addWorksheet('Thành viên');
  styleHeader(sheet);
  for (const [i, m] of items.entries()) {
    sheet.addRow({
      no: i + 1,
      fullName: m.fullName,
      login: logins.get(m.userId) ?? '',
      role: ROLE_LABELS[m.role],
      position: m.position ?? '',
      startDate: formatDate(m.startDate),
      decisionNumber: m.appointingDecision?.number ?? '',
      decisionDate: m.appointingDecision ? formatDate(m.appointingDecision.date) : '',
      duties: dutyRows
        .filter((d) => d.membershipId === m.id)
        .map((d) => (d.domain ? `[${d.domain}] ${d.text}` : d.text))
        .join('\n'),
    }).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.insertRow(1, [committee.name]).font = { bold: true, size: 14, name: 'Times New Roman' };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** An empty import template with one example row. */
export async function membersTemplateXlsx(): Promise<Buffer> {
  const book = new (await import('exceljs')).default.Workbook();
  const sheet = book.addWorksheet('Thành viên');
  styleHeader(sheet);
  sheet.addRow({
    no: 1,
    fullName: 'Nguyễn Văn A',
    login: 'nguyen.van.a',
    role: ROLE_LABELS.member,
    position: 'Công chức Văn phòng',
    startDate: '01/06/2026',
    decisionNumber: '15/QĐ-BCĐ',
    decisionDate: '28/05/2026',
    duties: '[CCHC] Tham mưu kế hoạch cải cách hành chính năm\n[CDS] Tuyên truyền chuyển đổi số',
  });
  const roles = Object.values(ROLE_LABELS).join(', ');
  sheet.getCell('D2').note = `Một trong: ${roles}`;
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date)
    return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
};

/** dd/mm/yyyy (or a spreadsheet date) → YYYY-MM-DD, or null when it is not a real date. */
function parseVnDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Imports members from the template. Every row is checked first; if any row is wrong, nothing is written and
 * the answer lists each error with its row number. Otherwise all rows go in one transaction.
 */
export async function importMembersXlsx(db: Db, actor: Actor, committeeId: string, file: Buffer) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.manageMembers', access);
  const book = new (await import('exceljs')).default.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.unreadable');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('import.unreadable');
  const headerRow = [1, 2].find((r) => cellText(sheet.getRow(r).getCell(2).value) === 'Họ và tên');
  if (!headerRow) throw new AppError('import.wrongTemplate');

  const domains = await committeeDomainCodes(db, committeeId);
  const errors: ImportRowError[] = [];
  const rows: {
    row: number;
    userId: string;
    role: CommitteeRole;
    position: string | null;
    startDate: string;
    decision: { number: string; date: string } | null;
    duties: { domain: string | null; text: string }[];
  }[] = [];
  const seen = new Set<string>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const cell = (i: number) => cellText(sheet.getRow(r).getCell(i).value);
    const [fullName, login, roleText, position, startText, decisionNumber, decisionDateText, dutyText] = [
      2, 3, 4, 5, 6, 7, 8, 9,
    ].map(cell) as [string, string, string, string, string, string, string, string];
    if (![fullName, login, roleText].some(Boolean)) continue; // blank line
    const fail = (field: string, message: string) => errors.push({ row: r, field, message });
    const user = login ? await findPersonByLogin(db, login) : undefined;
    if (!login) fail('Tên đăng nhập hoặc email', 'Bắt buộc');
    else if (!user) fail('Tên đăng nhập hoặc email', `Không tìm thấy tài khoản "${login}"`);
    else if (!user.active) fail('Tên đăng nhập hoặc email', 'Tài khoản đã bị vô hiệu hóa');
    else if (seen.has(user.id)) fail('Tên đăng nhập hoặc email', 'Trùng với một dòng phía trên');
    const role = ROLE_BY_LABEL.get(roleText.toLowerCase());
    if (!role) fail('Vai trò', `Vai trò "${roleText}" không hợp lệ`);
    const startDate = parseVnDate(startText);
    if (!startDate) fail('Ngày bắt đầu', `"${startText}" không phải ngày hợp lệ (dd/mm/yyyy)`);
    let decision: { number: string; date: string } | null = null;
    if (decisionNumber || decisionDateText) {
      const date = parseVnDate(decisionDateText);
      if (!decisionNumber || !date) fail('Quyết định', 'Cần cả số và ngày quyết định hợp lệ');
      else decision = { number: decisionNumber, date };
    }
    const dutyItems = dutyText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const m = /^\[([A-Z0-9_]+)\]\s*(.+)$/.exec(line);
        if (m && !domains.has(m[1]!)) fail('Nhiệm vụ', `Lĩnh vực [${m[1]}] không thuộc Ban Chỉ đạo`);
        return m ? { domain: m[1]!, text: m[2]! } : { domain: null, text: line };
      });
    if (user) seen.add(user.id);
    if (user && role && startDate) {
      rows.push({
        row: r,
        userId: user.id,
        role,
        position: position || user.position,
        startDate,
        decision,
        duties: dutyItems,
      });
    }
  }
  if (!rows.length && !errors.length) throw new AppError('import.empty');
  if (errors.length)
    throw new AppError('import.invalidRows', {
      detail: `${errors.length} lỗi; chưa nhập dòng nào.`,
      extensions: { rowErrors: errors },
    });

  await db.transaction(async (tx) => {
    for (const row of rows) {
      const id = uuidv7();
      // A savepoint per row, so a constraint violation names its row; the whole import still rolls back.
      const inserted = await tx
        .transaction(async (sp) => {
          await insertMembership(sp, {
            id,
            committeeId,
            userId: row.userId,
            role: row.role,
            position: row.position,
            startDate: row.startDate,
            appointingDecision: row.decision,
          });
          return true;
        })
        .catch((err) => {
          const code = (
            (err as { cause?: { constraint?: string } }).cause ?? (err as { constraint?: string })
          ).constraint;
          const message =
            code === 'memberships_one_head_at_a_time'
              ? 'Ban Chỉ đạo đã có Trưởng Ban'
              : 'Người này đã là thành viên';
          errors.push({ row: row.row, field: 'Vai trò', message });
          return false;
        });
      if (inserted && row.duties.length) {
        const items = row.duties.map((d, position) => ({ id: uuidv7(), ...d, position }));
        await insertDuties(
          tx,
          items.map((i) => ({ ...i, membershipId: id })),
        );
        await insertDutyRevision(tx, {
          membershipId: id,
          version: 1,
          items,
          decision: row.decision,
          note: 'Nhập từ tệp Excel',
          changedBy: actor.userId,
        });
      }
    }
    if (errors.length)
      throw new AppError('import.invalidRows', {
        detail: `${errors.length} lỗi; chưa nhập dòng nào.`,
        extensions: { rowErrors: errors },
      });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'membership.imported',
      entityType: 'committee',
      entityId: committeeId,
      data: { rows: rows.length },
    });
  });
  return { imported: rows.length };
}
