import type { CreateDelegationBody, Delegation, DelegationScope } from '@steerco/contract/delegations';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { findSeat } from './access.repo.ts';
import { assertCommittee, loadCommitteeAccess } from './access.service.ts';
import { ACTION_OF_SCOPE, type CommitteeAccess } from './committees.policy.ts';
import { assertDomains } from './committees.service.ts';
import {
  delegateCovering,
  findDelegations,
  headCovering,
  insertDelegation,
  revokeDelegationRow,
} from './delegations.repo.ts';

export async function listDelegations(
  db: Db,
  actor: Actor,
  committeeId: string,
): Promise<{ items: Delegation[] }> {
  await loadCommitteeAccess(db, actor, committeeId);
  const today = clock.today();
  const rows = await findDelegations(db, committeeId);
  return {
    items: rows.map(({ d, fromName, toName }) => ({
      id: d.id,
      committeeId: d.committeeId,
      fromMembershipId: d.fromMembershipId,
      fromName,
      toMembershipId: d.toMembershipId,
      toName,
      scopes: d.scopes as DelegationScope[],
      domains: d.domains,
      validFrom: d.validFrom,
      validTo: d.validTo,
      document: d.document,
      revokedAt: d.revokedAt?.toISOString() ?? null,
      active: !d.revokedAt && d.validFrom <= today && d.validTo >= today,
    })),
  };
}

/**
 * Records the head's delegation (R3, R4). The delegate must hold a seat on the committee for the whole period;
 * when the standing agency records it, the head's signed document must be cited.
 */
export async function createDelegation(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: CreateDelegationBody,
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.delegate', access);
  if (body.validTo < body.validFrom) throw new AppError('validation.dateOrder');
  if (access.membership?.role !== 'head' && !body.document) throw new AppError('delegation.documentRequired');
  await assertDomains(db, committeeId, body.domains);
  const head = await headCovering(db, committeeId, body.validFrom, body.validTo);
  if (!head) throw new AppError('delegation.noHead');
  const delegate = await delegateCovering(db, committeeId, body.toMembershipId, body.validFrom, body.validTo);
  if (!delegate) throw new AppError('delegation.notMember');
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await insertDelegation(tx, {
      id,
      committeeId,
      fromMembershipId: head.id,
      toMembershipId: delegate.id,
      scopes: body.scopes,
      domains: body.domains,
      validFrom: body.validFrom,
      validTo: body.validTo,
      document: body.document ?? null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'delegation.created',
      entityType: 'committee',
      entityId: committeeId,
      data: { id, ...body },
    });
  });
  return (await listDelegations(db, actor, committeeId)).items.find((d) => d.id === id)!;
}

export async function revokeDelegation(db: Db, actor: Actor, committeeId: string, delegationId: string) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.delegate', access);
  const revoked = await revokeDelegationRow(db, committeeId, delegationId, {
    at: clock.now(),
    userId: actor.userId,
  });
  if (!revoked) throw new AppError('delegation.notFound');
  await recordAudit(db, {
    actorId: actor.userId,
    action: 'delegation.revoked',
    entityType: 'committee',
    entityId: committeeId,
    data: { delegationId },
  });
  return (await listDelegations(db, actor, committeeId)).items.find((d) => d.id === delegationId)!;
}

/**
 * "May `userId` act for the head on `scope` in `domain` on `date`?" — answered by the same `can` every request
 * goes through: the head always may; anyone else only with a delegation in force whose scope and domains cover
 * it (R4: beyond the scope, it goes back to the head).
 */
export async function mayActForHead(
  db: DbOrTx,
  q: { committeeId: string; userId: string; scope: DelegationScope; domain?: string | null; date?: string },
) {
  const date = q.date ?? clock.today();
  const { seat, delegations: delegated } = await findSeat(db, q.committeeId, q.userId, date);
  if (!seat)
    return {
      allowed: false,
      as: null,
      delegationId: null,
      reason: 'Không phải thành viên Ban Chỉ đạo vào ngày này',
    } as const;
  const access: CommitteeAccess = {
    committeeId: q.committeeId,
    unitPath: '',
    membership: seat,
    delegations: delegated,
    oversight: false,
  };
  // Acting for the head is never an administrator's right, so the person is judged by their seat alone.
  const person = { userId: q.userId, systemRole: null, unitPath: null } as unknown as Actor;
  if (!can(person, ACTION_OF_SCOPE[q.scope], { committee: access, domain: q.domain ?? null })) {
    return {
      allowed: false,
      as: null,
      delegationId: null,
      reason: 'Không có ủy quyền còn hiệu lực cho việc này',
    } as const;
  }
  if (seat.role === 'head')
    return { allowed: true, as: 'head', delegationId: null, reason: 'Trưởng Ban' } as const;
  // The delegation that actually covers it: with the scope, and for every domain or this one.
  const match = delegated.find(
    (d) =>
      d.scopes.includes(q.scope) && (d.domains.length === 0 || (!!q.domain && d.domains.includes(q.domain))),
  );
  return {
    allowed: true,
    as: 'delegate',
    delegationId: match?.id ?? null,
    reason: 'Được Trưởng Ban ủy quyền',
  } as const;
}

export async function actingAnswer(
  db: Db,
  actor: Actor,
  committeeId: string,
  q: { userId: string; scope: DelegationScope; domain?: string; date?: string },
) {
  await loadCommitteeAccess(db, actor, committeeId);
  return mayActForHead(db, { committeeId, ...q });
}
