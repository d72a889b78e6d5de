import type { StandingAgencyBody, WorkingGroupBody } from '@steerco/contract/agencies';
import type { z } from 'zod';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { findUnit } from '../units/units.service.ts';
import { findPersons } from '../users/users.service.ts';
import { assertCommittee, loadCommitteeAccess } from './access.service.ts';
import { assertDomains } from './committees.service.ts';
import {
  deleteStandingAgency,
  findStandingAgencies,
  findWorkingGroups,
  groupExists,
  insertStandingAgency,
  insertWorkingGroup,
  moveGroupSeats,
  replaceGroupMembers,
  updateWorkingGroup,
} from './structure.repo.ts';

// ——— Standing agencies (R2) ———

/** The committee's standing agencies' units and their domains (who owns a domain's figures, R2). */
export async function standingAgencyUnits(db: DbOrTx, committeeId: string) {
  return (await findStandingAgencies(db, committeeId)).map((r) => ({ unitId: r.unitId, domains: r.domains }));
}

export async function listStandingAgencies(db: Db, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  return { items: await findStandingAgencies(db, committeeId) };
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
  if (!(await findUnit(db, body.unitId))) throw new AppError('unit.notFound');
  const id = uuidv7();
  await db
    .transaction(async (tx) => {
      await insertStandingAgency(tx, {
        id,
        committeeId,
        ...body,
        responsibilities: body.responsibilities ?? null,
      });
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
  if (!(await deleteStandingAgency(db, committeeId, agencyId)))
    throw new AppError('committee.agencyNotFound');
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
  return { items: await findWorkingGroups(db, committeeId) };
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
    if (body.parentGroupId === groupId || !(await groupExists(db, committeeId, body.parentGroupId)))
      throw new AppError('committee.invalidGroupParent');
  }
  const memberIds = [...new Set([...(body.leaderUserId ? [body.leaderUserId] : []), ...body.memberUserIds])];
  if (memberIds.length) {
    const found = await findPersons(db, memberIds);
    if (found.size !== memberIds.length) throw new AppError('user.notFound');
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
      if (!(await updateWorkingGroup(tx, committeeId, groupId, values)))
        throw new AppError('committee.groupNotFound');
    } else {
      await insertWorkingGroup(tx, id, committeeId, values);
    }
    await replaceGroupMembers(tx, id, memberIds, !!groupId);
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
export const moveWorkingGroupSeats = moveGroupSeats;
