import type {
  EvaluationCycle,
  EvaluationLevel,
  EvaluationScheme,
  MemberEvaluation,
} from '@steerco/contract/evaluations';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { committeeWithUnit } from '../committees/committees.service.ts';
import { seatsDuring } from '../committees/seats.service.ts';
import { assembleYear, peopleOf, type Seat } from './assemble.service.ts';
import { capCheck, generalPoints, levelOf, type TaskNotes } from './calc.ts';
import { assertMay, type EvaluationStanding, evaluationStanding, loadCycle } from './evaluations.policy.ts';
import {
  type CycleRow,
  findCycleOfYear,
  findCycles,
  findMembers,
  findNotes,
  findScheme,
  findSchemeFor,
  insertCycle,
  insertMembers,
} from './evaluations.repo.ts';

// The annual evaluation cycle (R17): opened by the standing agency with its deadline, read by everyone on the
// committee (a plain member: her own row), the figures assembled from the records on every read until decided.

const yearSpan = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const inForce = (s: Seat, day: string) => s.startDate <= day && (!s.endDate || s.endDate >= day);

/** Seats of the year and the actor's standing (judged on the seats in force today). */
export async function standingOn(db: DbOrTx, actor: Actor, committeeId: string, year: number) {
  const { from, to } = yearSpan(year);
  const seats = await seatsDuring(db, committeeId, from, to);
  const today = clock.today();
  const standing = await evaluationStanding(
    db,
    actor,
    committeeId,
    seats.filter((s) => inForce(s, today)),
  );
  return { seats, standing };
}

/** Adds to the cycle the people who held a seat in its year by today and are not in it yet. */
export async function syncMembers(db: DbOrTx, cycle: CycleRow, seats: Seat[]) {
  const today = clock.today();
  const people = peopleOf(seats.filter((s) => s.startDate <= today));
  await insertMembers(
    db,
    [...people.keys()].map((userId) => ({ id: uuidv7(), cycleId: cycle.id, userId })),
  );
}

export async function listCycles(db: Db, actor: Actor, committeeId: string) {
  await standingOn(db, actor, committeeId, Number(clock.today().slice(0, 4)));
  return { items: await findCycles(db, committeeId) };
}

/**
 * Opens the committee's evaluation of `year` (the standing agency or the proposer). The deadline falls before
 * 15/12 of the year on a working day, not in the past: by default the last working day before 15/12.
 */
export async function openCycle(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: { year: number; deadline?: string },
) {
  const { seats, standing } = await standingOn(db, actor, committeeId, body.year);
  assertMay(standing.manage || standing.propose);
  const calendar = await getWorkingCalendar(db);
  const limit = `${body.year}-12-15`;
  const deadline = body.deadline ?? calendar.previousWorkingDay(limit);
  const today = clock.today();
  if (deadline >= limit || !deadline.startsWith(`${body.year}-`) || !calendar.isWorkingDay(deadline))
    throw new AppError('evaluation.invalidDeadline', {
      detail: `Hạn đánh giá phải là một ngày làm việc trước ngày 15/12/${body.year}.`,
    });
  if (deadline < today) throw new AppError('evaluation.invalidDeadline', { detail: 'Hạn đánh giá đã qua.' });
  const scheme = await findSchemeFor(db, body.year);
  if (!scheme) throw new AppError('evaluation.noScheme');
  if (await findCycleOfYear(db, committeeId, body.year)) throw new AppError('evaluation.exists');
  const id = uuidv7();
  await db.transaction(async (tx) => {
    const row = {
      id,
      committeeId,
      year: body.year,
      schemeCode: scheme.code,
      deadline,
      status: 'open' as const,
      openedBy: actor.userId,
    };
    if (!(await insertCycle(tx, row))) throw new AppError('evaluation.exists');
    await syncMembers(
      tx,
      {
        ...row,
        asOf: null,
        capOverrideReason: null,
        openedAt: clock.now(),
        decidedBy: null,
        decidedAt: null,
      },
      seats,
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'evaluation.opened',
      entityType: 'committee',
      entityId: committeeId,
      data: { id, year: body.year, deadline },
    });
  });
  return getCycle(db, actor, id);
}

/** The day the records are counted to: the decision's, or today within the year. */
export function asOfOf(cycle: CycleRow) {
  if (cycle.asOf) return cycle.asOf;
  const today = clock.today();
  const end = `${cycle.year}-12-31`;
  return today < end ? today : end;
}

export async function notesOf(db: DbOrTx, cycleId: string): Promise<TaskNotes> {
  const notes = await findNotes(db, cycleId);
  return {
    exempt: new Map(notes.filter((n) => n.kind === 'exemptDelay').map((n) => [n.taskId, n.reason])),
    minorReturns: new Set(notes.filter((n) => n.kind === 'minorReturn').map((n) => n.eventId!)),
  };
}

/**
 * Every member's evaluation in the cycle (only `userIds`, when given): the figures from the records — or those
 * frozen when the head decided —, the task points, general points, total and the level they reach.
 */
export async function evaluateMembers(
  db: DbOrTx,
  cycle: CycleRow,
  scheme: EvaluationScheme,
  seats: Seat[],
  userIds?: string[],
): Promise<MemberEvaluation[]> {
  const [rows, notes] = await Promise.all([findMembers(db, cycle.id), notesOf(db, cycle.id)]);
  const wanted = userIds ? rows.filter((r) => userIds.includes(r.userId)) : rows;
  const years = await assembleYear(db, {
    committeeId: cycle.committeeId,
    year: cycle.year,
    asOf: asOfOf(cycle),
    scheme,
    notes,
    seats,
    userIds: wanted.map((r) => r.userId),
  });
  const byUser = new Map(years.map((y) => [y.userId, y]));
  const out: MemberEvaluation[] = [];
  for (const r of wanted) {
    const y = byUser.get(r.userId);
    if (!y) continue;
    const figures = r.decidedLevel && r.figures ? r.figures : y.figures;
    const taskScore = r.decidedLevel && r.taskScore ? r.taskScore : y.taskScore;
    const general = generalPoints(scheme, r.reviewedScores ?? r.selfScores);
    const total = general === null ? null : Math.round((general + taskScore.points) * 100) / 100;
    out.push({
      id: r.id,
      userId: r.userId,
      fullName: y.fullName,
      position: y.position,
      role: y.role,
      seatFrom: y.seatFrom,
      seatTo: y.seatTo,
      figures,
      taskScore,
      selfScores: r.selfScores,
      reviewedScores: r.reviewedScores,
      generalPoints: general,
      totalPoints: total,
      suggestedLevel: total === null ? null : levelOf(scheme, total),
      proposedLevel: r.proposedLevel,
      proposalNote: r.proposalNote,
      decidedLevel: r.decidedLevel,
      decidedAt: r.decidedAt?.toISOString() ?? null,
    });
  }
  // Head, deputies, standing agency, members, residential group heads; by name within each.
  const rank = ['head', 'deputyHead', 'secretary', 'member', 'residentialGroupHead'];
  return out.sort(
    (a, b) => rank.indexOf(a.role) - rank.indexOf(b.role) || a.fullName.localeCompare(b.fullName, 'vi'),
  );
}

/** The levels the cap is counted on: each member's decided level, else the proposed one. */
export const effectiveLevels = (
  members: { proposedLevel: EvaluationLevel | null; decidedLevel: EvaluationLevel | null }[],
) => members.map((m) => m.decidedLevel ?? m.proposedLevel);

export async function schemeOf(db: DbOrTx, cycle: CycleRow) {
  const scheme = await findScheme(db, cycle.schemeCode);
  if (!scheme) throw new AppError('evaluation.noScheme');
  return scheme;
}

export function cycleDto(
  cycle: CycleRow,
  committeeName: string,
  scheme: EvaluationScheme,
  standing: EvaluationStanding,
  members: MemberEvaluation[],
  actor: Actor,
): EvaluationCycle {
  const mine = members.find((m) => m.userId === actor.userId) ?? null;
  return {
    id: cycle.id,
    committeeId: cycle.committeeId,
    committeeName,
    year: cycle.year,
    deadline: cycle.deadline,
    status: cycle.status,
    asOf: asOfOf(cycle),
    proposerRole: standing.proposerRole,
    scheme,
    members: standing.seesAll ? members : mine ? [mine] : [],
    cap: capCheck(scheme, effectiveLevels(members)),
    capOverrideReason: cycle.capOverrideReason,
    may: {
      propose: standing.propose && cycle.status === 'open',
      decide: standing.decide && cycle.status === 'open',
      manage: standing.manage,
      viewAll: standing.seesAll,
    },
    myMemberId: mine?.id ?? null,
  };
}

/** The cycle with every member's figures, points and levels (a plain member: her own), and the cap check. */
export async function getCycle(db: DbOrTx, actor: Actor, cycleId: string): Promise<EvaluationCycle> {
  const cycle = await loadCycle(db, actor, cycleId);
  const { seats, standing } = await standingOn(db, actor, cycle.committeeId, cycle.year);
  const [scheme, committee] = await Promise.all([
    schemeOf(db, cycle),
    committeeWithUnit(db, cycle.committeeId),
  ]);
  const members = await evaluateMembers(db, cycle, scheme, seats);
  return cycleDto(cycle, committee?.name ?? '', scheme, standing, members, actor);
}

/** One member's year (her sheet): the member herself, or whoever sees every member. */
export async function getMemberEvaluation(db: DbOrTx, actor: Actor, cycleId: string, memberId: string) {
  const cycle = await loadCycle(db, actor, cycleId);
  const { seats, standing } = await standingOn(db, actor, cycle.committeeId, cycle.year);
  const row = (await findMembers(db, cycle.id)).find((m) => m.id === memberId);
  if (!row || (!standing.seesAll && row.userId !== actor.userId))
    throw new AppError('evaluation.memberNotFound');
  const scheme = await schemeOf(db, cycle);
  const [member] = await evaluateMembers(db, cycle, scheme, seats, [row.userId]);
  if (!member) throw new AppError('evaluation.memberNotFound');
  return { cycle, scheme, member };
}
