import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getSettings } from '../committees/committees.service.ts';
import { assertFileOfCommittee } from '../files/files.service.ts';
import { findAgendaItem } from './agenda.repo.ts';
import { findAttendee, findAttendeesByName } from './attendees.repo.ts';
import { loadMeeting, managesOrChairs } from './meeting-access.service.ts';
import { owesOpinions } from './meetings.policy.ts';
import { findOpinions, upsertOpinion } from './minutes.repo.ts';
import { agendaOf } from './reads.service.ts';

// Written opinions (R12): those excused from a meeting send their opinion on the items that take opinions.

/**
 * R12: submits (or replaces) a written opinion on an agenda item that takes opinions, before the meeting starts.
 * Only those who owe one may write it; the chair and the standing agency read them, and they go into the minutes.
 */
export async function submitOpinion(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: { agendaItemId: string; text: string; fileId?: string | null },
) {
  const loaded = await loadMeeting(db, actor, meetingId);
  if (!loaded.myAttendeeId) throw new AppError('meeting.notInvited');
  const me = await findAttendee(db, meetingId, loaded.myAttendeeId);
  if (!me || !owesOpinions(me)) throw new AppError('meeting.opinionNotExpected');
  if (clock.now() >= loaded.meeting.startsAt) throw new AppError('meeting.opinionClosed');
  const item = await findAgendaItem(db, meetingId, body.agendaItemId);
  if (!item) throw new AppError('meeting.agendaItemNotFound');
  if (!item.takesOpinions)
    throw new AppError('meeting.opinionNotExpected', {
      detail: 'Nội dung này không lấy ý kiến bằng văn bản.',
    });
  if (body.fileId) await assertFileOfCommittee(db, body.fileId, loaded.meeting.committeeId);
  await db.transaction(async (tx) => {
    await upsertOpinion(
      tx,
      {
        meetingId,
        agendaItemId: body.agendaItemId,
        attendeeId: me.id,
        text: body.text,
        fileId: body.fileId ?? null,
      },
      clock.now(),
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.opinionSubmitted',
      entityType: 'meeting',
      entityId: meetingId,
      data: { agendaItemId: body.agendaItemId },
    });
  });
  return listOpinions(db, actor, meetingId);
}

/** Opinions the actor may read, and — for the chair and the standing agency — who still owes which (R12). */
export async function listOpinions(db: Db, actor: Actor, meetingId: string) {
  const loaded = await loadMeeting(db, actor, meetingId);
  const all = await findOpinions(db, meetingId);
  if (!(await managesOrChairs(db, actor, loaded))) {
    return { items: all.filter((o) => o.attendeeId === loaded.myAttendeeId), missing: [] };
  }
  const settings = await getSettings(db, loaded.meeting.committeeId);
  const majorItems = (await agendaOf(db, meetingId)).filter((a) => a.takesOpinions);
  const missing = settings.absenteeWrittenOpinionRequired
    ? (await findAttendeesByName(db, meetingId)).flatMap(({ a, fullName }) =>
        owesOpinions(a)
          ? majorItems
              .filter((item) => !all.some((o) => o.attendeeId === a.id && o.agendaItemId === item.id))
              .map((item) => ({ attendeeId: a.id, fullName, agendaItemId: item.id, agendaTitle: item.title }))
          : [],
      )
    : [];
  return { items: all, missing };
}
