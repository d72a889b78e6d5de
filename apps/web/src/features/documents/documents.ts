import type { DocumentType, OfficialDocument, PlanItem } from '@steerco/contract/documents';
import { DOCUMENT_TYPES } from '@steerco/contract/labels';
import { parseVietnameseDate } from '../../lib/dates.ts';

export const DOCUMENT_TYPE_KEYS = Object.keys(DOCUMENT_TYPES) as DocumentType[];

export type DocumentStatus = OfficialDocument['status'];

export const STATUS_COLORS: Record<DocumentStatus, string> = {
  draft: 'gray',
  submitted: 'yellow',
  approved: 'blue',
  issued: 'green',
  received: 'grape',
};

/** "Thông báo", or for an incoming document "Văn bản đến". */
export const typeLabel = (doc: Pick<OfficialDocument, 'type'>) =>
  doc.type ? DOCUMENT_TYPES[doc.type].label : null;

/** dd/MM/yyyy of an ISO date. */
export const formatIsoDate = (iso: string | null) => {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

/** The editable text of a body block, and how to put an edited text back (tables and căn cứ keep their rows). */
export type Block = OfficialDocument['body'][number];

/** "Cải cách hành chính | 1 | Rà soát TTHC | Văn phòng | Một cửa | Báo cáo | 31/3/2027" → a plan item, or the bad line. */
export function parsePlanItems(text: string): { items: PlanItem[]; badLine: number | null } {
  const items: PlanItem[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (!row) continue;
    const [domain = '', quarter = '', title = '', lead = '', cooperating = '', product = '', deadline = ''] =
      row.split('|').map((c) => c.trim());
    const q = quarter ? Number(quarter) : null;
    const date = deadline ? parseVietnameseDate(deadline) : null;
    if (!domain || !title || !lead || (q !== null && !(q >= 1 && q <= 4)) || (deadline && !date)) {
      return { items, badLine: i + 1 };
    }
    items.push({
      domain,
      quarter: q,
      title,
      lead,
      ...(cooperating ? { cooperating } : {}),
      ...(product ? { product } : {}),
      deadline: date,
    });
  }
  return { items, badLine: null };
}
