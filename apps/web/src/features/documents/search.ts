/* The route's search parameters, read from the URL (loaded with the first page; the rest of api.ts with the pages). */
import type { DocumentType } from '@steerco/contract/documents';
import { DOCUMENT_TYPE_KEYS } from './documents.ts';

/**
 * The registry's filters in the URL: `?ban=` committee, `?loai=` type, `?chieu=` outgoing/incoming, `?so=` number,
 * `?tu=`/`?den=` date range (YYYY-MM-DD), `?noiBanHanh=` issuer, `?q=` full text (with or without diacritics).
 */
export interface DocumentsSearch {
  ban?: string;
  loai?: DocumentType;
  chieu?: 'outgoing' | 'incoming';
  so?: string;
  tu?: string;
  den?: string;
  noiBanHanh?: string;
  q?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const str = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;

export const parseDocumentsSearch = (search: Record<string, unknown>): DocumentsSearch => ({
  ban: typeof search.ban === 'string' && /^[0-9a-f-]{36}$/i.test(search.ban) ? search.ban : undefined,
  loai: DOCUMENT_TYPE_KEYS.includes(search.loai as DocumentType) ? (search.loai as DocumentType) : undefined,
  chieu: search.chieu === 'outgoing' || search.chieu === 'incoming' ? search.chieu : undefined,
  so: str(search.so, 60),
  tu: typeof search.tu === 'string' && ISO.test(search.tu) ? search.tu : undefined,
  den: typeof search.den === 'string' && ISO.test(search.den) ? search.den : undefined,
  noiBanHanh: str(search.noiBanHanh, 200),
  q: str(search.q, 200),
});
