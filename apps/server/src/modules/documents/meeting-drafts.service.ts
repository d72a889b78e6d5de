import type { Block, DocumentType } from '@steerco/contract/documents';
import { DEFAULT_CONCLUSION_TASK_WORKING_DAYS } from '@steerco/contract/meetings';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { committeeWithUnit } from '../committees/committees.service.ts';
import { seatHolders } from '../committees/seats.service.ts';
import {
  agendaOf,
  attendanceFacts,
  attendanceOf,
  conclusionsOf,
  loadMeetingToManage,
  meetingTimeline,
  minutesOf,
  minutesSubmitter,
} from '../meetings/meetings.service.ts';
import { unitNames } from '../units/units.service.ts';
import { findPersons } from '../users/users.service.ts';
import { conclusionNoticeBody, invitationBody, meetingPhrase, minutesBody } from './documents.templates.ts';
import { insertDraft } from './drafts.service.ts';
import { getDocument } from './registry.service.ts';

// The documents of a meeting, drafted from its records: the invitation, the minutes (Mẫu 1.9) and the
// conclusion notice (R13).

/** Drafts an invitation or a conclusion notice (R13) from the meeting's records. */
export async function createFromMeeting(
  db: Db,
  actor: Actor,
  meetingId: string,
  template: 'invitation' | 'conclusionNotice' | 'minutes',
) {
  const loaded = await loadMeetingToManage(db, actor, meetingId);
  const m = loaded.meeting;
  const committee = await committeeWithUnit(db, m.committeeId);
  const chair = m.chairMembershipId
    ? (await seatHolders(db, [m.chairMembershipId])).get(m.chairMembershipId)
    : undefined;
  const timeline = await meetingTimeline(db, meetingId);
  // A meeting recorded afterwards had no invitation.
  if (template === 'invitation' && timeline.recordedAfterwards) throw new AppError('document.notApplicable');
  const people = await attendanceFacts(db, meetingId);
  const facts = {
    title: m.title,
    committeeName: committee!.name,
    startsAt: m.startsAt,
    place: m.place,
    onlineLink: m.onlineLink,
    chairName: chair
      ? `đồng chí ${chair.name}, ${chair.role === 'head' ? 'Trưởng Ban' : 'Phó Trưởng Ban'} Chỉ đạo`
      : null,
    chairIsHead: chair?.role !== 'deputyHead',
    agenda: (await agendaOf(db, meetingId)).map((a) => ({
      title: a.title,
      presenter: a.presenter,
      carried: a.carriedTasks,
    })),
    guests: people.filter((p) => p.kind === 'guest').map((p) => `đồng chí ${p.name}`),
    confirmationDeadline: timeline.confirmationDeadline,
  };
  let draft: {
    type: DocumentType;
    title: string;
    body: Block[];
    recipients: string[];
    secretaryName?: string | null;
  };
  if (template === 'minutes') {
    // Mẫu 1.9, from the minutes record the standing agency keeps (R5): attendance, notes, opinions, conclusions.
    const record = await minutesOf(db, actor, loaded);
    const submitter = await minutesSubmitter(db, meetingId);
    const me = (await findPersons(db, [actor.userId])).get(actor.userId);
    // The minute-taker marked at the meeting, else whoever submitted the minutes, else the drafter.
    const secretaryName = timeline.minuteTaker ?? submitter ?? me?.fullName ?? null;
    draft = {
      type: 'minutes',
      title: m.title,
      body: minutesBody({
        title: m.title,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        place: m.place,
        onlineLink: m.onlineLink,
        chairName: facts.chairName,
        secretaryName,
        attendance: record.attendance,
        summary: record.summary,
        notes: record.notes,
        opinions: record.opinions,
        conclusions: record.conclusions,
        recorded: timeline.recordedAfterwards,
      }),
      recipients: ['Các thành viên Ban Chỉ đạo', 'Lưu: VT, Hồ sơ'],
      secretaryName,
    };
  } else if (template === 'invitation') {
    draft = {
      type: 'invitation',
      title: m.title,
      body: invitationBody(facts),
      recipients: ['Như thành phần mời', 'Lưu: VT, VP'],
    };
  } else {
    const items = await conclusionsOf(db, meetingId);
    if (!items.length) throw new AppError('document.noConclusions');
    const names = await leadNames(
      db,
      items.flatMap((c) => c.tasks),
    );
    // Who was in the room, as the attendance list counts them: members, substitutes, guests.
    const { headcount } = await attendanceOf(db, loaded);
    // Every deadline as a date: N working days (or the default) from the day the tasks are assigned.
    const calendar = await getWorkingCalendar(db);
    const deadlineOf = (t: { deadline?: string | null; deadlineWorkingDays?: number | null }) =>
      t.deadline ??
      calendar.addWorkingDays(
        timeline.assignedOn,
        t.deadlineWorkingDays ?? DEFAULT_CONCLUSION_TASK_WORKING_DAYS,
      );
    draft = {
      type: 'notice',
      title: `Kết luận của ${facts.chairIsHead ? 'Trưởng Ban' : 'Phó Trưởng Ban'} Chỉ đạo tại ${meetingPhrase(m.title)}`,
      body: conclusionNoticeBody({
        ...facts,
        headcount,
        recorded: timeline.recordedAfterwards,
        conclusions: items.map((c) => ({
          text: c.text,
          tasks: c.tasks.map((t) => ({
            ...t,
            leadName: names.get(t.leadUnitId ?? t.leadMembershipId ?? '') ?? '—',
            cooperatingNames: t.cooperatingUnitIds.map((u) => names.get(u) ?? '—'),
            deadlineDate: deadlineOf(t),
          })),
        })),
      }),
      recipients: ['Các thành viên Ban Chỉ đạo', 'Các cơ quan, đơn vị liên quan', 'Lưu: VT, VP'],
    };
  }
  const id = await db.transaction((tx) => insertDraft(tx, actor, m.committeeId, { ...draft, meetingId }));
  return getDocument(db, actor, id);
}

/** Names of the units and members that lead or co-operate on proposed tasks (R1). */
async function leadNames(
  db: DbOrTx,
  tasks: { leadUnitId?: string | null; leadMembershipId?: string | null; cooperatingUnitIds: string[] }[],
) {
  const unitIds = [
    ...new Set(tasks.flatMap((t) => [t.leadUnitId, ...t.cooperatingUnitIds]).filter((x): x is string => !!x)),
  ];
  const seatIds = [...new Set(tasks.map((t) => t.leadMembershipId).filter((x): x is string => !!x))];
  const [units, seats] = await Promise.all([unitNames(db, unitIds), seatHolders(db, seatIds)]);
  const names = new Map<string, string>(units);
  for (const [id, s] of seats) names.set(id, `đồng chí ${s.name}${s.position ? ` (${s.position})` : ''}`);
  return names;
}
