import type { TaskProposal } from '@steerco/contract/meetings';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertDomains } from '../committees/committees.service.ts';
import { areSeatsOf } from '../committees/seats.service.ts';
import { assertUnitsExist } from '../units/units.service.ts';
import { findPersons } from '../users/users.service.ts';
import { attendanceOf } from './attendance.service.ts';
import { type LoadedMeeting, loadMeeting, managesOrChairs } from './meeting-access.service.ts';
import { hasStarted } from './meeting-time.ts';
import { assertManage, assertMinutesEditable, assertMinutesOpen } from './meetings.policy.ts';
import { lockMeeting, updateMeetingRow } from './meetings.repo.ts';
import {
  findConclusions,
  findMinutes,
  findOpinions,
  replaceConclusions,
  upsertMinutes,
} from './minutes.repo.ts';
import { agendaOf } from './reads.service.ts';

// The minutes and the conclusions while they are written (R5, R13): notes per agenda item, the conclusions with
// their task proposals. Submitting, returning and approving them is approval.service.ts.

/** The minutes as they will be printed: notes per agenda item, attendance and written opinions inserted. */
export async function getMinutes(db: Db, actor: Actor, meetingId: string) {
  return minutesOf(db, actor, await loadMeeting(db, actor, meetingId));
}

/** The minutes of a meeting already loaded for the actor (see getMinutes). */
export async function minutesOf(db: DbOrTx, actor: Actor, loaded: LoadedMeeting) {
  const meetingId = loaded.meeting.id;
  const row = await findMinutes(db, meetingId);
  // Until approved, minutes are a working document of the standing agency and the chair.
  if (row?.status !== 'approved' && !(await managesOrChairs(db, actor, loaded)))
    throw new AppError('permission.denied');
  const agenda = await agendaOf(db, meetingId);
  const approver = row?.approvedBy
    ? (await findPersons(db, [row.approvedBy])).get(row.approvedBy)
    : undefined;
  return {
    status: row?.status ?? 'draft',
    summary: row?.summary ?? null,
    notes: agenda.map((a) => ({
      agendaItemId: a.id,
      agendaTitle: a.title,
      text: row?.notes.find((n) => n.agendaItemId === a.id)?.text ?? '',
      carriedTasks: a.carriedTasks,
    })),
    attendance: await attendanceOf(db, loaded),
    opinions: await findOpinions(db, meetingId),
    conclusions: await findConclusions(db, meetingId),
    returnComment: row?.returnComment ?? null,
    approvedAt: row?.approvedAt?.toISOString() ?? null,
    approvedBy: approver?.fullName ?? null,
  };
}

export async function saveMinutes(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: { summary?: string | null; notes: { agendaItemId: string; text: string }[] },
) {
  const loaded = await loadMeeting(db, actor, meetingId);
  assertManage(actor, loaded.access);
  assertMinutesOpen(loaded.meeting);
  const agendaIds = new Set((await agendaOf(db, meetingId)).map((a) => a.id));
  if (body.notes.some((n) => !agendaIds.has(n.agendaItemId)))
    throw new AppError('meeting.agendaItemNotFound');
  await db.transaction(async (tx) => {
    assertMinutesEditable((await findMinutes(tx, meetingId))?.status);
    await upsertMinutes(tx, meetingId, { summary: body.summary ?? null, notes: body.notes });
    // Minutes may be drafted before the meeting; it is held only from its start time.
    if (hasStarted(loaded.meeting, clock.now()))
      await updateMeetingRow(tx, meetingId, { status: 'held' }, { onlyIfStatus: 'noticeSent' });
  });
  return getMinutes(db, actor, meetingId);
}

/** R1: every proposed task is led by a unit that exists or by a seat of this committee. */
async function assertTaskLeads(db: DbOrTx, committeeId: string, tasks: TaskProposal[]) {
  const unitIds = tasks
    .flatMap((t) => [t.leadUnitId, ...t.cooperatingUnitIds])
    .filter((x): x is string => !!x);
  await assertUnitsExist(db, unitIds, 'Đơn vị chủ trì hoặc phối hợp không tồn tại.');
  const seatIds = tasks.map((t) => t.leadMembershipId).filter((x): x is string => !!x);
  if (!(await areSeatsOf(db, committeeId, seatIds)))
    throw new AppError('membership.notFound', { detail: 'Thành viên chủ trì không thuộc Ban Chỉ đạo.' });
}

/** Replaces the list of conclusions while the minutes are not yet submitted or approved. */
export async function saveConclusions(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: { items: { text: string; domain?: string | null; tasks: TaskProposal[] }[] },
) {
  const loaded = await loadMeeting(db, actor, meetingId);
  assertManage(actor, loaded.access);
  assertMinutesOpen(loaded.meeting);
  await assertDomains(
    db,
    loaded.meeting.committeeId,
    body.items.map((i) => i.domain),
  );
  await assertTaskLeads(
    db,
    loaded.meeting.committeeId,
    body.items.flatMap((i) => i.tasks),
  );
  await db.transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    assertMinutesEditable((await findMinutes(tx, meetingId))?.status);
    await replaceConclusions(tx, meetingId, body.items);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.conclusionsSaved',
      entityType: 'meeting',
      entityId: meetingId,
      data: { count: body.items.length },
    });
  });
  return getMinutes(db, actor, meetingId);
}
