import { DOCUMENT_TYPES } from '@steerco/contract/documents';
import type { InboxEntry } from '@steerco/contract/inbox';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { type CommitteeAccess, committeesWhere } from '../committees/access.service.ts';
import { findSubmittedDocuments } from './inbox.repo.ts';

/**
 * Documents submitted by the standing agency and waiting for the signature (approval) of the head or a deputy
 * who signs by delegation (R4) — the same `document.sign` right the approval checks. For the inbox (issue 19).
 */
export async function documentsWaitingFor(
  db: Db,
  actor: Actor,
  seats: CommitteeAccess[],
): Promise<InboxEntry[]> {
  const rows = await findSubmittedDocuments(db, committeesWhere(actor, 'document.sign', seats));
  return rows.map((d) => ({
    kind: 'documentSign',
    id: d.id,
    title: d.title,
    detail: d.type ? DOCUMENT_TYPES[d.type].label : null,
    committeeId: d.committeeId,
    at: d.updatedAt.toISOString(),
    target: { type: 'document', id: d.id },
  }));
}
