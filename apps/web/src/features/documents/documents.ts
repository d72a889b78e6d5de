import { DOCUMENT_TYPES, type DocumentType, type OfficialDocument } from '@steerco/contract/documents';

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
