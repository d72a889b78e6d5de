import type { Block, DocumentType, TemplateDraftBody } from '@steerco/contract/documents';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertCommittee, loadCommitteeAccess } from '../committees/access.service.ts';
import { committeeWithUnit } from '../committees/committees.service.ts';
import { insertDraftRows, insertDraftVersion, isDocumentOf, type NewDraft } from './documents.repo.ts';
import { decisionBody, issuerName, planBody, reportBody } from './documents.templates.ts';
import { getDocument, loadDocument } from './registry.service.ts';

// Drafting outgoing documents: free, from a template (plan, report, decision), and editing drafts as versions.

/** An outgoing draft (version 1) in the caller's transaction, audited. */
export async function insertDraft(tx: DbOrTx, actor: Actor, committeeId: string, d: NewDraft) {
  const id = uuidv7();
  await insertDraftRows(tx, id, committeeId, actor.userId, d);
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'document.drafted',
    entityType: 'document',
    entityId: id,
    data: { type: d.type },
  });
  return id;
}

export async function createDocument(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: {
    type: DocumentType;
    title: string;
    body: Block[];
    recipients: string[];
    referencesId?: string | null;
  },
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'document.manage', access);
  if (body.referencesId) await assertSameCommittee(db, body.referencesId, committeeId);
  const id = await db.transaction((tx) => insertDraft(tx, actor, committeeId, body));
  return getDocument(db, actor, id);
}

const DEFAULT_RECIPIENTS: Record<'plan' | 'report' | 'decision', string[]> = {
  plan: ['UBND quận (để báo cáo)', 'Các thành viên Ban Chỉ đạo', 'Lưu: VT, VP'],
  report: ['UBND quận (để báo cáo)', 'Thường trực Đảng ủy, HĐND phường', 'Lưu: VT, VP'],
  decision: ['Như Điều 3', 'Lưu: VT, VP'],
};

/** Drafts a plan, a report or a decision from its form: free-text sections, the plan's items, the decision's articles. */
export async function createFromTemplate(db: Db, actor: Actor, committeeId: string, body: TemplateDraftBody) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'document.manage', access);
  let blocks: Block[];
  if (body.template === 'plan') blocks = planBody(body);
  else if (body.template === 'report') blocks = reportBody(body);
  else {
    const c = await committeeWithUnit(db, committeeId);
    blocks = decisionBody({ ...body, authority: issuerName(c!.name, c!.unitName) });
  }
  const id = await db.transaction((tx) =>
    insertDraft(tx, actor, committeeId, {
      type: body.template,
      title: body.title,
      body: blocks,
      recipients: body.recipients ?? DEFAULT_RECIPIENTS[body.template],
    }),
  );
  return getDocument(db, actor, id);
}

async function assertSameCommittee(db: DbOrTx, documentId: string, committeeId: string) {
  if (!(await isDocumentOf(db, documentId, committeeId)))
    throw new AppError('document.notFound', {
      detail: 'Văn bản được tham chiếu không thuộc Ban Chỉ đạo này.',
    });
}

/** Edits a draft (or a returned one) as a new version; an issued document never changes — correct it with a new one. */
export async function updateDocument(
  db: Db,
  actor: Actor,
  documentId: string,
  body: { title?: string; body?: Block[]; recipients?: string[]; referencesId?: string | null },
) {
  const { doc, access } = await loadDocument(db, actor, documentId);
  assertCommittee(actor, 'document.manage', access);
  if (doc.status !== 'draft') throw new AppError('document.immutable');
  const next = {
    title: body.title ?? doc.title,
    body: body.body ?? doc.body,
    recipients: body.recipients ?? doc.recipients,
  };
  await db.transaction(async (tx) => {
    if (!(await insertDraftVersion(tx, documentId, next, actor.userId)))
      throw new AppError('document.immutable');
  });
  return getDocument(db, actor, documentId);
}
