import { formatDateTime } from '@steerco/contract/datetime';
import type { AttendanceStatus, TaskProposal } from '@steerco/contract/meetings';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { emit } from '../../events/bus.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { seatInForce } from '../committees/access.service.ts';
import { memberships } from '../committees/committees.schema.ts';
import { assertDomains, getSettings } from '../committees/committees.service.ts';
import { assertFileOfCommittee } from '../files/files.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import { findConclusions } from './conclusions.repo.ts';
import { checkInOpensAt, hasStarted, isOver } from './meeting-time.ts';
import {
  agendaItems,
  conclusions,
  meetingAttendees,
  meetingMinutes,
  meetings,
  writtenOpinions,
} from './meetings.schema.ts';
import { actorChairs, agendaOf, assertManage, loadMeeting } from './meetings.service.ts';

type AttendeeRow = typeof meetingAttendees.$inferSelect;

/** R12: who owes written opinions — an approved absentee, or a member sending a substitute (not refused). */
const owesOpinions = (a: AttendeeRow) =>
  a.kind === 'member' &&
  ((a.response === 'absent' && a.approval === 'approved') ||
    (a.response === 'substitute' && a.approval !== 'rejected'));

async function attendeeRows(db: DbOrTx, meetingId: string) {
  return db
    .select({ a: meetingAttendees, fullName: users.fullName })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(sql`steerco_name_key(${users.fullName}) collate steerco_vi`);
}

async function opinionsOf(db: DbOrTx, meetingId: string) {
  const rows = await db
    .select({ o: writtenOpinions, fullName: users.fullName })
    .from(writtenOpinions)
    .innerJoin(meetingAttendees, eq(meetingAttendees.id, writtenOpinions.attendeeId))
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(eq(writtenOpinions.meetingId, meetingId))
    .orderBy(asc(writtenOpinions.submittedAt));
  return rows.map(({ o, fullName }) => ({
    id: o.id,
    attendeeId: o.attendeeId,
    fullName,
    agendaItemId: o.agendaItemId,
    text: o.text,
    fileId: o.fileId,
    submittedAt: o.submittedAt.toISOString(),
  }));
}

/** May the actor read everyone's opinions and the attendance: the standing agency and the chair. */
async function seesAll(db: DbOrTx, actor: Actor, loaded: Awaited<ReturnType<typeof loadMeeting>>) {
  return (
    (!!loaded.access && can(actor, 'meeting.manage', { committee: loaded.access })) ||
    (await actorChairs(db, actor, loaded.meeting))
  );
}

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
  const [me] = await db.select().from(meetingAttendees).where(eq(meetingAttendees.id, loaded.myAttendeeId));
  if (!me || !owesOpinions(me)) throw new AppError('meeting.opinionNotExpected');
  if (clock.now() >= loaded.meeting.startsAt) throw new AppError('meeting.opinionClosed');
  const [item] = await db
    .select({ takesOpinions: agendaItems.takesOpinions })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, body.agendaItemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) throw new AppError('meeting.agendaItemNotFound');
  if (!item.takesOpinions)
    throw new AppError('meeting.opinionNotExpected', {
      detail: 'Nội dung này không lấy ý kiến bằng văn bản.',
    });
  if (body.fileId) await assertFileOfCommittee(db, body.fileId, loaded.meeting.committeeId);
  await db.transaction(async (tx) => {
    await tx
      .insert(writtenOpinions)
      .values({
        id: uuidv7(),
        meetingId,
        agendaItemId: body.agendaItemId,
        attendeeId: me.id,
        text: body.text,
        fileId: body.fileId ?? null,
      })
      .onConflictDoUpdate({
        target: [writtenOpinions.agendaItemId, writtenOpinions.attendeeId],
        set: { text: body.text, fileId: body.fileId ?? null, submittedAt: clock.now() },
      });
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
  const all = await opinionsOf(db, meetingId);
  if (!(await seesAll(db, actor, loaded))) {
    return { items: all.filter((o) => o.attendeeId === loaded.myAttendeeId), missing: [] };
  }
  const settings = await getSettings(db, loaded.meeting.committeeId);
  const majorItems = (await agendaOf(db, meetingId)).filter((a) => a.takesOpinions);
  const missing = settings.absenteeWrittenOpinionRequired
    ? (await attendeeRows(db, meetingId)).flatMap(({ a, fullName }) =>
        owesOpinions(a)
          ? majorItems
              .filter((item) => !all.some((o) => o.attendeeId === a.id && o.agendaItemId === item.id))
              .map((item) => ({ attendeeId: a.id, fullName, agendaItemId: item.id, agendaTitle: item.title }))
          : [],
      )
    : [];
  return { items: all, missing };
}

// ——— Check-in and quorum ———

/**
 * When check-in is allowed: on the meeting day, from the committee's window before the start (default 60
 * minutes) — for the standing agency checking people in as for members checking themselves in. Members check
 * themselves in until the end; the standing agency keeps the list until the minutes are approved. A meeting
 * recorded afterwards takes its attendance directly.
 */
export async function assertCheckInOpen(
  db: DbOrTx,
  meeting: Awaited<ReturnType<typeof loadMeeting>>['meeting'],
  self: boolean,
) {
  if (meeting.status !== 'noticeSent' && meeting.status !== 'held')
    throw new AppError('meeting.notOpenForAnswers');
  if (meeting.recordedAfterwards) {
    if (self) throw new AppError('meeting.checkInClosed');
    return;
  }
  const settings = await getSettings(db, meeting.committeeId);
  const opensAt = checkInOpensAt(meeting.startsAt, settings.checkInOpensMinutes ?? 60);
  const now = clock.now();
  if (now < opensAt) {
    throw new AppError('meeting.checkInNotOpen', {
      detail: `Điểm danh mở từ ${formatDateTime(opensAt)}, ${settings.checkInOpensMinutes ?? 60} phút trước giờ họp.`,
    });
  }
  if (self && now > meeting.endsAt) throw new AppError('meeting.checkInClosed');
}

/** Check-in: by the attendee on the meeting day until the end, or by the standing agency (R5). */
export async function checkIn(db: Db, actor: Actor, meetingId: string, attendeeId: string | null) {
  const loaded = await loadMeeting(db, actor, meetingId);
  const target = attendeeId ?? loaded.myAttendeeId;
  if (!target) throw new AppError('meeting.notInvited');
  if (target !== loaded.myAttendeeId) assertManage(actor, loaded.access);
  const { meeting } = loaded;
  await assertCheckInOpen(db, meeting, target === loaded.myAttendeeId && !canManage(actor, loaded));
  const updated = await db
    .update(meetingAttendees)
    .set({
      checkedInAt: sql`coalesce(${meetingAttendees.checkedInAt}, ${clock.now()})`,
      checkedInBy: actor.userId,
    })
    .where(and(eq(meetingAttendees.id, target), eq(meetingAttendees.meetingId, meetingId)))
    .returning({ id: meetingAttendees.id });
  if (!updated.length) throw new AppError('meeting.notInvited');
  return getAttendance(db, actor, meetingId);
}

const canManage = (actor: Actor, loaded: Awaited<ReturnType<typeof loadMeeting>>) =>
  !!loaded.access && can(actor, 'meeting.manage', { committee: loaded.access });

/**
 * Where a person stands (R10, R11): present (in person, by substitute, as a guest, or as the minute-taker);
 * excused; and for the others, until the meeting is over, "not answered", "coming" or "absence waiting for the
 * chair" — only once it is over are they absent without leave (a guest: did not come).
 */
export function attendanceStatusOf(a: AttendeeRow, over: boolean): AttendanceStatus {
  const present = !!a.checkedInAt || a.minuteTaker;
  if (a.kind === 'guest') {
    if (present) return 'guestPresent';
    return over ? 'guestAbsent' : a.response ? 'notArrived' : 'notAnswered';
  }
  if (present) return a.response === 'substitute' && !a.minuteTaker ? 'substitutePresent' : 'present';
  // An approved substitute is awaited until the end; if none came, the member's absence was excused.
  if (a.response === 'substitute' && a.approval === 'approved' && !over) return 'notArrived';
  const asksLeave = a.response === 'absent' || a.response === 'substitute';
  if (asksLeave && a.approval === 'approved') return 'absentApproved';
  if (over) return 'absentNotApproved';
  if (asksLeave && a.approval === 'pending') return 'absencePending';
  return a.response ? 'notArrived' : 'notAnswered';
}

/**
 * The attendance list with each person's status, the quorum (share of members present, in person or by
 * substitute) and the headcount the minutes and the conclusion notice state (members, substitutes, guests).
 */
export async function getAttendance(db: DbOrTx, actor: Actor, meetingId: string) {
  const loaded = await loadMeeting(db, actor, meetingId);
  const settings = await getSettings(db, loaded.meeting.committeeId);
  const over = isOver(loaded.meeting, clock.now());
  const rows = (await attendeeRows(db, meetingId)).map(({ a, fullName }) => ({
    attendeeId: a.id,
    fullName,
    kind: a.kind,
    status: attendanceStatusOf(a, over),
    substituteName: a.substituteName,
    checkedInAt: a.checkedInAt?.toISOString() ?? null,
    minuteTaker: a.minuteTaker,
  }));
  const members = rows.filter((r) => r.kind === 'member').length;
  const count = (status: AttendanceStatus, kind?: 'member' | 'guest') =>
    rows.filter((r) => r.status === status && (!kind || r.kind === kind)).length;
  const headcount = {
    members: count('present', 'member'),
    substitutes: count('substitutePresent'),
    guests: count('guestPresent') + count('present', 'guest'),
  };
  const present = headcount.members + headcount.substitutes;
  const required = Math.ceil(members * settings.quorumFraction);
  return { rows, quorum: { members, present, required, reached: present >= required }, headcount, over };
}

// ——— Minutes and conclusions (R5, R13) ———

async function minutesRow(db: DbOrTx, meetingId: string) {
  const [row] = await db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId));
  return row;
}

async function assertEditable(db: DbOrTx, meetingId: string) {
  const row = await minutesRow(db, meetingId);
  if (row?.status === 'approved') throw new AppError('meeting.conclusionsLocked');
  if (row?.status === 'submitted') throw new AppError('meeting.minutesSubmitted');
}

/** The minutes as they will be printed: notes per agenda item, attendance and written opinions inserted. */
export async function getMinutes(db: Db, actor: Actor, meetingId: string) {
  const loaded = await loadMeeting(db, actor, meetingId);
  const row = await minutesRow(db, meetingId);
  // Until approved, minutes are a working document of the standing agency and the chair.
  if (row?.status !== 'approved' && !(await seesAll(db, actor, loaded)))
    throw new AppError('permission.denied');
  const agenda = await agendaOf(db, meetingId);
  const [approver] = row?.approvedBy
    ? await db.select({ name: users.fullName }).from(users).where(eq(users.id, row.approvedBy))
    : [];
  const items = await db
    .select()
    .from(conclusions)
    .where(eq(conclusions.meetingId, meetingId))
    .orderBy(asc(conclusions.position));
  return {
    status: row?.status ?? 'draft',
    summary: row?.summary ?? null,
    notes: agenda.map((a) => ({
      agendaItemId: a.id,
      agendaTitle: a.title,
      text: row?.notes.find((n) => n.agendaItemId === a.id)?.text ?? '',
      carriedTasks: a.carriedTasks,
    })),
    attendance: await getAttendance(db, actor, meetingId),
    opinions: await opinionsOf(db, meetingId),
    conclusions: items.map((c) => ({
      id: c.id,
      position: c.position,
      text: c.text,
      domain: c.domain,
      tasks: c.tasks,
    })),
    returnComment: row?.returnComment ?? null,
    approvedAt: row?.approvedAt?.toISOString() ?? null,
    approvedBy: approver?.name ?? null,
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
  if (loaded.meeting.status === 'draft' || loaded.meeting.status === 'cancelled')
    throw new AppError('meeting.notHeldYet');
  const agendaIds = new Set((await agendaOf(db, meetingId)).map((a) => a.id));
  if (body.notes.some((n) => !agendaIds.has(n.agendaItemId)))
    throw new AppError('meeting.agendaItemNotFound');
  await db.transaction(async (tx) => {
    await assertEditable(tx, meetingId);
    await tx
      .insert(meetingMinutes)
      .values({ meetingId, summary: body.summary ?? null, notes: body.notes })
      .onConflictDoUpdate({
        target: meetingMinutes.meetingId,
        set: { summary: body.summary ?? null, notes: body.notes, updatedAt: sql`now()` },
      });
    // Minutes may be drafted before the meeting; it is held only from its start time.
    if (hasStarted(loaded.meeting, clock.now())) {
      await tx
        .update(meetings)
        .set({ status: 'held', updatedAt: sql`now()` })
        .where(and(eq(meetings.id, meetingId), eq(meetings.status, 'noticeSent')));
    }
  });
  return getMinutes(db, actor, meetingId);
}

/** R1: every proposed task is led by a unit that exists or by a seat of this committee. */
async function assertTaskLeads(db: DbOrTx, committeeId: string, tasks: TaskProposal[]) {
  const unitIds = [
    ...new Set(tasks.flatMap((t) => [t.leadUnitId, ...t.cooperatingUnitIds]).filter((x): x is string => !!x)),
  ];
  const seatIds = [...new Set(tasks.map((t) => t.leadMembershipId).filter((x): x is string => !!x))];
  if (unitIds.length) {
    const found = await db
      .select({ id: administrativeUnits.id })
      .from(administrativeUnits)
      .where(inArray(administrativeUnits.id, unitIds));
    if (found.length !== unitIds.length)
      throw new AppError('unit.notFound', { detail: 'Đơn vị chủ trì hoặc phối hợp không tồn tại.' });
  }
  if (seatIds.length) {
    const found = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(inArray(memberships.id, seatIds), eq(memberships.committeeId, committeeId)));
    if (found.length !== seatIds.length)
      throw new AppError('membership.notFound', { detail: 'Thành viên chủ trì không thuộc Ban Chỉ đạo.' });
  }
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
  if (loaded.meeting.status === 'draft' || loaded.meeting.status === 'cancelled')
    throw new AppError('meeting.notHeldYet');
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
    await tx.execute(sql`select 1 from meetings where id = ${meetingId} for update`);
    await assertEditable(tx, meetingId);
    await tx.delete(conclusions).where(eq(conclusions.meetingId, meetingId));
    if (body.items.length) {
      await tx.insert(conclusions).values(
        body.items.map((c, i) => ({
          id: uuidv7(),
          meetingId,
          position: i + 1,
          text: c.text,
          domain: c.domain ?? null,
          tasks: c.tasks,
        })),
      );
    }
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

/** The secretary submits; the chair approves (conclusions lock and go to every member) or returns with comments. */
export async function decideMinutes(
  db: Db,
  actor: Actor,
  meetingId: string,
  action: 'submit' | 'approve' | 'return',
  comment?: string,
) {
  const loaded = await loadMeeting(db, actor, meetingId);
  if (action === 'submit') assertManage(actor, loaded.access);
  else if (!(await actorChairs(db, actor, loaded.meeting))) {
    throw new AppError('permission.denied', {
      detail: 'Chỉ người chủ trì (hoặc Trưởng Ban, người được ủy quyền) duyệt biên bản và kết luận.',
    });
  }
  // Drafted before, perhaps, but submitted and approved only once the meeting has started.
  const now = clock.now();
  if (action !== 'return' && !hasStarted(loaded.meeting, now)) {
    throw new AppError('meeting.notStarted', {
      detail: `Cuộc họp bắt đầu lúc ${formatDateTime(loaded.meeting.startsAt)}: biên bản và kết luận chỉ được trình, duyệt sau giờ họp.`,
    });
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from meetings where id = ${meetingId} for update`);
    const row = await minutesRow(tx, meetingId);
    const status = row?.status ?? 'draft';
    const allowed = { submit: ['draft', 'returned'], approve: ['submitted'], return: ['submitted'] }[action];
    if (!row || !allowed.includes(status))
      throw new AppError('meeting.minutesWrongState', { detail: `Trạng thái hiện tại: ${status}.` });
    if (action === 'submit') {
      await tx
        .update(meetingMinutes)
        .set({
          status: 'submitted',
          submittedBy: actor.userId,
          submittedAt: now,
          returnComment: null,
        })
        .where(eq(meetingMinutes.meetingId, meetingId));
    } else if (action === 'return') {
      await tx
        .update(meetingMinutes)
        .set({ status: 'returned', returnComment: comment ?? null })
        .where(eq(meetingMinutes.meetingId, meetingId));
    } else {
      await tx
        .update(meetingMinutes)
        .set({ status: 'approved', approvedBy: actor.userId, approvedAt: now })
        .where(eq(meetingMinutes.meetingId, meetingId));
      // Submitted only once started, so approving holds and closes it.
      await tx
        .update(meetings)
        .set({ status: 'closed', updatedAt: sql`now()` })
        .where(eq(meetings.id, meetingId));
      const people = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.committeeId, loaded.meeting.committeeId),
            sql`${memberships.role} <> 'guest'`,
            seatInForce(clock.today()),
          ),
        );
      await notify(
        tx,
        people.map((p) => ({
          userId: p.userId,
          kind: 'meeting.conclusionsPublished',
          title: `Kết luận cuộc họp: ${loaded.meeting.title}`,
          link: `/cuoc-hop/${meetingId}?tab=bien-ban`,
        })),
      );
      // The reactions (src/wiring.ts: the follow-up module turns task proposals into tasks) run in this transaction.
      const { id, committeeId, title, startsAt } = loaded.meeting;
      const approved = await findConclusions(tx, meetingId);
      await emit(tx, 'conclusions.approved', {
        actor,
        meeting: { id, committeeId, title, startsAt },
        conclusions: approved,
      });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: `meeting.minutes.${action}`,
      entityType: 'meeting',
      entityId: meetingId,
      data: { comment },
    });
  });
  return getMinutes(db, actor, meetingId);
}
