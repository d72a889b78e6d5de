import type { CreateDelegationBody, Delegation, DelegationScope } from '@steerco/contract/delegations';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { users } from '../users/users.schema.ts';
import { assertCommittee, findSeat, loadCommitteeAccess } from './committees.access.ts';
import { ACTION_OF_SCOPE, type CommitteeAccess } from './committees.policy.ts';
import { delegations, memberships } from './committees.schema.ts';
import { assertDomains } from './committees.service.ts';

const fromSeat = alias(memberships, 'from_seat');
const toSeat = alias(memberships, 'to_seat');
const fromUser = alias(users, 'from_user');
const toUser = alias(users, 'to_user');

export async function listDelegations(
  db: Db,
  actor: Actor,
  committeeId: string,
): Promise<{ items: Delegation[] }> {
  await loadCommitteeAccess(db, actor, committeeId);
  const today = clock.today();
  const rows = await db
    .select({ d: delegations, fromName: fromUser.fullName, toName: toUser.fullName })
    .from(delegations)
    .innerJoin(fromSeat, eq(fromSeat.id, delegations.fromMembershipId))
    .innerJoin(fromUser, eq(fromUser.id, fromSeat.userId))
    .innerJoin(toSeat, eq(toSeat.id, delegations.toMembershipId))
    .innerJoin(toUser, eq(toUser.id, toSeat.userId))
    .where(eq(delegations.committeeId, committeeId))
    .orderBy(desc(delegations.validFrom));
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

/** The seat covering the whole period [from, to] on this committee, if there is one. */
async function seatCovering(
  db: DbOrTx,
  committeeId: string,
  where: ReturnType<typeof sql>,
  from: string,
  to: string,
) {
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
  const head = await seatCovering(
    db,
    committeeId,
    sql`${memberships.role} = 'head'`,
    body.validFrom,
    body.validTo,
  );
  if (!head) throw new AppError('delegation.noHead');
  const delegate = await seatCovering(
    db,
    committeeId,
    sql`${memberships.id} = ${body.toMembershipId} and ${memberships.role} not in ('guest', 'head')`,
    body.validFrom,
    body.validTo,
  );
  if (!delegate) throw new AppError('delegation.notMember');
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await tx.insert(delegations).values({
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
  const updated = await db
    .update(delegations)
    .set({ revokedAt: clock.now(), revokedBy: actor.userId })
    .where(
      and(
        eq(delegations.id, delegationId),
        eq(delegations.committeeId, committeeId),
        isNull(delegations.revokedAt),
      ),
    )
    .returning({ id: delegations.id });
  if (!updated.length) throw new AppError('delegation.notFound');
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
