import type { DbOrTx } from '../../db/client.ts';
import { countIssuedDocuments, findIssuedDocuments } from './report-figures.repo.ts';

// The registry's public figures for reports (R16): documents the committee issued in a cut-off window.

export const DOCUMENT_FIGURE_KEYS = ['documents.issued'];

export async function documentReportFigures(db: DbOrTx, committeeIds: string[], from: string, to: string) {
  const counts = committeeIds.length ? await countIssuedDocuments(db, committeeIds, from, to) : new Map();
  return new Map(committeeIds.map((id) => [id, { 'documents.issued': counts.get(id) ?? 0 }]));
}

/** The documents the figure counts, for the drill-down; null: not ours. */
export async function documentFigureRecords(
  db: DbOrTx,
  q: { committeeId: string; from: string; to: string; key: string },
) {
  if (q.key !== 'documents.issued') return null;
  const rows = await findIssuedDocuments(db, q.committeeId, q.from, q.to);
  return rows.map((r) => ({
    id: r.id,
    kind: 'document',
    title: r.number_text ? `${r.number_text} – ${r.title}` : r.title,
    date: r.date,
  }));
}

/** The registry as a source of report figures (registered with the reports module in src/wiring.ts). */
export const documentFigureSource = {
  name: 'documents',
  counts: true,
  owns: (key: string) => DOCUMENT_FIGURE_KEYS.includes(key),
  keys: () => DOCUMENT_FIGURE_KEYS,
  figures: (db: DbOrTx, ids: string[], w: { from: string; to: string }) =>
    documentReportFigures(db, ids, w.from, w.to),
  records: (db: DbOrTx, q: { committeeId: string; key: string; from: string; to: string }) =>
    documentFigureRecords(db, q),
};
