import type { Block, DocumentType, OfficialDocument } from '@steerco/contract/documents';
import { and, asc, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { usersView } from '../users/users.service.ts';
import { documentCounters, documentDistributions, documents, documentVersions } from './documents.schema.ts';

export type DocumentRow = typeof documents.$inferSelect;
type Distribution = OfficialDocument['distributions'][number];

/** Plain text of a block, for full-text search. */
function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return b.text;
    case 'numbered':
      return b.items.join(' ');
    case 'basis':
      return b.lines.join(' ');
    case 'field':
      return `${b.label} ${b.value}`;
    case 'article':
      return `Điều ${b.number}. ${b.title ?? ''} ${b.text}`;
    case 'table':
      return [b.columns, ...b.rows].map((r) => r.join(' ')).join(' ');
  }
}
const textOf = (body: Block[]) => body.map(blockText).join(' ');

export function toDocumentDto(d: DocumentRow, distributions: Distribution[] = []): OfficialDocument {
  return {
    id: d.id,
    committeeId: d.committeeId,
    direction: d.direction,
    type: d.type,
    status: d.status,
    number: d.number,
    numberText: d.numberText,
    issuedOn: d.issuedOn,
    title: d.title,
    body: d.body,
    recipients: d.recipients,
    signerName: d.signerName,
    signingCapacity: d.signingCapacity,
    issuer: d.issuer,
    deadline: d.deadline,
    meetingId: d.meetingId,
    referencesId: d.referencesId,
    version: d.version,
    fileId: d.fileId,
    pdfAvailable: d.pdfFileId !== null,
    secretaryName: d.secretaryName,
    distributions,
    createdAt: d.createdAt.toISOString(),
  };
}

/** The distribution lists of documents, oldest send first. */
export async function findDistributions(db: DbOrTx, documentIds: string[]) {
  const out = new Map<string, Distribution[]>();
  if (!documentIds.length) return out;
  const rows = await db
    .select()
    .from(documentDistributions)
    .where(inArray(documentDistributions.documentId, documentIds))
    .orderBy(asc(documentDistributions.sentAt), asc(documentDistributions.fullName));
  for (const r of rows) {
    const list = out.get(r.documentId) ?? [];
    list.push({ userId: r.userId, fullName: r.fullName, email: r.email, sentAt: r.sentAt.toISOString() });
    out.set(r.documentId, list);
  }
  return out;
}

export async function findDocumentRow(db: DbOrTx, documentId: string) {
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  return doc;
}

export async function isDocumentOf(db: DbOrTx, documentId: string, committeeId: string) {
  const [ref] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.committeeId, committeeId)));
  return !!ref;
}

/** An incoming document (a directive from a higher level) of the committee: when it was issued or recorded. */
export async function findIncomingDocument(db: DbOrTx, committeeId: string, documentId: string) {
  const [doc] = await db
    .select({ issuedOn: documents.issuedOn, createdAt: documents.createdAt })
    .from(documents)
    .where(
      and(
        eq(documents.id, documentId),
        eq(documents.committeeId, committeeId),
        eq(documents.direction, 'incoming'),
      ),
    );
  return doc;
}

/** The title and status of these documents, by id. */
export async function findDocumentHeads(db: DbOrTx, ids: string[]) {
  return ids.length
    ? db
        .select({ id: documents.id, title: documents.title, status: documents.status })
        .from(documents)
        .where(inArray(documents.id, ids))
    : [];
}

export interface NewDraft {
  type: DocumentType;
  title: string;
  body: Block[];
  recipients: string[];
  meetingId?: string | null;
  referencesId?: string | null;
  secretaryName?: string | null;
}

/** An outgoing draft and its version 1. */
export async function insertDraftRows(
  tx: DbOrTx,
  id: string,
  committeeId: string,
  createdBy: string,
  d: NewDraft,
) {
  await tx.insert(documents).values({
    id,
    committeeId,
    direction: 'outgoing',
    type: d.type,
    status: 'draft',
    title: d.title,
    body: d.body,
    bodyText: textOf(d.body),
    recipients: d.recipients,
    meetingId: d.meetingId ?? null,
    referencesId: d.referencesId ?? null,
    secretaryName: d.secretaryName ?? null,
    createdBy,
  });
  await tx.insert(documentVersions).values({
    id: uuidv7(),
    documentId: id,
    version: 1,
    title: d.title,
    body: d.body,
    recipients: d.recipients,
    createdBy,
  });
}

/** The draft's next version (false when it is no longer a draft). */
export async function insertDraftVersion(
  tx: DbOrTx,
  documentId: string,
  next: { title: string; body: Block[]; recipients: string[] },
  createdBy: string,
) {
  const [updated] = await tx
    .update(documents)
    .set({
      ...next,
      bodyText: textOf(next.body),
      version: sql`${documents.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(documents.id, documentId), eq(documents.status, 'draft')))
    .returning({ version: documents.version });
  if (!updated) return false;
  await tx
    .insert(documentVersions)
    .values({ id: uuidv7(), documentId, version: updated.version, ...next, createdBy });
  return true;
}

/** Moves a document from one status to another (false when it was not in `from`). */
export async function moveStatus(
  db: DbOrTx,
  documentId: string,
  from: 'draft' | 'submitted' | 'approved',
  to: 'draft' | 'submitted' | 'approved' | 'issued',
) {
  const updated = await db
    .update(documents)
    .set({ status: to, updatedAt: sql`now()` })
    .where(and(eq(documents.id, documentId), eq(documents.status, from)))
    .returning({ id: documents.id });
  return updated.length > 0;
}

/** Claims an approved document for issuing (false when another clerk got there first). */
export async function claimForIssue(tx: DbOrTx, documentId: string) {
  const [claimed] = await tx
    .update(documents)
    .set({ status: 'issued' })
    .where(and(eq(documents.id, documentId), eq(documents.status, 'approved')))
    .returning({ id: documents.id });
  return !!claimed;
}

/** The committee's next number for the type and year, in the caller's transaction (no gap, never shared). */
export async function takeNumber(tx: DbOrTx, committeeId: string, type: DocumentType, year: number) {
  const [counter] = await tx
    .insert(documentCounters)
    .values({ committeeId, type, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.committeeId, documentCounters.type, documentCounters.year],
      set: { lastNumber: sql`${documentCounters.lastNumber} + 1` },
    })
    .returning({ n: documentCounters.lastNumber });
  return counter!.n;
}

export async function recordIssue(
  tx: DbOrTx,
  documentId: string,
  issue: {
    number: number;
    year: number;
    numberText: string;
    issuedOn: string;
    signerMembershipId: string;
    signerName: string;
    signingCapacity: string[];
  },
) {
  await tx
    .update(documents)
    .set({ ...issue, updatedAt: sql`now()` })
    .where(eq(documents.id, documentId));
}

export async function insertIncoming(db: DbOrTx, row: typeof documents.$inferInsert) {
  await db.insert(documents).values(row);
}

export interface RegistryQuery {
  committeeId: string;
  q?: string;
  type?: DocumentType;
  direction?: 'outgoing' | 'incoming';
  from?: string;
  to?: string;
  number?: string;
  issuer?: string;
}

/** The registry: by number, date range, type, direction, and full text with or without diacritics. */
export async function findDocuments(db: DbOrTx, q: RegistryQuery) {
  const where: SQL[] = [eq(documents.committeeId, q.committeeId)];
  if (q.q) where.push(sql`${documents.search} @@ plainto_tsquery('simple'::regconfig, steerco_fold(${q.q}))`);
  if (q.type) where.push(eq(documents.type, q.type));
  if (q.direction) where.push(eq(documents.direction, q.direction));
  if (q.from) where.push(gte(documents.issuedOn, q.from));
  if (q.to) where.push(lte(documents.issuedOn, q.to));
  if (q.number) where.push(sql`steerco_fold(${documents.numberText}) like steerco_fold(${q.number}) || '%'`);
  if (q.issuer) {
    const pattern = `%${q.issuer.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`steerco_fold(${documents.issuer}) like steerco_fold(${pattern})`);
  }
  return db
    .select()
    .from(documents)
    .where(and(...where))
    .orderBy(desc(documents.issuedOn), desc(documents.createdAt))
    .limit(200);
}

const versionAuthor = usersView('version_author');

/** The saved versions of a document, newest first, with who saved each. */
export async function findVersions(db: DbOrTx, documentId: string) {
  const rows = await db
    .select({
      version: documentVersions.version,
      title: documentVersions.title,
      createdAt: documentVersions.createdAt,
      createdBy: versionAuthor.fullName,
    })
    .from(documentVersions)
    .leftJoin(versionAuthor, eq(versionAuthor.id, documentVersions.createdBy))
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.version));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Records who was sent the document; those already sent it are skipped. Answers the people newly sent it. */
export async function insertDistributions(
  tx: DbOrTx,
  documentId: string,
  people: { userId: string; fullName: string; email: string | null }[],
  sentBy: string,
) {
  if (!people.length) return [];
  const sent = await tx
    .insert(documentDistributions)
    .values(people.map((p) => ({ id: uuidv7(), documentId, ...p, sentBy })))
    .onConflictDoNothing()
    .returning({ userId: documentDistributions.userId });
  return sent.map((s) => s.userId);
}

/** Records the document's PDF, once: false when another job recorded one first. */
export async function setPdfFile(tx: DbOrTx, documentId: string, fileId: string) {
  const updated = await tx
    .update(documents)
    .set({ pdfFileId: fileId })
    .where(and(eq(documents.id, documentId), isNull(documents.pdfFileId)))
    .returning({ id: documents.id });
  return updated.length > 0;
}
