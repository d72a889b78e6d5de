import type { StoredFile as FileDto } from '@steerco/contract/files';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import type { FileStore } from '../files/file-store.service.ts';
import { storeFile, toFileDto } from '../files/files.service.ts';
import { agendaItemDocuments, agendaItems } from './meetings.schema.ts';
import { assertChangeable, assertManage, loadMeeting } from './meetings.service.ts';

/** Members read these before the meeting; twenty per item is far more than any real agenda item carries. */
const MAX_DOCUMENTS_PER_ITEM = 20;
const AGENDA_TYPES = {
  extensions: ['pdf', 'docx', 'xlsx'],
  message: 'Tài liệu họp chỉ nhận tệp PDF, Word (.docx) hoặc Excel (.xlsx).',
};

/** The meeting is still being prepared (draft or noticed) and the item is one of its agenda items. */
async function editableItem(db: Db, actor: Actor, meetingId: string, itemId: string) {
  const { meeting, access } = await loadMeeting(db, actor, meetingId);
  assertManage(actor, access);
  assertChangeable(meeting, { agenda: true });
  const [item] = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) throw new AppError('meeting.agendaItemNotFound');
  return meeting;
}

/**
 * Attaches a document (PDF, DOCX or XLSX, checked by content; size limited by the upload limit) to an agenda
 * item. The row and the link are written in one transaction; the item is locked so two uploads at once cannot
 * both take the last free place.
 */
export async function addAgendaDocument(
  db: Db,
  store: FileStore,
  actor: Actor,
  meetingId: string,
  itemId: string,
  upload: { filename: string; data: Buffer },
): Promise<FileDto> {
  const meeting = await editableItem(db, actor, meetingId, itemId);
  const file = await db.transaction(async (tx) => {
    await tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.id, itemId)).for('update');
    const [{ n, last } = { n: 0, last: 0 }] = await tx
      .select({
        n: sql<number>`count(*)::int`,
        last: sql<number>`coalesce(max(${agendaItemDocuments.position}), 0)::int`,
      })
      .from(agendaItemDocuments)
      .where(eq(agendaItemDocuments.agendaItemId, itemId));
    if (n >= MAX_DOCUMENTS_PER_ITEM) throw new AppError('meeting.tooManyDocuments');
    const row = await storeFile(tx, store, actor.userId, meeting.committeeId, upload, AGENDA_TYPES);
    await tx.insert(agendaItemDocuments).values({
      agendaItemId: itemId,
      fileId: row.id,
      position: last + 1,
      addedBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.documentAdded',
      entityType: 'meeting',
      entityId: meetingId,
      data: { agendaItemId: itemId, fileId: row.id, name: row.originalName },
    });
    return row;
  });
  return toFileDto(file);
}

/** Takes a document off the agenda item; the file itself is kept (the audit trail refers to it). */
export async function removeAgendaDocument(
  db: Db,
  actor: Actor,
  meetingId: string,
  itemId: string,
  fileId: string,
): Promise<void> {
  await editableItem(db, actor, meetingId, itemId);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(agendaItemDocuments)
      .where(and(eq(agendaItemDocuments.agendaItemId, itemId), eq(agendaItemDocuments.fileId, fileId)))
      .returning({ fileId: agendaItemDocuments.fileId });
    if (!removed.length) throw new AppError('meeting.documentNotFound');
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.documentRemoved',
      entityType: 'meeting',
      entityId: meetingId,
      data: { agendaItemId: itemId, fileId },
    });
  });
}
