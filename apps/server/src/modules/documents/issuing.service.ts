import { formatDate } from '@steerco/contract/datetime';
import { DOCUMENT_TYPES, type DocumentType } from '@steerco/contract/documents';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertCommittee } from '../committees/access.service.ts';
import { mayActForHead } from '../committees/delegations.service.ts';
import { seatHolders } from '../committees/seats.service.ts';
import { meetingTimeline } from '../meetings/meetings.service.ts';
import { claimForIssue, moveStatus, recordIssue, takeNumber } from './documents.repo.ts';
import { getDocument, loadDocument } from './registry.service.ts';

// Approving and issuing outgoing documents (Decree 30: number, date, the signer's capacity).

const SYMBOL_SUFFIX = 'BCĐ';
export const symbolOf = (type: DocumentType) => `${DOCUMENT_TYPES[type].abbreviation}-${SYMBOL_SUFFIX}`;

/** draft → submitted (the standing agency) → approved (the head, or a deputy with the right to sign). */
export async function moveDocument(
  db: Db,
  actor: Actor,
  documentId: string,
  action: 'submit' | 'approve' | 'return',
) {
  const { doc, access } = await loadDocument(db, actor, documentId);
  if (action === 'submit') assertCommittee(actor, 'document.manage', access);
  else assertCommittee(actor, 'document.sign', access);
  const from = { submit: 'draft', approve: 'submitted', return: 'submitted' }[action];
  const to = { submit: 'submitted', approve: 'approved', return: 'draft' }[action] as
    | 'submitted'
    | 'approved'
    | 'draft';
  if (!(await moveStatus(db, documentId, from as 'draft', to)))
    throw new AppError('document.wrongState', { detail: `Trạng thái hiện tại: ${doc.status}.` });
  await recordAudit(db, {
    actorId: actor.userId,
    action: `document.${action}`,
    entityType: 'document',
    entityId: documentId,
  });
  return getDocument(db, actor, documentId);
}

/**
 * Issues an approved document: the signer must hold the right to sign on the issue date (the head: "TM. BAN
 * CHỈ ĐẠO / TRƯỞNG BAN"; a deputy under delegation: "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN"), and the next number of
 * the committee, type and year is taken in the same transaction — concurrent clerks never share a number, and
 * a failed issue leaves no gap.
 */
export async function issueDocument(
  db: Db,
  actor: Actor,
  documentId: string,
  body: { signerMembershipId: string; issuedOn?: string },
) {
  const { doc, access } = await loadDocument(db, actor, documentId);
  assertCommittee(actor, 'document.manage', access);
  if (doc.status === 'issued') throw new AppError('document.alreadyIssued');
  if (doc.status !== 'approved')
    throw new AppError('document.wrongState', { detail: 'Văn bản phải được duyệt trước khi ban hành.' });
  const issuedOn = body.issuedOn ?? clock.today();
  // The minutes and the conclusion notice of a meeting never carry a date before it, nor go out before it starts.
  if (doc.meetingId && (doc.type === 'minutes' || doc.type === 'notice')) {
    const timeline = await meetingTimeline(db, doc.meetingId);
    if (!timeline.started || issuedOn < timeline.meetingDay) {
      throw new AppError('document.beforeMeeting', {
        detail: `Cuộc họp ngày ${formatDate(timeline.meetingDay)}: ${doc.type === 'minutes' ? 'biên bản' : 'thông báo kết luận'} chỉ được ban hành từ sau giờ họp, ngày ban hành không trước ngày họp.`,
      });
    }
  }
  const held = (await seatHolders(db, [body.signerMembershipId])).get(body.signerMembershipId);
  const seat = held?.committeeId === doc.committeeId ? held : undefined;
  const right = seat
    ? await mayActForHead(db, {
        committeeId: doc.committeeId,
        userId: seat.userId,
        scope: 'signDocuments',
        date: issuedOn,
      })
    : null;
  if (!seat || !right?.allowed) throw new AppError('document.signerNotAllowed', { detail: right?.reason });
  // Minutes are signed by the chair as CHỦ TỌA (Mẫu 1.9); the others on behalf of the committee.
  const capacity =
    doc.type === 'minutes'
      ? ['CHỦ TỌA']
      : right.as === 'head'
        ? ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN']
        : ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'];
  const year = Number(issuedOn.slice(0, 4));
  const type = doc.type!;
  await db.transaction(async (tx) => {
    if (!(await claimForIssue(tx, documentId))) throw new AppError('document.alreadyIssued');
    const number = await takeNumber(tx, doc.committeeId, type, year);
    await recordIssue(tx, documentId, {
      number,
      year,
      numberText: `${String(number).padStart(2, '0')}/${symbolOf(type)}`,
      issuedOn,
      signerMembershipId: body.signerMembershipId,
      signerName: seat.name,
      signingCapacity: capacity,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'document.issued',
      entityType: 'document',
      entityId: documentId,
      data: { number, year, signer: seat.name },
    });
  });
  return getDocument(db, actor, documentId);
}
