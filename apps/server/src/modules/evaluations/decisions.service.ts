import type { EvaluationLevel, EvaluationScheme } from '@steerco/contract/evaluations';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { capCheck } from './calc.ts';
import {
  asOfOf,
  effectiveLevels,
  evaluateMembers,
  getCycle,
  schemeOf,
  standingOn,
  syncMembers,
} from './cycles.service.ts';
import { assertMay, assertOpen, loadCycle } from './evaluations.policy.ts';
import { findMembers, insertNote, type MemberRow, updateCycle, updateMember } from './evaluations.repo.ts';

// The writes of an evaluation (R17): self-scores, the proposer's review and proposals, the committee's task
// notes (exempt delays, minor returns), and the head's decision with the cap checked before it.

/** Scores must name the scheme's general criteria and stay within each one's maximum. */
function assertScores(scheme: EvaluationScheme, scores: Record<string, number>) {
  for (const [code, points] of Object.entries(scores)) {
    const c = scheme.generalCriteria.find((x) => x.code === code);
    if (!c) throw new AppError('evaluation.unknownCriterion', { detail: `Không có tiêu chí "${code}".` });
    if (points > c.maxPoints)
      throw new AppError('evaluation.scoreAboveMax', {
        detail: `Tiêu chí ${code} tối đa ${c.maxPoints} điểm.`,
      });
  }
}

async function openCycleFor(tx: Db, actor: Actor, cycleId: string) {
  const cycle = await loadCycle(tx, actor, cycleId, true);
  assertOpen(cycle);
  const { seats, standing } = await standingOn(tx, actor, cycle.committeeId, cycle.year);
  await syncMembers(tx, cycle, seats);
  const scheme = await schemeOf(tx, cycle);
  const rows = await findMembers(tx, cycle.id);
  return { cycle, seats, standing, scheme, rows };
}

function memberOf(rows: MemberRow[], id: string) {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('evaluation.unknownMember');
  return row;
}

/** The member scores herself on the general criteria (30 points) while the cycle is open. */
export async function selfScore(
  db: Db,
  actor: Actor,
  cycleId: string,
  memberId: string,
  body: { scores: Record<string, number> },
) {
  await db.transaction(async (tx) => {
    const { scheme, rows } = await openCycleFor(tx, actor, cycleId);
    const row = memberOf(rows, memberId);
    assertMay(row.userId === actor.userId);
    assertScores(scheme, body.scores);
    await updateMember(tx, row.id, { selfScores: body.scores, selfScoredAt: clock.now() });
  });
  return getCycle(db, actor, cycleId);
}

/** The proposer reviews the general criteria and proposes each member's level. */
export async function propose(
  db: Db,
  actor: Actor,
  cycleId: string,
  body: {
    items: {
      memberId: string;
      level: EvaluationLevel;
      reviewedScores?: Record<string, number>;
      note?: string | null;
    }[];
  },
) {
  await db.transaction(async (tx) => {
    const { cycle, standing, scheme, rows } = await openCycleFor(tx, actor, cycleId);
    assertMay(standing.propose);
    const items = body.items.map((i) => ({ ...i, row: memberOf(rows, i.memberId) }));
    for (const i of items) if (i.reviewedScores) assertScores(scheme, i.reviewedScores);
    for (const i of items)
      await updateMember(tx, i.row.id, {
        proposedLevel: i.level,
        proposalNote: i.note ?? null,
        ...(i.reviewedScores ? { reviewedScores: i.reviewedScores } : {}),
        proposedBy: actor.userId,
        proposedAt: clock.now(),
      });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'evaluation.proposed',
      entityType: 'committee',
      entityId: cycle.committeeId,
      data: { cycleId, items: body.items.map((i) => ({ memberId: i.memberId, level: i.level })) },
    });
  });
  return getCycle(db, actor, cycleId);
}

/**
 * The head decides members' levels (R17; a deputy only under a `signDocuments` delegation for every domain: R4).
 * The cap is counted on the levels as they would stand; a decision giving the capped level over it needs the head's reason
 * (`evaluation.capExceeded`, nothing written). The figures and points each level was decided on are frozen;
 * once every member is decided the cycle is closed as of that day.
 */
export async function decide(
  db: Db,
  actor: Actor,
  cycleId: string,
  body: { items: { memberId: string; level: EvaluationLevel }[]; capOverrideReason?: string },
) {
  await db.transaction(async (tx) => {
    const { cycle, seats, standing, scheme, rows } = await openCycleFor(tx, actor, cycleId);
    assertMay(standing.decide);
    const items = body.items.map((i) => ({ ...i, row: memberOf(rows, i.memberId) }));
    const next = new Map(items.map((i) => [i.row.id, i.level]));
    const after = rows.map((r) => ({
      proposedLevel: r.proposedLevel,
      decidedLevel: next.get(r.id) ?? r.decidedLevel,
    }));
    const cap = capCheck(scheme, effectiveLevels(after));
    // Only a decision that gives the capped level over the cap needs the reason (deciding others never does).
    const overCap = cap.exceeded && items.some((i) => i.level === cap.level);
    if (overCap && !body.capOverrideReason)
      throw new AppError('evaluation.capExceeded', {
        detail: `${cap.count} thành viên "${scheme.levels.find((l) => l.code === cap.level)?.name}", vượt mức ${cap.allowed} (${Math.round(cap.share * 100)}% của ${cap.ofCount}).`,
      });
    const evaluated = await evaluateMembers(
      tx,
      cycle,
      scheme,
      seats,
      items.map((i) => i.row.userId),
    );
    const now = clock.now();
    for (const i of items) {
      const e = evaluated.find((m) => m.id === i.row.id);
      await updateMember(tx, i.row.id, {
        decidedLevel: i.level,
        decidedBy: actor.userId,
        decidedAt: now,
        figures: e?.figures ?? null,
        taskScore: e?.taskScore ?? null,
      });
    }
    const allDecided = rows.every((r) => next.has(r.id) || r.decidedLevel);
    await updateCycle(tx, cycle.id, {
      ...(overCap ? { capOverrideReason: body.capOverrideReason! } : {}),
      ...(allDecided
        ? { status: 'decided', asOf: asOfOf(cycle), decidedBy: actor.userId, decidedAt: now }
        : {}),
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'evaluation.decided',
      entityType: 'committee',
      entityId: cycle.committeeId,
      data: {
        cycleId,
        items: body.items,
        cap: { ...cap },
        capOverrideReason: overCap ? body.capOverrideReason : null,
      },
    });
  });
  return getCycle(db, actor, cycleId);
}

/**
 * Records, with its reason, an objective cause the committee confirmed for a task's delay (exempt), or that a
 * return for rework was minor (not a major error). The proposer, the standing agency or the head.
 */
export async function addTaskNote(
  db: Db,
  actor: Actor,
  cycleId: string,
  body: { taskId: string; kind: 'exemptDelay' | 'minorReturn'; eventId?: string; reason: string },
) {
  await db.transaction(async (tx) => {
    const { cycle, seats, standing, scheme } = await openCycleFor(tx, actor, cycleId);
    assertMay(standing.propose || standing.manage || standing.decide);
    const members = await evaluateMembers(tx, cycle, scheme, seats);
    const task = members.flatMap((m) => m.figures.tasks.records).find((t) => t.taskId === body.taskId);
    if (!task) throw new AppError('evaluation.unknownTask');
    if (body.kind === 'minorReturn' && !task.returns.some((r) => r.eventId === body.eventId))
      throw new AppError('evaluation.unknownTask', { detail: 'Không có lần trả lại này của nhiệm vụ.' });
    await insertNote(tx, {
      id: uuidv7(),
      cycleId: cycle.id,
      taskId: body.taskId,
      eventId: body.kind === 'minorReturn' ? body.eventId! : null,
      kind: body.kind,
      reason: body.reason,
      createdBy: actor.userId,
    });
  });
  return getCycle(db, actor, cycleId);
}
