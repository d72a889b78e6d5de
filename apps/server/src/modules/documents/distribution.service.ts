import { formatDate } from '@steerco/contract/datetime';
import { DOCUMENT_TYPES } from '@steerco/contract/documents';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertCommittee } from '../committees/access.service.ts';
import { seatedOn } from '../committees/seats.service.ts';
import type { FileStore } from '../files/file-store.service.ts';
import { findStoredFile } from '../files/files.service.ts';
import { type EmailAttachment, enqueueEmail, renderEmail } from '../mail/mail.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findPersons } from '../users/users.service.ts';
import { insertDistributions } from './documents.repo.ts';
import { getDocument, loadDocument } from './registry.service.ts';
import { docxOf } from './rendering.service.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Sends an issued document to committee members — the seats chosen or every member in office today — in the
 * app and by e-mail with the DOCX (and the PDF once made) attached, and records who got it and when. A member
 * already sent the document is skipped, so sending again only reaches the new names.
 */
export async function distributeDocument(
  db: Db,
  store: FileStore,
  actor: Actor,
  documentId: string,
  body: { membershipIds?: string[]; allMembers?: boolean },
) {
  const { doc, access } = await loadDocument(db, actor, documentId);
  assertCommittee(actor, 'document.manage', access);
  if (doc.status !== 'issued')
    throw new AppError('document.wrongState', { detail: 'Chỉ gửi được văn bản đã ban hành.' });
  const holders = await seatedOn(
    db,
    doc.committeeId,
    clock.today(),
    body.allMembers ? undefined : (body.membershipIds ?? []),
  );
  const persons = await findPersons(db, holders);
  // Each person once, in a stable order (by id), as they are recorded and mailed.
  const people = [...persons.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => ({ userId: p.id, fullName: p.fullName, email: p.email }));
  if (!body.allMembers && people.length < new Set(body.membershipIds).size)
    throw new AppError('document.unknownRecipient');
  const { buffer, name } = await docxOf(db, doc);
  const attachments: EmailAttachment[] = [
    { filename: name, contentType: DOCX_MIME, content: buffer.toString('base64'), encoding: 'base64' },
  ];
  if (doc.pdfFileId) {
    const pdf = await findStoredFile(db, doc.pdfFileId);
    if (pdf) {
      const bytes = await streamToBuffer(store.open(pdf.storageKey));
      attachments.push({
        filename: pdf.originalName,
        contentType: 'application/pdf',
        content: bytes.toString('base64'),
        encoding: 'base64',
      });
    }
  }
  const kind = DOCUMENT_TYPES[doc.type!].label;
  const subject = `${kind} số ${doc.numberText}: ${doc.title}`;
  const queued: (string | null)[] = [];
  await db.transaction(async (tx) => {
    const sent = await insertDistributions(tx, documentId, people, actor.userId);
    const fresh = people.filter((p) => sent.includes(p.userId));
    await notify(
      tx,
      fresh.map((p) => ({
        userId: p.userId,
        kind: 'document.distributed',
        title: subject,
        body: `Ban hành ngày ${formatDate(doc.issuedOn!)}${doc.signerName ? `, người ký: ${doc.signerName}` : ''}.`,
        link: `/van-ban/${documentId}`,
      })),
    );
    for (const p of fresh) {
      if (!p.email) continue;
      const { html, text } = renderEmail({
        title: subject,
        paragraphs: [
          `Kính gửi đồng chí ${p.fullName},`,
          `Ban Chỉ đạo gửi đồng chí ${kind.toLowerCase()} số ${doc.numberText} ngày ${formatDate(doc.issuedOn!)}: ${doc.title}.`,
          'Văn bản được đính kèm thư này.',
        ],
        footer:
          'Thư tự động từ hệ thống điều hành Ban Chỉ đạo. Văn bản cũng có trong sổ văn bản của hệ thống.',
      });
      queued.push(
        await enqueueEmail(tx, {
          toAddress: p.email,
          toName: p.fullName,
          subject,
          text,
          html,
          attachments,
          dedupeKey: `document:${documentId}:${p.userId}`,
        }),
      );
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'document.distributed',
      entityType: 'document',
      entityId: documentId,
      data: { recipients: fresh.map((p) => p.userId) },
    });
  });
  return { queued, document: await getDocument(db, actor, documentId) };
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
