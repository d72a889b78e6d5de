import type { DecisionRef } from '@steerco/contract/committees';
import type {
  CommitteeRole,
  CreateMembershipBody,
  Duty,
  Membership,
  ReplaceDutiesBody,
  UpdateMembershipBody,
} from '@steerco/contract/memberships';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import { assertCommittee, loadCommitteeAccess, seatInForce } from './committees.access.ts';
import { duties, dutyRevisions, memberships } from './committees.schema.ts';
import { assertDomains } from './committees.service.ts';

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

const selectMemberships = (db: DbOrTx) =>
  db
    .select({
      m: memberships,
      fullName: users.fullName,
      unitName: administrativeUnits.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(administrativeUnits, eq(administrativeUnits.id, memberships.unitId));

type MembershipRow = Awaited<ReturnType<typeof selectMemberships>>[number];

const ROLE_ORDER = sql`array_position(array['head','deputyHead','secretary','member','residentialGroupHead','guest'], ${memberships.role})`;

export function toMembershipDto({ m, fullName, unitName }: MembershipRow, today = clock.today()): Membership {
  return {
    id: m.id,
    committeeId: m.committeeId,
    userId: m.userId,
    fullName,
    role: m.role,
    isStanding: m.isStanding,
    leadDomain: m.leadDomain,
    unitId: m.unitId,
    unitName,
    position: m.position,
    startDate: m.startDate,
    endDate: m.endDate,
    appointingDecision: m.appointingDecision,
    endReason: m.endReason,
    replacedById: m.replacedById,
    active: m.startDate <= today && (m.endDate === null || m.endDate >= today),
    isSample: m.isSample,
  };
}

/** The committee's members on a date (default today); with `includeEnded`, its whole membership history. */
export async function listMembers(
  db: Db,
  actor: Actor,
  committeeId: string,
  query: { at?: string; includeEnded?: string },
) {
  await loadCommitteeAccess(db, actor, committeeId);
  const where = [eq(memberships.committeeId, committeeId)];
  if (query.includeEnded !== 'true') where.push(seatInForce(query.at ?? clock.today()));
  const rows = await selectMemberships(db)
    .where(and(...where))
    .orderBy(
      ROLE_ORDER,
      desc(memberships.isStanding),
      sql`steerco_name_key(${users.fullName}) collate steerco_vi`,
      asc(memberships.startDate),
    );
  return { items: rows.map((r) => toMembershipDto(r)) };
}

export async function getMembership(db: DbOrTx, committeeId: string, membershipId: string) {
  const [row] = await selectMemberships(db).where(
    and(eq(memberships.id, membershipId), eq(memberships.committeeId, committeeId)),
  );
  if (!row) throw new AppError('membership.notFound');
  return row;
}

/** Adds a person to the committee, with their standing duties (R7) as version 1. */
export async function addMember(db: Db, actor: Actor, committeeId: string, body: CreateMembershipBody) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.manageMembers', access);
  if (body.endDate && body.endDate < body.startDate) throw new AppError('validation.dateOrder');
  const [person] = await db.select().from(users).where(eq(users.id, body.userId));
  if (!person) throw new AppError('user.notFound');
  if (!person.active) throw new AppError('membership.userInactive');
  await assertDomains(db, committeeId, [body.leadDomain, ...(body.duties ?? []).map((d) => d.domain)]);

  const id = uuidv7();
  await db
    .transaction(async (tx) => {
      await tx.insert(memberships).values({
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
  return toMembershipDto(await getMembership(db, committeeId, id));
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
      await tx
        .update(memberships)
        .set({ ...body, updatedAt: sql`now()` })
        .where(eq(memberships.id, membershipId));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'membership.updated',
        entityType: 'membership',
        entityId: membershipId,
        data: body,
      });
    })
    .catch(membershipConstraintError);
  return toMembershipDto(await getMembership(db, committeeId, membershipId));
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
    await tx
      .update(memberships)
      .set({ endDate: body.endDate, endReason: body.reason, updatedAt: sql`now()` })
      .where(eq(memberships.id, membershipId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'membership.ended',
      entityType: 'membership',
      entityId: membershipId,
      data: body,
    });
  });
  return toMembershipDto(await getMembership(db, committeeId, membershipId));
}

// ——— Duties (R7) ———

async function currentDuties(db: DbOrTx, membershipId: string): Promise<Duty[]> {
  return db
    .select({ id: duties.id, domain: duties.domain, text: duties.text, position: duties.position })
    .from(duties)
    .where(and(eq(duties.membershipId, membershipId), isNull(duties.retiredAt)))
    .orderBy(asc(duties.position));
}

async function latestDutyVersion(db: DbOrTx, membershipId: string) {
  const [r] = await db
    .select({ v: sql<number>`coalesce(max(${dutyRevisions.version}), 0)::int` })
    .from(dutyRevisions)
    .where(eq(dutyRevisions.membershipId, membershipId));
  return r?.v ?? 0;
}

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
  if (retired.length) {
    await tx
      .update(duties)
      .set({ retiredAt: clock.now() })
      .where(
        sql`${duties.id} in (${sql.join(
          retired.map((d) => sql`${d.id}::uuid`),
          sql`, `,
        )})`,
      );
  }
  const known = new Set(existing.map((d) => d.id));
  const snapshot: Duty[] = [];
  for (const [position, item] of items.entries()) {
    if (item.id && known.has(item.id)) {
      await tx
        .update(duties)
        .set({ domain: item.domain, text: item.text, position })
        .where(eq(duties.id, item.id));
      snapshot.push({ id: item.id, domain: item.domain, text: item.text, position });
    } else {
      const id = uuidv7();
      await tx.insert(duties).values({ id, membershipId, domain: item.domain, text: item.text, position });
      snapshot.push({ id, domain: item.domain, text: item.text, position });
    }
  }
  await tx.insert(dutyRevisions).values({
    id: uuidv7(),
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
  const history = await db
    .select({ r: dutyRevisions, changedBy: users.fullName })
    .from(dutyRevisions)
    .leftJoin(users, eq(users.id, dutyRevisions.changedBy))
    .where(eq(dutyRevisions.membershipId, membershipId))
    .orderBy(desc(dutyRevisions.version));
  return {
    membershipId,
    version: history[0]?.r.version ?? 0,
    items: await currentDuties(db, membershipId),
    history: history.map(({ r, changedBy }) => ({
      version: r.version,
      changedAt: r.changedAt.toISOString(),
      changedBy,
      decision: r.decision,
      note: r.note,
      items: r.items,
    })),
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
    await tx.execute(sql`select 1 from memberships where id = ${membershipId} for update`);
    const latest = await latestDutyVersion(tx, membershipId);
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
  await tx
    .update(duties)
    .set({ membershipId: toMembershipId })
    .where(and(eq(duties.membershipId, fromMembershipId), isNull(duties.retiredAt)));
  const version = (await latestDutyVersion(tx, toMembershipId)) + 1;
  await tx
    .insert(dutyRevisions)
    .values({ id: uuidv7(), membershipId: toMembershipId, version, items, note, changedBy: null });
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
  const today = clock.today();
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      position: users.position,
      unitName: administrativeUnits.name,
      isSample: users.isSample,
      currentRole: sql<CommitteeRole | null>`(select m.role from memberships m where m.user_id = ${users.id}
        and m.committee_id = ${committeeId} and m.start_date <= ${today}::date
        and (m.end_date is null or m.end_date >= ${today}::date) limit 1)`,
    })
    .from(users)
    .leftJoin(administrativeUnits, eq(administrativeUnits.id, users.unitId))
    .where(
      and(
        eq(users.active, true),
        q ? sql`${users.searchText} like '%' || steerco_fold(${q}) || '%'` : undefined,
      ),
    )
    .orderBy(sql`steerco_name_key(${users.fullName}) collate steerco_vi`)
    .limit(20);
  return { items: rows };
}
