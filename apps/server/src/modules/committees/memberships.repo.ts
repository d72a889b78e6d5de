import type { DecisionRef } from '@steerco/contract/committees';
import type { CommitteeRole, Duty, Membership, UpdateMembershipBody } from '@steerco/contract/memberships';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { unitsView } from '../units/units.service.ts';
import { usersView } from '../users/users.service.ts';
import { seatInForce } from './access.repo.ts';
import { duties, dutyRevisions, memberships } from './committees.schema.ts';

const person = usersView('member');
const unit = unitsView('member_unit');

const selectMemberships = (db: DbOrTx) =>
  db
    .select({ m: memberships, fullName: person.fullName, unitName: unit.name })
    .from(memberships)
    .innerJoin(person, eq(person.id, memberships.userId))
    .leftJoin(unit, eq(unit.id, memberships.unitId));

export type MembershipRow = Awaited<ReturnType<typeof selectMemberships>>[number];

const ROLE_ORDER = sql`array_position(array['head','deputyHead','secretary','member','residentialGroupHead','guest'], ${memberships.role})`;

export function toMembershipDto({ m, fullName, unitName }: MembershipRow, today: string): Membership {
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

/** The committee's seats in force on `at` (or all, ever), by role, standing members first, then by name. */
export async function findMemberships(db: DbOrTx, committeeId: string, at: string | null) {
  return at
    ? membershipsInForce(db).execute({ committeeId, at })
    : membershipsEver(db).execute({ committeeId });
}

const membershipOrder = [
  ROLE_ORDER,
  desc(memberships.isStanding),
  sql`steerco_name_key(${person.fullName}) collate steerco_vi`,
  asc(memberships.startDate),
];
// The committee page's member list: built once (issue #18).
const membershipsInForce = preparedOnce((db) =>
  selectMemberships(db)
    .where(
      and(eq(memberships.committeeId, sql.placeholder('committeeId')), seatInForce(sql.placeholder('at'))),
    )
    .orderBy(...membershipOrder)
    .prepare('steerco_memberships_in_force'),
);
const membershipsEver = preparedOnce((db) =>
  selectMemberships(db)
    .where(eq(memberships.committeeId, sql.placeholder('committeeId')))
    .orderBy(...membershipOrder)
    .prepare('steerco_memberships_ever'),
);

export async function findMembership(db: DbOrTx, committeeId: string, membershipId: string) {
  const [row] = await selectMemberships(db).where(
    and(eq(memberships.id, membershipId), eq(memberships.committeeId, committeeId)),
  );
  return row;
}

export async function insertMembership(db: DbOrTx, row: typeof memberships.$inferInsert) {
  await db.insert(memberships).values(row);
}

export async function updateMembership(db: DbOrTx, membershipId: string, body: UpdateMembershipBody) {
  await db
    .update(memberships)
    .set({ ...body, updatedAt: sql`now()` })
    .where(eq(memberships.id, membershipId));
}

/** Ends a seat on `endDate` for `reason`. */
export async function endMembership(db: DbOrTx, membershipId: string, endDate: string, reason: string) {
  await db
    .update(memberships)
    .set({ endDate, endReason: reason, updatedAt: sql`now()` })
    .where(eq(memberships.id, membershipId));
}

/** Serialises concurrent editors of one seat's records (its duty list). */
export async function lockMembership(tx: DbOrTx, membershipId: string) {
  await tx.execute(sql`select 1 from memberships where id = ${membershipId} for update`);
}

// ——— Duties (R7) ———

export async function findCurrentDuties(db: DbOrTx, membershipId: string): Promise<Duty[]> {
  return db
    .select({ id: duties.id, domain: duties.domain, text: duties.text, position: duties.position })
    .from(duties)
    .where(and(eq(duties.membershipId, membershipId), isNull(duties.retiredAt)))
    .orderBy(asc(duties.position));
}

export async function findLatestDutyVersion(db: DbOrTx, membershipId: string) {
  const [r] = await db
    .select({ v: sql<number>`coalesce(max(${dutyRevisions.version}), 0)::int` })
    .from(dutyRevisions)
    .where(eq(dutyRevisions.membershipId, membershipId));
  return r?.v ?? 0;
}

const changer = usersView('changer');

/** Every version of a member's duty list, newest first, with who changed it. */
export async function findDutyHistory(db: DbOrTx, membershipId: string) {
  const rows = await db
    .select({ r: dutyRevisions, changedBy: changer.fullName })
    .from(dutyRevisions)
    .leftJoin(changer, eq(changer.id, dutyRevisions.changedBy))
    .where(eq(dutyRevisions.membershipId, membershipId))
    .orderBy(desc(dutyRevisions.version));
  return rows.map(({ r, changedBy }) => ({
    version: r.version,
    changedAt: r.changedAt.toISOString(),
    changedBy,
    decision: r.decision,
    note: r.note,
    items: r.items,
  }));
}

/** Retires duty items (never deleted: tasks may still point at them). */
export async function retireDuties(tx: DbOrTx, ids: string[], at: Date) {
  if (!ids.length) return;
  await tx.update(duties).set({ retiredAt: at }).where(inArray(duties.id, ids));
}

export async function updateDuty(
  tx: DbOrTx,
  id: string,
  item: { domain: string | null; text: string; position: number },
) {
  await tx.update(duties).set(item).where(eq(duties.id, id));
}

export async function insertDuties(
  tx: DbOrTx,
  items: { id: string; membershipId: string; domain: string | null; text: string; position: number }[],
) {
  if (items.length) await tx.insert(duties).values(items);
}

export async function insertDutyRevision(
  tx: DbOrTx,
  r: {
    membershipId: string;
    version: number;
    items: Duty[];
    decision?: DecisionRef | null;
    note: string | null;
    changedBy: string | null;
  },
) {
  await tx.insert(dutyRevisions).values({ id: uuidv7(), ...r });
}

/** Moves a member's current duty items, with their ids, to another seat. */
export async function reassignCurrentDuties(tx: DbOrTx, fromMembershipId: string, toMembershipId: string) {
  await tx
    .update(duties)
    .set({ membershipId: toMembershipId })
    .where(and(eq(duties.membershipId, fromMembershipId), isNull(duties.retiredAt)));
}

const candidate = usersView('candidate');
const candidateUnit = unitsView('candidate_unit');

/**
 * People who could join the committee or be invited to its meetings: active accounts of `scope.unitPath`, the
 * units below it and the units above it (the line of command a ward invites guests from; anywhere when null),
 * matched on name, username and position — and e-mail only when `scope.matchEmail` — with their seat's role
 * here today if any.
 */
export async function findCandidates(
  db: DbOrTx,
  committeeId: string,
  q: string | undefined,
  today: string,
  scope: { unitPath: string | null; matchEmail: boolean },
) {
  const search = !q
    ? undefined
    : scope.matchEmail
      ? sql`${candidate.searchText} like '%' || steerco_fold(${q}) || '%'`
      : sql`steerco_fold(${candidate.fullName} || ' ' || ${candidate.username} || ' ' || coalesce(${candidate.position}, ''))
          like '%' || steerco_fold(${q}) || '%'`;
  return db
    .select({
      id: candidate.id,
      username: candidate.username,
      fullName: candidate.fullName,
      position: candidate.position,
      unitName: candidateUnit.name,
      isSample: candidate.isSample,
      currentRole: sql<CommitteeRole | null>`(select m.role from memberships m where m.user_id = ${candidate.id}
        and m.committee_id = ${committeeId} and m.start_date <= ${today}::date
        and (m.end_date is null or m.end_date >= ${today}::date) limit 1)`,
    })
    .from(candidate)
    .leftJoin(candidateUnit, eq(candidateUnit.id, candidate.unitId))
    .where(
      and(
        eq(candidate.active, true),
        search,
        scope.unitPath === null
          ? undefined
          : sql`(starts_with(${candidateUnit.path}, ${scope.unitPath}) or starts_with(${scope.unitPath}, ${candidateUnit.path}))`,
      ),
    )
    .orderBy(sql`steerco_name_key(${candidate.fullName}) collate steerco_vi`)
    .limit(20);
}

/** The current duty items of the committee's seats, in their order (for the member list export). */
export async function findCommitteeDuties(db: DbOrTx, committeeId: string) {
  return db
    .select({ membershipId: duties.membershipId, domain: duties.domain, text: duties.text })
    .from(duties)
    .innerJoin(memberships, eq(memberships.id, duties.membershipId))
    .where(and(eq(memberships.committeeId, committeeId), isNull(duties.retiredAt)))
    .orderBy(asc(duties.position));
}
