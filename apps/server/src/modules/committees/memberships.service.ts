import type { DecisionRef } from '@steerco/contract/committees';
import type {
  CreateMembershipBody,
  Duty,
  ReplaceDutiesBody,
  UpdateMembershipBody,
} from '@steerco/contract/memberships';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { findPersons } from '../users/users.service.ts';
import { assertCommittee, loadCommitteeAccess, seesContactDetails } from './access.service.ts';
import { assertDomains } from './committees.service.ts';
import {
  endMembership,
  findCandidates as findCandidateRows,
  findCurrentDuties,
  findDutyHistory,
  findLatestDutyVersion,
  findMembership,
  findMemberships,
  insertDuties,
  insertDutyRevision,
  insertMembership,
  lockMembership,
  reassignCurrentDuties,
  retireDuties,
  toMembershipDto,
  updateDuty,
  updateMembership,
} from './memberships.repo.ts';

/** PostgreSQL errors the membership rules raise, turned into problems. */
export function membershipConstraintError(err: unknown): never {
  const e = ((err as { cause?: unknown }).cause ?? err) as { code?: string; constraint?: string };
  if (e.code === '23P01' && e.constraint === 'memberships_one_head_at_a_time')
    throw new AppError('membership.headOverlap');
  if (e.code === '23P01' && e.constraint === 'memberships_one_seat_per_person')
    throw new AppError('membership.duplicate');
  if (e.code === '23514' && e.constraint === 'memberships_dates_check')
    throw new AppError('validation.dateOrder');
  throw err;
}

/** The committee's members on a date (default today); with `includeEnded`, its whole membership history. */
export async function listMembers(
  db: Db,
  actor: Actor,
  committeeId: string,
  query: { at?: string; includeEnded?: string },
) {
  await loadCommitteeAccess(db, actor, committeeId);
  const today = clock.today();
  const rows = await findMemberships(
    db,
    committeeId,
    query.includeEnded === 'true' ? null : (query.at ?? today),
  );
  return { items: rows.map((r) => toMembershipDto(r, today)) };
}

export async function getMembership(db: DbOrTx, committeeId: string, membershipId: string) {
  const row = await findMembership(db, committeeId, membershipId);
  if (!row) throw new AppError('membership.notFound');
  return row;
}

/** Adds a person to the committee, with their standing duties (R7) as version 1. */
export async function addMember(db: Db, actor: Actor, committeeId: string, body: CreateMembershipBody) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.manageMembers', access);
  if (body.endDate && body.endDate < body.startDate) throw new AppError('validation.dateOrder');
  const person = (await findPersons(db, [body.userId])).get(body.userId);
  if (!person) throw new AppError('user.notFound');
  if (!person.active) throw new AppError('membership.userInactive');
  await assertDomains(db, committeeId, [body.leadDomain, ...(body.duties ?? []).map((d) => d.domain)]);

  const id = uuidv7();
  await db
    .transaction(async (tx) => {
      await insertMembership(tx, {
        id,
        committeeId,
        userId: body.userId,
        role: body.role,
        isStanding: body.isStanding ?? false,
        leadDomain: body.leadDomain ?? null,
        unitId: body.unitId ?? person.unitId,
        position: body.position ?? person.position,
        startDate: body.startDate,
        endDate: body.endDate ?? null,
        appointingDecision: body.appointingDecision ?? null,
      });
      if (body.duties?.length) {
        await writeDutyVersion(
          tx,
          actor,
          id,
          1,
          body.duties,
          body.appointingDecision ?? null,
          'Phân công khi bổ nhiệm',
        );
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'membership.added',
        entityType: 'committee',
        entityId: committeeId,
        data: { membershipId: id, userId: body.userId, role: body.role },
      });
    })
    .catch(membershipConstraintError);
  return toMembershipDto(await getMembership(db, committeeId, id), clock.today());
}

export async function updateMember(
  db: Db,
  actor: Actor,
  committeeId: string,
  membershipId: string,
  body: UpdateMembershipBody,
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.manageMembers', access);
  const before = await getMembership(db, committeeId, membershipId);
  const start = body.startDate ?? before.m.startDate;
  const end = body.endDate === undefined ? before.m.endDate : body.endDate;
  if (end && end < start) throw new AppError('validation.dateOrder');
  await assertDomains(db, committeeId, [body.leadDomain]);
  await db
    .transaction(async (tx) => {
      await updateMembership(tx, membershipId, body);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'membership.updated',
        entityType: 'membership',
        entityId: membershipId,
        data: body,
      });
    })
    .catch(membershipConstraintError);
  return toMembershipDto(await getMembership(db, committeeId, membershipId), clock.today());
}

/** Ends a seat; from the day after `endDate` the person can no longer act on this committee. */
export async function endMember(
  db: Db,
  actor: Actor,
  committeeId: string,
  membershipId: string,
  body: { endDate: string; reason: string },
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.manageMembers', access);
  const before = await getMembership(db, committeeId, membershipId);
  if (before.m.endDate && before.m.endDate < clock.today()) throw new AppError('membership.ended');
  if (body.endDate < before.m.startDate) throw new AppError('validation.dateOrder');
  await db.transaction(async (tx) => {
    await endMembership(tx, membershipId, body.endDate, body.reason);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'membership.ended',
      entityType: 'membership',
      entityId: membershipId,
      data: body,
    });
  });
  return toMembershipDto(await getMembership(db, committeeId, membershipId), clock.today());
}

// ——— Duties (R7) ———

const currentDuties = findCurrentDuties;

/**
 * Writes version `version` of a member's duty list: items keep their id when they carry one, new items get
 * one, items left out are retired (never deleted: tasks may still point at them), and the whole list is
 * snapshotted with who changed it and under which decision.
 */
async function writeDutyVersion(
  tx: DbOrTx,
  actor: Actor | null,
  membershipId: string,
  version: number,
  items: { id?: string; domain: string | null; text: string }[],
  decision: DecisionRef | null,
  note: string | null,
) {
  const existing = await currentDuties(tx, membershipId);
  const keep = new Set(items.map((i) => i.id).filter(Boolean));
  const retired = existing.filter((d) => !keep.has(d.id));
  await retireDuties(
    tx,
    retired.map((d) => d.id),
    clock.now(),
  );
  const known = new Set(existing.map((d) => d.id));
  const snapshot: Duty[] = [];
  for (const [position, item] of items.entries()) {
    if (item.id && known.has(item.id)) {
      await updateDuty(tx, item.id, { domain: item.domain, text: item.text, position });
      snapshot.push({ id: item.id, domain: item.domain, text: item.text, position });
    } else {
      const id = uuidv7();
      await insertDuties(tx, [{ id, membershipId, domain: item.domain, text: item.text, position }]);
      snapshot.push({ id, domain: item.domain, text: item.text, position });
    }
  }
  await insertDutyRevision(tx, {
    membershipId,
    version,
    items: snapshot,
    decision,
    note,
    changedBy: actor?.userId ?? null,
  });
}

export async function getDuties(db: Db, actor: Actor, committeeId: string, membershipId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  await getMembership(db, committeeId, membershipId);
  const history = await findDutyHistory(db, membershipId);
  return {
    membershipId,
    version: history[0]?.version ?? 0,
    items: await currentDuties(db, membershipId),
    history,
  };
}

/** Replaces a member's duty list as a new version; a stale `baseVersion` answers 409 instead of losing edits. */
export async function replaceDuties(
  db: Db,
  actor: Actor,
  committeeId: string,
  membershipId: string,
  body: ReplaceDutiesBody,
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.manageDuties', access);
  await getMembership(db, committeeId, membershipId);
  await assertDomains(
    db,
    committeeId,
    body.items.map((i) => i.domain),
  );
  await db.transaction(async (tx) => {
    // Serialise concurrent editors of the same list; the version check below then sees the latest state.
    await lockMembership(tx, membershipId);
    const latest = await findLatestDutyVersion(tx, membershipId);
    if (latest !== body.baseVersion) {
      throw new AppError('duties.versionConflict', {
        detail: `Phiên bản hiện tại là ${latest}; vui lòng tải lại trước khi sửa.`,
      });
    }
    await writeDutyVersion(
      tx,
      actor,
      membershipId,
      latest + 1,
      body.items,
      body.decision ?? null,
      body.note ?? null,
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'duties.replaced',
      entityType: 'membership',
      entityId: membershipId,
      data: { version: latest + 1 },
    });
  });
  return getDuties(db, actor, committeeId, membershipId);
}

/** Moves a member's current duty items, with their ids, to the replacement's seat (R14), as a new version there. */
export async function moveDuties(tx: DbOrTx, fromMembershipId: string, toMembershipId: string, note: string) {
  const items = await currentDuties(tx, fromMembershipId);
  if (!items.length) return 0;
  await reassignCurrentDuties(tx, fromMembershipId, toMembershipId);
  const version = (await findLatestDutyVersion(tx, toMembershipId)) + 1;
  await insertDutyRevision(tx, { membershipId: toMembershipId, version, items, note, changedBy: null });
  return items.length;
}

/**
 * People search for whoever manages the committee's members, duties, groups or personnel changes: active
 * accounts by name, username or position (accents ignored), with their seat on this committee if any.
 * Only what a picker needs is returned (no e-mail or phone).
 */
export async function findCandidates(db: Db, actor: Actor, committeeId: string, q: string | undefined) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  const allowed = ['committee.manageMembers', 'committee.manageStructure', 'personnel.propose'] as const;
  if (!allowed.some((a) => can(actor, a, { committee: access }))) throw new AppError('permission.denied');
  // The committee's own administrative area (its unit and the units below) and the units above it, never a
  // sibling area or the whole country, for everyone but the system administrator; e-mail addresses are matched
  // only for those who may see them (issue #17).
  const rows = await findCandidateRows(db, committeeId, q, clock.today(), {
    unitPath: actor.systemRole === 'systemAdmin' ? null : access.unitPath,
    matchEmail: seesContactDetails(actor, access),
  });
  return { items: rows };
}
