import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { usersView } from '../users/users.service.ts';
import { delegations, memberships } from './committees.schema.ts';

const fromSeat = alias(memberships, 'from_seat');
const toSeat = alias(memberships, 'to_seat');
const fromUser = usersView('from_user');
const toUser = usersView('to_user');

/** The committee's delegations, latest first, with the names of the head and the delegate. */
export async function findDelegations(db: DbOrTx, committeeId: string) {
  return db
    .select({ d: delegations, fromName: fromUser.fullName, toName: toUser.fullName })
    .from(delegations)
    .innerJoin(fromSeat, eq(fromSeat.id, delegations.fromMembershipId))
    .innerJoin(fromUser, eq(fromUser.id, fromSeat.userId))
    .innerJoin(toSeat, eq(toSeat.id, delegations.toMembershipId))
    .innerJoin(toUser, eq(toUser.id, toSeat.userId))
    .where(eq(delegations.committeeId, committeeId))
    .orderBy(desc(delegations.validFrom));
}

/** The committee's head seat covering the whole period [from, to], if there is one. */
export const headCovering = (db: DbOrTx, committeeId: string, from: string, to: string) =>
  seatCovering(db, committeeId, sql`${memberships.role} = 'head'`, from, to);

/** The seat `membershipId` when it may receive a delegation (not a guest, not the head) for [from, to]. */
export const delegateCovering = (
  db: DbOrTx,
  committeeId: string,
  membershipId: string,
  from: string,
  to: string,
) =>
  seatCovering(
    db,
    committeeId,
    sql`${memberships.id} = ${membershipId} and ${memberships.role} not in ('guest', 'head')`,
    from,
    to,
  );

async function seatCovering(db: DbOrTx, committeeId: string, where: SQL, from: string, to: string) {
  const [seat] = await db
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.committeeId, committeeId),
        where,
        sql`${memberships.startDate} <= ${from}::date and (${memberships.endDate} is null or ${memberships.endDate} >= ${to}::date)`,
      ),
    )
    .limit(1);
  return seat;
}

export async function insertDelegation(db: DbOrTx, row: typeof delegations.$inferInsert) {
  await db.insert(delegations).values(row);
}

/** Revokes a delegation still in force; false when there is none of that id on the committee. */
export async function revokeDelegationRow(
  db: DbOrTx,
  committeeId: string,
  delegationId: string,
  by: { at: Date; userId: string },
) {
  const updated = await db
    .update(delegations)
    .set({ revokedAt: by.at, revokedBy: by.userId })
    .where(
      and(
        eq(delegations.id, delegationId),
        eq(delegations.committeeId, committeeId),
        isNull(delegations.revokedAt),
      ),
    )
    .returning({ id: delegations.id });
  return updated.length > 0;
}
