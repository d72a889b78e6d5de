import type { DecidePersonnelChangeBody, ProposePersonnelChangeBody } from '@steerco/contract/personnel';
import type { z } from 'zod';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, Tx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { emit } from '../../events/bus.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertFileOfCommittee, fileDtos } from '../files/files.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findPersons } from '../users/users.service.ts';
import { findSeat } from './access.repo.ts';
import { assertCommittee, loadCommitteeAccess } from './access.service.ts';
import type { SeatReplaced } from './committees.events.ts';
import { insertMembership } from './memberships.repo.ts';
import { getMembership, membershipConstraintError, moveDuties } from './memberships.service.ts';
import {
  endDelegationsOfSeat,
  endSeatBefore,
  findHeadUserIds,
  findPersonnelChanges,
  insertPersonnelChange,
  lockPersonnelChange,
  markSeatReplaced,
  recordPersonnelDecision,
} from './personnel.repo.ts';
import { moveWorkingGroupSeats } from './structure.service.ts';

/**
 * R14: what the committee itself hands over when a seat is replaced. Open items of other modules (follow-up
 * tasks, …) move in their reactions to the `seat.replaced` event (src/wiring.ts).
 */
const openItemMovers = new Map<string, (tx: Tx, h: SeatReplaced) => Promise<number>>([
  [
    'duties',
    (tx, h) => moveDuties(tx, h.fromMembershipId, h.toMembershipId, 'Chuyển giao theo thay đổi nhân sự'),
  ],
  ['workingGroups', (tx, h) => moveWorkingGroupSeats(tx, h.committeeId, h.fromUserId, h.toUserId)],
  [
    // A delegation is personal: it ends with the seat rather than passing to the successor.
    'delegationsEnded',
    (tx, h) => endDelegationsOfSeat(tx, h.fromMembershipId, h.effectiveDate),
  ],
]);

export async function listPersonnelChanges(db: Db, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  const rows = await findPersonnelChanges(db, committeeId);
  const reports = await fileDtos(
    db,
    rows.flatMap(({ p }) => (p.reportFileId ? [p.reportFileId] : [])),
  );
  return {
    items: rows.map(({ p, ...names }) => ({
      id: p.id,
      committeeId: p.committeeId,
      membershipId: p.membershipId,
      outgoingName: names.outgoingName,
      replacementUserId: p.replacementUserId,
      replacementName: names.replacementName,
      reportNumber: p.reportNumber,
      reportDate: p.reportDate,
      reportFile: (p.reportFileId && reports.get(p.reportFileId)) || null,
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
  const person = (await findPersons(db, [body.replacementUserId])).get(body.replacementUserId);
  if (!person) throw new AppError('user.notFound');
  if (!person.active) throw new AppError('membership.userInactive');
  if (body.reportFileId) await assertFileOfCommittee(db, body.reportFileId, committeeId);
  const already = await findSeat(db, committeeId, body.replacementUserId, body.effectiveDate);
  if (already.seat) throw new AppError('membership.duplicate');

  const id = uuidv7();
  await db.transaction(async (tx) => {
    await insertPersonnelChange(tx, {
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
    const heads = await findHeadUserIds(tx, committeeId, body.reportDate);
    await notify(
      tx,
      heads.map((userId) => ({
        userId,
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
      const change = await lockPersonnelChange(tx, committeeId, changeId);
      if (!change) throw new AppError('personnel.notFound');
      if (change.status !== 'proposed') throw new AppError('personnel.alreadyDecided');
      const old = await getMembership(tx, committeeId, change.membershipId);
      const person = (await findPersons(tx, [change.replacementUserId])).get(change.replacementUserId);
      const decided = { decidedBy: actor.userId, decidedAt: clock.now(), decisionNote: body.note ?? null };

      if (body.decision === 'reject') {
        await recordPersonnelDecision(tx, changeId, { status: 'rejected', ...decided });
      } else {
        const newId = uuidv7();
        await endSeatBefore(tx, old.m.id, change.effectiveDate, `Thay đổi nhân sự: ${change.reason}`);
        await insertMembership(tx, {
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
        await markSeatReplaced(tx, old.m.id, newId);
        const handOver: SeatReplaced = {
          committeeId,
          fromMembershipId: old.m.id,
          toMembershipId: newId,
          fromUserId: old.m.userId,
          toUserId: change.replacementUserId,
          effectiveDate: change.effectiveDate,
        };
        const movedItems: Record<string, number> = {};
        for (const [kind, mover] of openItemMovers) movedItems[kind] = await mover(tx, handOver);
        Object.assign(movedItems, await emit(tx, 'seat.replaced', handOver));
        await recordPersonnelDecision(tx, changeId, {
          status: 'approved',
          newMembershipId: newId,
          movedItems,
          ...decided,
        });
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
