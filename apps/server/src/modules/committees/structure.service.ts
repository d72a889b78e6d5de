import type { StandingAgencyBody, WorkingGroupBody } from '@steerco/contract/agencies';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../db/audit.ts';
import type { Db, Tx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import { assertCommittee, loadCommitteeAccess } from './committees.access.ts';
import { standingAgencies, workingGroupMembers, workingGroups } from './committees.schema.ts';
import { assertDomains } from './committees.service.ts';

// ——— Standing agencies (R2) ———

export async function listStandingAgencies(db: Db, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  const rows = await db
    .select({ a: standingAgencies, unitName: administrativeUnits.name })
    .from(standingAgencies)
    .innerJoin(administrativeUnits, eq(administrativeUnits.id, standingAgencies.unitId))
    .where(eq(standingAgencies.committeeId, committeeId))
    .orderBy(asc(standingAgencies.createdAt));
  return {
    items: rows.map(({ a, unitName }) => ({
      id: a.id,
      committeeId: a.committeeId,
      unitId: a.unitId,
      unitName,
      domains: a.domains,
      responsibilities: a.responsibilities,
    })),
  };
}

export async function addStandingAgency(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: z.infer<typeof StandingAgencyBody>,
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.manageStructure', access);
  await assertDomains(db, committeeId, body.domains);
  const [unit] = await db
    .select({ id: administrativeUnits.id })
    .from(administrativeUnits)
    .where(eq(administrativeUnits.id, body.unitId));
  if (!unit) throw new AppError('unit.notFound');
  const id = uuidv7();
  await db
    .transaction(async (tx) => {
      await tx
        .insert(standingAgencies)
        .values({ id, committeeId, ...body, responsibilities: body.responsibilities ?? null });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'standingAgency.added',
        entityType: 'committee',
        entityId: committeeId,
        data: body,
      });
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw new AppError('committee.duplicateAgency');
      throw err;
    });
  return (await listStandingAgencies(db, actor, committeeId)).items.find((a) => a.id === id)!;
}

export async function removeStandingAgency(db: Db, actor: Actor, committeeId: string, agencyId: string) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.manageStructure', access);
  const deleted = await db
    .delete(standingAgencies)
    .where(and(eq(standingAgencies.id, agencyId), eq(standingAgencies.committeeId, committeeId)))
    .returning({ id: standingAgencies.id });
  if (!deleted.length) throw new AppError('committee.agencyNotFound');
  await recordAudit(db, {
    actorId: actor.userId,
    action: 'standingAgency.removed',
    entityType: 'committee',
    entityId: committeeId,
    data: { agencyId },
  });
}

// ——— Working groups and sub-groups (R6) ———

export async function listWorkingGroups(db: Db, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  const groups = await db
    .select({ g: workingGroups, leaderName: users.fullName })
    .from(workingGroups)
    .leftJoin(users, eq(users.id, workingGroups.leaderUserId))
    .where(eq(workingGroups.committeeId, committeeId))
    .orderBy(asc(workingGroups.createdAt));
  const ids = groups.map(({ g }) => g.id);
  const members = ids.length
    ? await db
        .select({
          groupId: workingGroupMembers.groupId,
          userId: users.id,
          fullName: users.fullName,
          position: users.position,
        })
        .from(workingGroupMembers)
        .innerJoin(users, eq(users.id, workingGroupMembers.userId))
        .where(inArray(workingGroupMembers.groupId, ids))
        .orderBy(asc(users.fullName))
    : [];
  return {
    items: groups.map(({ g, leaderName }) => ({
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
    })),
  };
}

/** Creates (or, with `groupId`, replaces) a working group; the leader is always one of its members. */
export async function saveWorkingGroup(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: z.infer<typeof WorkingGroupBody>,
  groupId?: string,
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.manageStructure', access);
  if (body.startDate && body.endDate && body.endDate < body.startDate)
    throw new AppError('validation.dateOrder');
  await assertDomains(db, committeeId, [body.domain]);
  if (body.parentGroupId) {
    const [p] = await db
      .select({ id: workingGroups.id })
      .from(workingGroups)
      .where(and(eq(workingGroups.id, body.parentGroupId), eq(workingGroups.committeeId, committeeId)));
    if (!p || p.id === groupId) throw new AppError('committee.invalidGroupParent');
  }
  const memberIds = [...new Set([...(body.leaderUserId ? [body.leaderUserId] : []), ...body.memberUserIds])];
  if (memberIds.length) {
    const found = await db.select({ id: users.id }).from(users).where(inArray(users.id, memberIds));
    if (found.length !== memberIds.length) throw new AppError('user.notFound');
  }
  const id = groupId ?? uuidv7();
  const values = {
    name: body.name,
    parentGroupId: body.parentGroupId ?? null,
    domain: body.domain ?? null,
    purpose: body.purpose ?? null,
    leaderUserId: body.leaderUserId ?? null,
    startDate: body.startDate ?? null,
    endDate: body.endDate ?? null,
    establishingDecision: body.establishingDecision ?? null,
  };
  await db.transaction(async (tx) => {
    if (groupId) {
      const updated = await tx
        .update(workingGroups)
        .set(values)
        .where(and(eq(workingGroups.id, groupId), eq(workingGroups.committeeId, committeeId)))
        .returning({ id: workingGroups.id });
      if (!updated.length) throw new AppError('committee.groupNotFound');
      await tx.delete(workingGroupMembers).where(eq(workingGroupMembers.groupId, groupId));
    } else {
      await tx.insert(workingGroups).values({ id, committeeId, ...values });
    }
    if (memberIds.length)
      await tx.insert(workingGroupMembers).values(memberIds.map((userId) => ({ groupId: id, userId })));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: groupId ? 'workingGroup.updated' : 'workingGroup.created',
      entityType: 'committee',
      entityId: committeeId,
      data: { groupId: id, name: body.name },
    });
  });
  return (await listWorkingGroups(db, actor, committeeId)).items.find((g) => g.id === id)!;
}

/** Puts the replacement in the outgoing member's place in every working group of the committee (R14). */
export async function moveWorkingGroupSeats(
  tx: Tx,
  committeeId: string,
  fromUserId: string,
  toUserId: string,
) {
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
