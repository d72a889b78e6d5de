import { type Block, DOCUMENT_TYPES } from '@steerco/contract/documents';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { committeeWithUnit } from '../committees/committees.service.ts';
import { findStoredFile } from '../files/files.service.ts';
import type { DocumentRow } from './documents.repo.ts';
import { issuerName, parentAuthority } from './documents.templates.ts';
import { symbolOf } from './issuing.service.ts';
import { loadDocument } from './registry.service.ts';
import {
  type DocumentKind,
  type OfficialDocumentSpec,
  renderOfficialDocument,
} from './render/official-document.ts';
import { renderOfficialDocumentHtml } from './render/official-document-html.ts';

// A document as a file: the Decree 30 DOCX, its HTML preview, and the stored PDF.

export type { DocumentKind };

/** The model both the DOCX and the HTML preview are made from. */
export async function specOf(db: DbOrTx, doc: DocumentRow): Promise<OfficialDocumentSpec> {
  if (doc.direction !== 'outgoing' || !doc.type) throw new AppError('document.notGenerated');
  const c = await committeeWithUnit(db, doc.committeeId);
  const minutes = doc.type === 'minutes';
  return {
    issuer: { parent: parentAuthority(c!.unitName), name: issuerName(c!.name, c!.unitName) },
    number: doc.numberText,
    symbol: symbolOf(doc.type),
    place: c!.unitShortName ?? c!.unitName,
    date: doc.issuedOn,
    kind: DOCUMENT_TYPES[doc.type].kind as DocumentKind,
    title: doc.title,
    body: doc.body,
    signature: {
      capacity: minutes ? ['CHỦ TỌA'] : (doc.signingCapacity ?? ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN']),
      name: doc.signerName,
    },
    recipients: doc.recipients,
    ...(minutes ? { minutes: { secretary: doc.secretaryName } } : {}),
    draft: doc.status !== 'issued',
  };
}

/** The .docx of a document row as it stands (a draft shows blanks for number and date, and "DỰ THẢO"). */
export async function docxOf(db: DbOrTx, doc: DocumentRow) {
  const buffer = await renderOfficialDocument(await specOf(db, doc));
  // "01-TB-BCĐ.docx" once numbered (the number already names the type), "du-thao-TB-BCĐ.docx" before.
  const name = `${doc.numberText?.replaceAll('/', '-') ?? `du-thao-${symbolOf(doc.type!)}`}.docx`;
  return { buffer, name };
}

export async function renderDocumentDocx(db: Db, actor: Actor, documentId: string) {
  const { doc } = await loadDocument(db, actor, documentId);
  return docxOf(db, doc);
}

/** The preview: the same model laid out as HTML. */
export async function previewDocument(db: Db, actor: Actor, documentId: string) {
  const { doc } = await loadDocument(db, actor, documentId);
  return { html: renderOfficialDocumentHtml(await specOf(db, doc)) };
}

/** The stored PDF of an issued document (404 until LibreOffice has made it, or when it is not installed). */
export async function documentPdf(db: Db, actor: Actor, documentId: string) {
  const { doc } = await loadDocument(db, actor, documentId);
  if (!doc.pdfFileId) throw new AppError('document.pdfUnavailable');
  const file = await findStoredFile(db, doc.pdfFileId);
  if (!file) throw new AppError('document.pdfUnavailable');
  return file;
}

/**
 * A Decree 30 DOCX in the committee's name from a body another module assembles, not registered as a document
 * (e.g. the annual evaluation's member sheet and summary, R17): the same header, title, signature and layout.
 */
export async function renderCommitteeDocx(
  db: DbOrTx,
  committeeId: string,
  d: {
    kind: DocumentKind;
    symbol: string;
    title: string;
    body: Block[];
    date: string | null;
    signature: { capacity: string[]; name: string | null };
    recipients: string[];
  },
) {
  const c = await committeeWithUnit(db, committeeId);
  if (!c) throw new AppError('committee.notFound');
  return renderOfficialDocument({
    issuer: { parent: parentAuthority(c.unitName), name: issuerName(c.name, c.unitName) },
    number: null,
    symbol: d.symbol,
    place: c.unitShortName ?? c.unitName,
    date: d.date,
    kind: d.kind,
    title: d.title,
    body: d.body,
    signature: d.signature,
    recipients: d.recipients,
  });
}
