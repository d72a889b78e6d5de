import type { EvaluationScheme, MemberFigures, TaskScore } from '@steerco/contract/evaluations';
import type { DbOrTx } from '../../db/client.ts';
import { seatsDuring } from '../committees/seats.service.ts';
import { memberAttendance } from '../meetings/report-figures.service.ts';
import { reportsSentBy } from '../reports/timeliness.service.ts';
import { memberTaskRecords } from '../tasks/figures.service.ts';
import { scoreTasks, type TaskNotes } from './calc.ts';

// A member's year of work products (R17), assembled from the other modules' public figures: tasks, meeting
// attendance, reports sent. Each figure keeps its records (task, meeting, report ids) for the drill-down.

export interface PersonYear {
  userId: string;
  fullName: string;
  position: string | null;
  role: string;
  isStanding: boolean;
  seatIds: string[];
  seatFrom: string;
  seatTo: string | null;
  figures: MemberFigures;
  taskScore: TaskScore;
}

export type Seat = Awaited<ReturnType<typeof seatsDuring>>[number];

/** The people who held a seat (guests aside) in [from, to], with their seats; the latest seat names the role. */
export function peopleOf(seats: Seat[]) {
  const people = new Map<string, Seat[]>();
  for (const s of seats) people.set(s.userId, [...(people.get(s.userId) ?? []), s]);
  return people;
}

/**
 * Assembles each person's year in [from, asOf] on the committee (only `userIds`, when given): one query per
 * source for all of them.
 */
export async function assembleYear(
  db: DbOrTx,
  q: {
    committeeId: string;
    year: number;
    asOf: string;
    scheme: EvaluationScheme;
    notes: TaskNotes;
    userIds?: string[];
    /** The committee's seats held in the year, when the caller has them already. */
    seats?: Seat[];
  },
): Promise<PersonYear[]> {
  const from = `${q.year}-01-01`;
  // Tasks due later in the year are listed as not yet due (outcomeOf on asOf); nothing can be done after today.
  const to = `${q.year}-12-31`;
  let seats = q.seats ?? (await seatsDuring(db, q.committeeId, from, to));
  if (q.userIds) seats = seats.filter((s) => q.userIds!.includes(s.userId));
  const people = peopleOf(seats);
  const userIds = [...people.keys()];
  const membershipIds = seats.map((s) => s.id);
  const [tasks, attendance, reports] = await Promise.all([
    memberTaskRecords(db, { committeeId: q.committeeId, membershipIds, from, to }),
    memberAttendance(db, { committeeId: q.committeeId, userIds, from, to }),
    reportsSentBy(db, { committeeId: q.committeeId, userIds, from, to }),
  ]);
  const holder = new Map(seats.map((s) => [s.id, s.userId]));
  return userIds.map((userId) => {
    const own = people.get(userId)!;
    const last = own[own.length - 1]!;
    const mine = tasks.filter((t) => holder.get(t.membershipId) === userId);
    // A task the person both leads and co-operates on (two seats in the year) counts once, as lead.
    const seen = new Set<string>();
    const unique = [
      ...mine.filter((t) => t.role === 'lead'),
      ...mine.filter((t) => t.role !== 'lead'),
    ].filter((t) => !seen.has(t.id) && !!seen.add(t.id));
    const { figures: taskFigures, score } = scoreTasks(q.scheme, unique, q.notes, q.asOf);
    const meetings = attendance.filter((a) => a.user_id === userId);
    const sent = reports.filter((r) => r.user_id === userId);
    const count = (o: string) => meetings.filter((m) => m.outcome === o).length;
    return {
      userId,
      fullName: last.fullName,
      position: last.position,
      role: last.role,
      isStanding: last.isStanding,
      seatIds: own.map((s) => s.id),
      seatFrom: own[0]!.startDate,
      seatTo: own.some((s) => !s.endDate)
        ? null
        : own
            .map((s) => s.endDate!)
            .sort()
            .at(-1)!,
      figures: {
        tasks: taskFigures,
        attendance: {
          meetings: meetings.length,
          present: count('present'),
          substitute: count('substitute'),
          approvedAbsence: count('approvedAbsence'),
          absentWithoutLeave: count('absentWithoutLeave'),
          records: meetings.map((m) => ({
            meetingId: m.meeting_id,
            title: m.title,
            date: m.date,
            outcome: m.outcome,
          })),
        },
        reports: {
          submitted: sent.length,
          onTime: sent.filter((r) => r.onTime).length,
          records: sent.map((r) => ({
            reportId: r.report_id,
            label: r.label,
            deadline: r.deadline,
            sentOn: r.sent_on,
            onTime: r.onTime,
          })),
        },
      },
      taskScore: score,
    };
  });
}
