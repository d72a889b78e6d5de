import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { unitsView } from '../units/units.service.ts';
import { usersView } from '../users/users.service.ts';
import { standingAgencies, workingGroupMembers, workingGroups } from './committees.schema.ts';

const agencyUnit = unitsView('agency_unit');

/** The committee's standing agencies (R2) with their unit's name, oldest first. */
export async function findStandingAgencies(db: DbOrTx, committeeId: string) {
  const rows = await db
    .select({ a: standingAgencies, unitName: agencyUnit.name })
    .from(standingAgencies)
    .innerJoin(agencyUnit, eq(agencyUnit.id, standingAgencies.unitId))
    .where(eq(standingAgencies.committeeId, committeeId))
    .orderBy(asc(standingAgencies.createdAt));
  return rows.map(({ a, unitName }) => ({
    id: a.id,
    committeeId: a.committeeId,
    unitId: a.unitId,
    unitName,
    domains: a.domains,
    responsibilities: a.responsibilities,
  }));
}

export async function insertStandingAgency(db: DbOrTx, row: typeof standingAgencies.$inferInsert) {
  await db.insert(standingAgencies).values(row);
}

export async function deleteStandingAgency(db: DbOrTx, committeeId: string, agencyId: string) {
  const deleted = await db
    .delete(standingAgencies)
    .where(and(eq(standingAgencies.id, agencyId), eq(standingAgencies.committeeId, committeeId)))
    .returning({ id: standingAgencies.id });
  return deleted.length > 0;
}

const leader = usersView('leader');
const groupMember = usersView('group_member');

/** The committee's working groups (R6), oldest first, each with its members by name. */
export async function findWorkingGroups(db: DbOrTx, committeeId: string) {
  const groups = await db
    .select({ g: workingGroups, leaderName: leader.fullName })
    .from(workingGroups)
    .leftJoin(leader, eq(leader.id, workingGroups.leaderUserId))
    .where(eq(workingGroups.committeeId, committeeId))
    .orderBy(asc(workingGroups.createdAt));
  const ids = groups.map(({ g }) => g.id);
  const members = ids.length
    ? await db
        .select({
          groupId: workingGroupMembers.groupId,
          userId: groupMember.id,
          fullName: groupMember.fullName,
          position: groupMember.position,
        })
        .from(workingGroupMembers)
        .innerJoin(groupMember, eq(groupMember.id, workingGroupMembers.userId))
        .where(inArray(workingGroupMembers.groupId, ids))
        .orderBy(asc(groupMember.fullName))
    : [];
  return groups.map(({ g, leaderName }) => ({
    id: g.id,
    committeeId: g.committeeId,
    parentGroupId: g.parentGroupId,
    name: g.name,
    domain: g.domain,
    purpose: g.purpose,
    leaderUserId: g.leaderUserId,
    leaderName,
    startDate: g.startDate,
    endDate: g.endDate,
    establishingDecision: g.establishingDecision,
    members: members
      .filter((m) => m.groupId === g.id)
      .map((m) => ({
        userId: m.userId,
        fullName: m.fullName,
        position: m.position,
        isLeader: m.userId === g.leaderUserId,
      })),
  }));
}

export async function groupExists(db: DbOrTx, committeeId: string, groupId: string) {
  const [p] = await db
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(and(eq(workingGroups.id, groupId), eq(workingGroups.committeeId, committeeId)));
  return !!p;
}

type GroupValues = Omit<typeof workingGroups.$inferInsert, 'id' | 'committeeId'>;

export async function insertWorkingGroup(tx: DbOrTx, id: string, committeeId: string, values: GroupValues) {
  await tx.insert(workingGroups).values({ id, committeeId, ...values });
}

/** Replaces a group's fields; false when it is not the committee's. */
export async function updateWorkingGroup(
  tx: DbOrTx,
  committeeId: string,
  groupId: string,
  values: GroupValues,
) {
  const updated = await tx
    .update(workingGroups)
    .set(values)
    .where(and(eq(workingGroups.id, groupId), eq(workingGroups.committeeId, committeeId)))
    .returning({ id: workingGroups.id });
  return updated.length > 0;
}

export async function replaceGroupMembers(tx: DbOrTx, groupId: string, userIds: string[], replace: boolean) {
  if (replace) await tx.delete(workingGroupMembers).where(eq(workingGroupMembers.groupId, groupId));
  if (userIds.length)
    await tx.insert(workingGroupMembers).values(userIds.map((userId) => ({ groupId, userId })));
}

/** Puts `toUserId` in `fromUserId`'s place in every working group of the committee; how many seats moved. */
export async function moveGroupSeats(tx: DbOrTx, committeeId: string, fromUserId: string, toUserId: string) {
  const groups = await tx
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(eq(workingGroups.committeeId, committeeId));
  if (!groups.length) return 0;
  const ids = groups.map((g) => g.id);
  const moved = await tx
    .delete(workingGroupMembers)
    .where(and(inArray(workingGroupMembers.groupId, ids), eq(workingGroupMembers.userId, fromUserId)))
    .returning({ groupId: workingGroupMembers.groupId });
  if (moved.length) {
    await tx
      .insert(workingGroupMembers)
      .values(moved.map((m) => ({ groupId: m.groupId, userId: toUserId })))
      .onConflictDoNothing();
  }
  await tx
    .update(workingGroups)
    .set({ leaderUserId: toUserId })
    .where(and(inArray(workingGroups.id, ids), eq(workingGroups.leaderUserId, fromUserId)));
  return moved.length;
}
