import type { DecidePersonnelChangeBody, ProposePersonnelChangeBody } from '@steerco/contract/personnel';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, Tx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { files } from '../files/files.schema.ts';
import { assertFileOfCommittee, toFileDto } from '../files/files.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { users } from '../users/users.schema.ts';
import { assertCommittee, findSeat, loadCommitteeAccess, seatInForce } from './committees.access.ts';
import { delegations, memberships, personnelChanges } from './committees.schema.ts';
import { getMembership, membershipConstraintError, moveDuties } from './memberships.service.ts';
import { moveWorkingGroupSeats } from './structure.service.ts';

/** What a personnel change hands over: one mover per kind of open item. */
export interface HandOver {
  committeeId: string;
  fromMembershipId: string;
  toMembershipId: string;
  fromUserId: string;
  toUserId: string;
  effectiveDate: string;
}
export type OpenItemMover = (tx: Tx, handOver: HandOver) => Promise<number>;

/**
 * R14: everything open that belonged to the outgoing member moves to the replacement. Later modules add their
 * movers here (meeting invitations not yet held; follow-up tasks) with `registerOpenItemMover`.
 */
const openItemMovers = new Map<string, OpenItemMover>([
  [
    'duties',
    (tx, h) => moveDuties(tx, h.fromMembershipId, h.toMembershipId, 'Chuyển giao theo thay đổi nhân sự'),
  ],
  ['workingGroups', (tx, h) => moveWorkingGroupSeats(tx, h.committeeId, h.fromUserId, h.toUserId)],
  [
    // A delegation is personal: it ends with the seat rather than passing to the successor.
    'delegationsEnded',
    async (tx, h) => {
      const ended = await tx
        .update(delegations)
        .set({ validTo: sql`greatest(${delegations.validFrom}, ${h.effectiveDate}::date - 1)` })
        .where(
          and(
            sql`(${delegations.toMembershipId} = ${h.fromMembershipId} or ${delegations.fromMembershipId} = ${h.fromMembershipId})`,
            sql`${delegations.validTo} >= ${h.effectiveDate}::date`,
            sql`${delegations.revokedAt} is null`,
          ),
        )
        .returning({ id: delegations.id });
      return ended.length;
    },
  ],
]);

export function registerOpenItemMover(kind: string, mover: OpenItemMover) {
  openItemMovers.set(kind, mover);
}

const outgoing = alias(users, 'outgoing');
const replacement = alias(users, 'replacement');
const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

export async function listPersonnelChanges(db: Db, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  const rows = await db
    .select({
      p: personnelChanges,
      outgoingName: outgoing.fullName,
      replacementName: replacement.fullName,
      proposedBy: proposer.fullName,
      decidedBy: decider.fullName,
      reportFile: files,
    })
    .from(personnelChanges)
    .innerJoin(memberships, eq(memberships.id, personnelChanges.membershipId))
    .innerJoin(outgoing, eq(outgoing.id, memberships.userId))
    .innerJoin(replacement, eq(replacement.id, personnelChanges.replacementUserId))
    .leftJoin(proposer, eq(proposer.id, personnelChanges.proposedBy))
    .leftJoin(decider, eq(decider.id, personnelChanges.decidedBy))
    .leftJoin(files, eq(files.id, personnelChanges.reportFileId))
    .where(eq(personnelChanges.committeeId, committeeId))
    .orderBy(desc(personnelChanges.proposedAt));
  return {
    items: rows.map(({ p, reportFile, ...names }) => ({
      id: p.id,
      committeeId: p.committeeId,
      membershipId: p.membershipId,
      outgoingName: names.outgoingName,
      replacementUserId: p.replacementUserId,
      replacementName: names.replacementName,
      reportNumber: p.reportNumber,
      reportDate: p.reportDate,
      reportFile: reportFile ? toFileDto(reportFile) : null,
      reason: p.reason,
      effectiveDate: p.effectiveDate,
      status: p.status,
      proposedBy: names.proposedBy,
      proposedAt: p.proposedAt.toISOString(),
      decidedBy: names.decidedBy,
      decidedAt: p.decidedAt?.toISOString() ?? null,
      decisionNote: p.decisionNote,
      newMembershipId: p.newMembershipId,
      movedItems: p.movedItems,
    })),
  };
}

async function headsOf(tx: Tx | Db, committeeId: string, date: string) {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.committeeId, committeeId), eq(memberships.role, 'head'), seatInForce(date)));
}

/**
 * R14: the member's unit reports the change and proposes a replacement. The standing agency files it for any
 * member; a member files only for a seat of their own unit (or their own). The head is notified.
 */
export async function proposePersonnelChange(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: z.infer<typeof ProposePersonnelChangeBody>,
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'personnel.propose', access);
  const seat = await getMembership(db, committeeId, body.membershipId);
  if (seat.m.endDate && seat.m.endDate < body.effectiveDate) throw new AppError('membership.ended');
  if (body.effectiveDate <= seat.m.startDate) throw new AppError('personnel.invalidDate');
  const filesForOthers = ['secretary', 'head'].includes(access.membership?.role ?? '') || !!actor.systemRole;
  if (!filesForOthers && seat.m.userId !== actor.userId && seat.m.unitId !== actor.unitId) {
    throw new AppError('personnel.outsideUnit');
  }
  const [person] = await db.select().from(users).where(eq(users.id, body.replacementUserId));
  if (!person) throw new AppError('user.notFound');
  if (!person.active) throw new AppError('membership.userInactive');
  if (body.reportFileId) await assertFileOfCommittee(db, body.reportFileId, committeeId);
  const already = await findSeat(db, committeeId, body.replacementUserId, body.effectiveDate);
  if (already.seat) throw new AppError('membership.duplicate');

  const id = uuidv7();
  await db.transaction(async (tx) => {
    await tx.insert(personnelChanges).values({
      id,
      committeeId,
      membershipId: body.membershipId,
      replacementUserId: body.replacementUserId,
      reportNumber: body.reportNumber ?? null,
      reportDate: body.reportDate,
      reportFileId: body.reportFileId ?? null,
      reason: body.reason,
      effectiveDate: body.effectiveDate,
      proposedBy: actor.userId,
    });
    const heads = await headsOf(tx, committeeId, body.reportDate);
    await notify(
      tx,
      heads.map((h) => ({
        userId: h.userId,
        kind: 'personnel.proposed',
        title: `Đề xuất thay thế thành viên: ${seat.fullName} → ${person.fullName}`,
        body: body.reason,
        link: `/ban-chi-dao/${committeeId}?tab=thanh-vien`,
      })),
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'personnel.proposed',
      entityType: 'committee',
      entityId: committeeId,
      data: { id, ...body },
    });
  });
  return (await listPersonnelChanges(db, actor, committeeId)).items.find((p) => p.id === id)!;
}

/**
 * The head approves or rejects. On approval, in one transaction: the old seat ends the day before the
 * effective date, a new seat with the same role starts on it, every open item moves across (history stays on
 * the old seat), and both people are notified.
 */
export async function decidePersonnelChange(
  db: Db,
  actor: Actor,
  committeeId: string,
  changeId: string,
  body: z.infer<typeof DecidePersonnelChangeBody>,
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'personnel.decide', access);
  await db
    .transaction(async (tx) => {
      const [change] = await tx
        .select()
        .from(personnelChanges)
        .where(and(eq(personnelChanges.id, changeId), eq(personnelChanges.committeeId, committeeId)))
        .for('update');
      if (!change) throw new AppError('personnel.notFound');
      if (change.status !== 'proposed') throw new AppError('personnel.alreadyDecided');
      const old = await getMembership(tx, committeeId, change.membershipId);
      const [person] = await tx.select().from(users).where(eq(users.id, change.replacementUserId));
      const decided = { decidedBy: actor.userId, decidedAt: clock.now(), decisionNote: body.note ?? null };

      if (body.decision === 'reject') {
        await tx
          .update(personnelChanges)
          .set({ status: 'rejected', ...decided })
          .where(eq(personnelChanges.id, changeId));
      } else {
        const newId = uuidv7();
        await tx
          .update(memberships)
          .set({
            endDate: sql`${change.effectiveDate}::date - 1`,
            endReason: `Thay đổi nhân sự: ${change.reason}`,
            updatedAt: sql`now()`,
          })
          .where(eq(memberships.id, old.m.id));
        await tx.insert(memberships).values({
          id: newId,
          committeeId,
          userId: change.replacementUserId,
          role: old.m.role,
          isStanding: old.m.isStanding,
          leadDomain: old.m.leadDomain,
          unitId: old.m.unitId,
          position: person?.position ?? old.m.position,
          startDate: change.effectiveDate,
          endDate: old.m.endDate && old.m.endDate >= change.effectiveDate ? old.m.endDate : null,
          appointingDecision: change.reportNumber
            ? { number: change.reportNumber, date: change.reportDate }
            : null,
        });
        await tx.update(memberships).set({ replacedById: newId }).where(eq(memberships.id, old.m.id));
        const handOver: HandOver = {
          committeeId,
          fromMembershipId: old.m.id,
          toMembershipId: newId,
          fromUserId: old.m.userId,
          toUserId: change.replacementUserId,
          effectiveDate: change.effectiveDate,
        };
        const movedItems: Record<string, number> = {};
        for (const [kind, mover] of openItemMovers) movedItems[kind] = await mover(tx, handOver);
        await tx
          .update(personnelChanges)
          .set({ status: 'approved', newMembershipId: newId, movedItems, ...decided })
          .where(eq(personnelChanges.id, changeId));
      }
      const approved = body.decision === 'approve';
      await notify(
        tx,
        [old.m.userId, change.replacementUserId].map((userId) => ({
          userId,
          kind: approved ? 'personnel.approved' : 'personnel.rejected',
          title: approved
            ? `Trưởng Ban đã duyệt thay thế ${old.fullName} bằng ${person?.fullName ?? ''} từ ngày ${change.effectiveDate.split('-').reverse().join('/')}`
            : `Trưởng Ban không duyệt đề xuất thay thế ${old.fullName}`,
          body: body.note ?? null,
          link: `/ban-chi-dao/${committeeId}?tab=thanh-vien`,
        })),
      );
      await recordAudit(tx, {
        actorId: actor.userId,
        action: approved ? 'personnel.approved' : 'personnel.rejected',
        entityType: 'committee',
        entityId: committeeId,
        data: { changeId },
      });
    })
    .catch(membershipConstraintError);
  return (await listPersonnelChanges(db, actor, committeeId)).items.find((p) => p.id === changeId)!;
}
