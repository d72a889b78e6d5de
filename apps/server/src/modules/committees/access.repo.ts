import type { DelegationScope } from '@steerco/contract/delegations';
import type { CommitteeRole } from '@steerco/contract/memberships';
import { and, eq, isNull, type Placeholder, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { unitsView } from '../units/units.service.ts';
import { committees, delegations, memberships } from './committees.schema.ts';

/** A seat in force on `date`: started, not yet ended. */
export const seatInForce = (date: string | Placeholder) =>
  sql`${memberships.startDate} <= ${date}::date and (${memberships.endDate} is null or ${memberships.endDate} >= ${date}::date)`;

const unit = unitsView('committee_unit');

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
 * The committee and the user's standing on it on `date` (seat, delegations, oversight from a committee above),
 * in one round trip.
 */
export async function findCommitteeStanding(db: DbOrTx, committeeId: string, userId: string, date: string) {
  const [row] = await committeeStanding(db).execute({ committeeId, userId, date });
  return row;
}

// Every request about a committee, a meeting or a task opens with this: built once (issue #18).
const committeeStanding = preparedOnce((db) => {
  const userId = sql.placeholder('userId');
  const date = sql.placeholder('date');
  const inForce = sql`m.start_date <= ${date}::date and (m.end_date is null or m.end_date >= ${date}::date)`;
  return db
    .select({
      committee: committees,
      unitPath: unit.path,
      seat: sql<{
        id: string;
        role: CommitteeRole;
      } | null>`(select json_build_object('id', m.id, 'role', m.role)
        from memberships m where m.committee_id = ${committees.id} and m.user_id = ${userId} and ${inForce} limit 1)`,
      delegations: sql<
        { id: string; scopes: DelegationScope[]; domains: string[] }[]
      >`(select coalesce(json_agg(
          json_build_object('id', d.id, 'scopes', d.scopes, 'domains', d.domains)), '[]'::json)
        from delegations d join memberships m on m.id = d.to_membership_id
        where m.committee_id = ${committees.id} and m.user_id = ${userId} and ${inForce}
          and d.revoked_at is null and d.valid_from <= ${date}::date and d.valid_to >= ${date}::date)`,
      // The committees above are the ids in this one's materialised path: one indexed lookup, whatever the depth.
      oversight: sql<boolean>`exists (select 1 from memberships m where m.user_id = ${userId}
        and m.committee_id = any(string_to_array(trim(both '/' from ${committees.path}), '/')::uuid[])
        and m.committee_id <> ${committees.id} and m.role <> 'guest' and ${inForce})`,
    })
    .from(committees)
    .innerJoin(unit, eq(unit.id, committees.unitId))
    .where(eq(committees.id, sql.placeholder('committeeId')))
    .prepare('steerco_committee_standing');
});
