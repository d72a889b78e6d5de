import type { StoredFile as FileDto } from '@steerco/contract/files';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import type { FileStore } from '../files/file-store.service.ts';
import { storeFile, toFileDto } from '../files/files.service.ts';
import {
  countAgendaDocuments,
  deleteAgendaDocument,
  findAgendaItem,
  insertAgendaDocument,
} from './agenda.repo.ts';
import { loadMeeting } from './meeting-access.service.ts';
import { assertChangeable, assertManage } from './meetings.policy.ts';

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
  if (!(await findAgendaItem(db, meetingId, itemId))) throw new AppError('meeting.agendaItemNotFound');
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
    await findAgendaItem(tx, meetingId, itemId, { forUpdate: true });
    const { n, last } = await countAgendaDocuments(tx, itemId);
    if (n >= MAX_DOCUMENTS_PER_ITEM) throw new AppError('meeting.tooManyDocuments');
    const row = await storeFile(tx, store, actor.userId, meeting.committeeId, upload, AGENDA_TYPES);
    await insertAgendaDocument(tx, {
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
    if (!(await deleteAgendaDocument(tx, itemId, fileId))) throw new AppError('meeting.documentNotFound');
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.documentRemoved',
      entityType: 'meeting',
      entityId: meetingId,
      data: { agendaItemId: itemId, fileId },
    });
  });
}
