import type { EvaluationProposer } from '@steerco/contract/evaluations';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { type CommitteeAccess, loadCommitteeAccess } from '../committees/access.service.ts';
import { getSettings } from '../committees/committees.service.ts';
import type { Seat } from './assemble.service.ts';
import { type CycleRow, findCycle } from './evaluations.repo.ts';

// Who may do what in a committee's annual evaluation (R17). The standing agency opens it (the committee's
// `document.manage`: secretary, head); the proposer — a committee setting, by default the standing deputy
// (Bình Định: the coordinating deputy, so configurable) — reviews the self-scores and proposes levels; only the
// head decides, or a deputy under a `signDocuments` delegation for every domain (R4); each member self-scores
// and reads her own sheet. Those who see the committee see the cycle; a plain member sees only her own row.

export interface EvaluationStanding {
  access: CommitteeAccess;
  proposerRole: EvaluationProposer;
  manage: boolean;
  propose: boolean;
  decide: boolean;
  /** Sees every member's evaluation (not only her own). */
  seesAll: boolean;
}

/** Is the seat one the committee's setting names as proposer? */
export function isProposerSeat(role: EvaluationProposer, seat: Pick<Seat, 'role' | 'isStanding'>) {
  if (role === 'secretary') return seat.role === 'secretary';
  if (role === 'anyDeputy') return seat.role === 'deputyHead';
  return seat.role === 'deputyHead' && seat.isStanding;
}

/** The actor's standing on the committee's evaluations; `seats`: the committee's seats in force today. */
export async function evaluationStanding(
  db: DbOrTx,
  actor: Actor,
  committeeId: string,
  seats: Pick<Seat, 'id' | 'role' | 'isStanding'>[],
): Promise<EvaluationStanding> {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  const proposerRole = (await getSettings(db, committeeId)).evaluationProposer ?? 'standingDeputy';
  const seat = access.membership ? seats.find((s) => s.id === access.membership!.id) : undefined;
  const decide = can(actor, 'document.sign', { committee: access, domain: null });
  const manage = can(actor, 'document.manage', { committee: access });
  const propose = !!seat && isProposerSeat(proposerRole, seat);
  return {
    access,
    proposerRole,
    manage,
    propose,
    decide,
    seesAll: manage || propose || decide || access.oversight,
  };
}

/** A cycle: 404 unless the actor sees its committee. */
export async function loadCycle(db: DbOrTx, actor: Actor, cycleId: string, lock = false): Promise<CycleRow> {
  const cycle = await findCycle(db, cycleId, lock);
  if (!cycle) throw new AppError('evaluation.notFound');
  await loadCommitteeAccess(db, actor, cycle.committeeId).catch((err) => {
    if (err instanceof AppError && err.code === 'committee.notFound')
      throw new AppError('evaluation.notFound');
    throw err;
  });
  return cycle;
}

export function assertMay(allowed: boolean) {
  if (!allowed) throw new AppError('permission.denied');
}

export function assertOpen(cycle: CycleRow) {
  if (cycle.status !== 'open') throw new AppError('evaluation.closed');
}
