import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import {
  assertCommittee,
  type CommitteeAccess,
  loadCommitteeAccess,
  seesContactDetails,
} from '../committees/access.service.ts';
import { assertFileOfCommittee } from '../files/files.service.ts';
import {
  findDistributions,
  findDocumentHeads,
  findDocumentRow,
  findDocuments,
  findVersions,
  insertIncoming,
  type RegistryQuery,
  toDocumentDto,
} from './documents.repo.ts';

// The committee's register of documents: reading it, recording incoming ones, and what other modules may ask.

export { findIncomingDocument } from './documents.repo.ts';

/** The title and status of these documents, by id (unknown ids are left out). */
export async function documentHeads(db: DbOrTx, ids: string[]) {
  const rows = await findDocumentHeads(db, [...new Set(ids)]);
  return new Map(rows.map((d) => [d.id, d]));
}

/** A document the actor may see, with the standing on its committee; 404 otherwise. */
export async function loadDocument(db: DbOrTx, actor: Actor, documentId: string) {
  const doc = await findDocumentRow(db, documentId);
  if (!doc) throw new AppError('document.notFound');
  const { access } = await loadCommitteeAccess(db, actor, doc.committeeId).catch(() => {
    throw new AppError('document.notFound');
  });
  return { doc, access };
}

export async function getDocument(db: DbOrTx, actor: Actor, documentId: string) {
  const { doc, access } = await loadDocument(db, actor, documentId);
  const sent = (await findDistributions(db, [doc.id])).get(doc.id);
  return toDocumentDto(doc, sent && withContactsFor(actor, access, sent));
}

/** The distribution list as the actor may see it: e-mail addresses only for managers, or one's own (#17). */
function withContactsFor<T extends { userId: string; email: string | null }>(
  actor: Actor,
  access: CommitteeAccess,
  list: T[],
): T[] {
  if (seesContactDetails(actor, access)) return list;
  return list.map((d) => (d.userId === actor.userId ? d : { ...d, email: null }));
}

/** Records a document received from a higher level (a directive), with its deadline if any. */
export async function registerIncoming(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: {
    numberText: string;
    issuedOn: string;
    issuer: string;
    title: string;
    deadline?: string | null;
    fileId?: string | null;
  },
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'document.manage', access);
  if (body.fileId) await assertFileOfCommittee(db, body.fileId, committeeId);
  const id = uuidv7();
  await insertIncoming(db, {
    id,
    committeeId,
    direction: 'incoming',
    type: null,
    status: 'received',
    numberText: body.numberText,
    issuedOn: body.issuedOn,
    issuer: body.issuer,
    title: body.title,
    deadline: body.deadline ?? null,
    fileId: body.fileId ?? null,
    createdBy: actor.userId,
  });
  await recordAudit(db, {
    actorId: actor.userId,
    action: 'document.received',
    entityType: 'document',
    entityId: id,
    data: body,
  });
  return getDocument(db, actor, id);
}

/** The registry: by number, date range, type, direction, and full text with or without diacritics. */
export async function listDocuments(db: Db, actor: Actor, q: RegistryQuery) {
  const { access } = await loadCommitteeAccess(db, actor, q.committeeId);
  const rows = await findDocuments(db, q);
  const sent = await findDistributions(
    db,
    rows.filter((r) => r.status === 'issued').map((r) => r.id),
  );
  const visible = (id: string) => {
    const list = sent.get(id);
    return list && withContactsFor(actor, access, list);
  };
  return { items: rows.map((r) => toDocumentDto(r, visible(r.id))), total: rows.length };
}

/** The saved versions of a document, newest first: a revision never overwrites the earlier text. */
export async function listVersions(db: Db, actor: Actor, documentId: string) {
  await loadDocument(db, actor, documentId);
  return { items: await findVersions(db, documentId) };
}
