import * as clock from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, assertCan, can, type Resource } from '../../http/permissions.ts';
import { findCommitteeStanding } from './access.repo.ts';
import type { CommitteeAccess, CommitteeAction } from './committees.policy.ts';
import { findMySeats } from './seats.repo.ts';

export type { CommitteeAccess } from './committees.policy.ts';

/**
 * Loads the committee and the actor's standing on it (seat, delegations, oversight from a committee above) in
 * one round trip: every committee request starts here. A committee the actor may not see answers 404, as if
 * it did not exist.
 */
export async function loadCommitteeAccess(
  db: DbOrTx,
  actor: Actor,
  committeeId: string,
  date = clock.today(),
) {
  const row = await findCommitteeStanding(db, committeeId, actor.userId, date);
  if (!row) throw new AppError('committee.notFound');
  const access: CommitteeAccess = {
    committeeId,
    unitPath: row.unitPath,
    membership: row.seat,
    delegations: row.delegations,
    oversight: row.oversight,
  };
  if (!can(actor, 'committee.view', { committee: access })) throw new AppError('committee.notFound');
  return { committee: row.committee, access };
}

/** Asserts a committee action; `domain` matters for delegated actions (R4: only within the delegated scope). */
export function assertCommittee(
  actor: Actor,
  action: CommitteeAction,
  access: CommitteeAccess,
  domain?: string | null,
) {
  const resource: Resource = { committee: access, domain };
  assertCan(actor, action, resource);
}

/**
 * Contact details (e-mail, phone) of a committee's people are shown only to those who manage the committee
 * (the head, the standing agency, administrators of its unit) — and to each person for their own (issue #17).
 * Members and an overseeing committee's head see names and seats, not addresses.
 */
export function seesContactDetails(actor: Actor, access: CommitteeAccess) {
  return can(actor, 'committee.manageMembers', { committee: access });
}

/**
 * The actor's own seats in force on `date` (guests aside), each as the standing `can` judges: what the person
 * may decide in each committee they sit on. No oversight and no administrator's rights: decisions waiting for
 * someone (the inbox) are those of their seat, never of a committee above.
 */
export async function mySeatAccesses(db: Db, actor: Actor, date = clock.today()): Promise<CommitteeAccess[]> {
  const seats = await findMySeats(db, actor.userId, date);
  return seats.map((s) => ({
    committeeId: s.committeeId,
    unitPath: '',
    membership: { id: s.id, role: s.role },
    delegations: s.delegations,
    oversight: false,
  }));
}

/** The committees among `accesses` where the actor may perform `action` (in any domain for delegated ones). */
export const committeesWhere = (actor: Actor, action: CommitteeAction, accesses: CommitteeAccess[]) =>
  accesses.filter((a) => can(actor, action, { committee: a })).map((a) => a.committeeId);
