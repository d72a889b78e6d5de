import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { usersView } from '../users/users.service.ts';
import { seatInForce } from './access.repo.ts';
import { delegations, memberships, personnelChanges } from './committees.schema.ts';

const outgoing = usersView('outgoing');
const replacement = usersView('replacement');
const proposer = usersView('proposer');
const decider = usersView('decider');

/** The committee's personnel changes, newest first, with the names of the people involved. */
export async function findPersonnelChanges(db: DbOrTx, committeeId: string) {
  return db
    .select({
      p: personnelChanges,
      outgoingName: outgoing.fullName,
      replacementName: replacement.fullName,
      proposedBy: proposer.fullName,
      decidedBy: decider.fullName,
    })
    .from(personnelChanges)
    .innerJoin(memberships, eq(memberships.id, personnelChanges.membershipId))
    .innerJoin(outgoing, eq(outgoing.id, memberships.userId))
    .innerJoin(replacement, eq(replacement.id, personnelChanges.replacementUserId))
    .leftJoin(proposer, eq(proposer.id, personnelChanges.proposedBy))
    .leftJoin(decider, eq(decider.id, personnelChanges.decidedBy))
    .where(eq(personnelChanges.committeeId, committeeId))
    .orderBy(desc(personnelChanges.proposedAt));
}

export async function insertPersonnelChange(db: DbOrTx, row: typeof personnelChanges.$inferInsert) {
  await db.insert(personnelChanges).values(row);
}

/** The change, locked for its decision. */
export async function lockPersonnelChange(tx: DbOrTx, committeeId: string, changeId: string) {
  const [change] = await tx
    .select()
    .from(personnelChanges)
    .where(and(eq(personnelChanges.id, changeId), eq(personnelChanges.committeeId, committeeId)))
    .for('update');
  return change;
}

export async function recordPersonnelDecision(
  tx: DbOrTx,
  changeId: string,
  decision: {
    status: 'approved' | 'rejected';
    decidedBy: string;
    decidedAt: Date;
    decisionNote: string | null;
    newMembershipId?: string;
    movedItems?: Record<string, number>;
  },
) {
  await tx.update(personnelChanges).set(decision).where(eq(personnelChanges.id, changeId));
}

/** The heads of the committee on `date` (normally one). */
export async function findHeadUserIds(db: DbOrTx, committeeId: string, date: string) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.committeeId, committeeId), eq(memberships.role, 'head'), seatInForce(date)));
  return rows.map((r) => r.userId);
}

/** Ends the outgoing seat the day before the change takes effect. */
export async function endSeatBefore(tx: DbOrTx, membershipId: string, effectiveDate: string, reason: string) {
  await tx
    .update(memberships)
    .set({ endDate: sql`${effectiveDate}::date - 1`, endReason: reason, updatedAt: sql`now()` })
    .where(eq(memberships.id, membershipId));
}

export async function markSeatReplaced(tx: DbOrTx, membershipId: string, replacedById: string) {
  await tx.update(memberships).set({ replacedById }).where(eq(memberships.id, membershipId));
}

/** A delegation is personal: it ends with the seat (given or received) rather than passing to the successor. */
export async function endDelegationsOfSeat(tx: DbOrTx, membershipId: string, effectiveDate: string) {
  const ended = await tx
    .update(delegations)
    .set({ validTo: sql`greatest(${delegations.validFrom}, ${effectiveDate}::date - 1)` })
    .where(
      and(
        sql`(${delegations.toMembershipId} = ${membershipId} or ${delegations.fromMembershipId} = ${membershipId})`,
        sql`${delegations.validTo} >= ${effectiveDate}::date`,
        sql`${delegations.revokedAt} is null`,
      ),
    )
    .returning({ id: delegations.id });
  return ended.length;
}

/** Proposed changes still waiting for a decision in these committees, with the people's names (the inbox). */
export async function findProposedChanges(db: DbOrTx, committeeIds: string[]) {
  if (!committeeIds.length) return [];
  return db
    .select({
      id: personnelChanges.id,
      committeeId: personnelChanges.committeeId,
      reason: personnelChanges.reason,
      proposedAt: personnelChanges.proposedAt,
      outgoingName: outgoing.fullName,
      replacementName: replacement.fullName,
    })
    .from(personnelChanges)
    .innerJoin(memberships, eq(memberships.id, personnelChanges.membershipId))
    .innerJoin(outgoing, eq(outgoing.id, memberships.userId))
    .innerJoin(replacement, eq(replacement.id, personnelChanges.replacementUserId))
    .where(
      and(
        eq(personnelChanges.status, 'proposed'),
        sql`${personnelChanges.committeeId} = any(${sql.param(committeeIds)}::uuid[])`,
      ),
    )
    .orderBy(desc(personnelChanges.proposedAt));
}
