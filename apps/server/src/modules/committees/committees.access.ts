import { todayInVietnam } from '@steerco/contract/datetime';
import type { DelegationScope } from '@steerco/contract/delegations';
import type { CommitteeRole } from '@steerco/contract/memberships';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, assertCan, can, type Resource } from '../../http/permissions.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import type { CommitteeAccess, CommitteeAction } from './committees.policy.ts';
import { committees, delegations, memberships } from './committees.schema.ts';

/** A seat in force on `date`: started, not yet ended. */
export const seatInForce = (date: string) =>
  sql`${memberships.startDate} <= ${date}::date and (${memberships.endDate} is null or ${memberships.endDate} >= ${date}::date)`;

export async function findCommitteeRow(db: DbOrTx, committeeId: string) {
  const [row] = await db
    .select({ committee: committees, unitPath: administrativeUnits.path })
    .from(committees)
    .innerJoin(administrativeUnits, eq(administrativeUnits.id, committees.unitId))
    .where(eq(committees.id, committeeId));
  return row;
}

/** The user's seat on the committee on `date` and the delegations in force to it. */
export async function findSeat(db: DbOrTx, committeeId: string, userId: string, date: string) {
  const [seat] = await db
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.committeeId, committeeId), eq(memberships.userId, userId), seatInForce(date)))
    .limit(1);
  if (!seat) return { seat: null, delegations: [] };
  const delegated = await db
    .select({ id: delegations.id, scopes: delegations.scopes, domains: delegations.domains })
    .from(delegations)
    .where(
      and(
        eq(delegations.toMembershipId, seat.id),
        isNull(delegations.revokedAt),
        sql`${delegations.validFrom} <= ${date}::date and ${delegations.validTo} >= ${date}::date`,
      ),
    );
  return {
    seat: seat as { id: string; role: CommitteeRole },
    delegations: delegated as { id: string; scopes: DelegationScope[]; domains: string[] }[],
  };
}

/**
 * Loads the committee and the actor's standing on it (seat, delegations, oversight from a committee above).
 * A committee the actor may not see answers 404, as if it did not exist.
 */
export async function loadCommitteeAccess(
  db: DbOrTx,
  actor: Actor,
  committeeId: string,
  date = todayInVietnam(),
) {
  const row = await findCommitteeRow(db, committeeId);
  if (!row) throw new AppError('committee.notFound');
  const { seat, delegations: delegated } = await findSeat(db, committeeId, actor.userId, date);
  const [above] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(committees, eq(committees.id, memberships.committeeId))
    .where(
      and(
        eq(memberships.userId, actor.userId),
        seatInForce(date),
        sql`${memberships.role} <> 'guest'`,
        sql`${row.committee.path} like ${committees.path} || '%' and ${committees.id} <> ${committeeId}`,
      ),
    );
  const access: CommitteeAccess = {
    committeeId,
    unitPath: row.unitPath,
    membership: seat,
    delegations: delegated,
    oversight: (above?.n ?? 0) > 0,
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
