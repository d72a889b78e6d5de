import type { DelegationScope } from '@steerco/contract/delegations';
import type { CommitteeRole } from '@steerco/contract/memberships';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { readModel } from '../../db/read-model.ts';
import { usersView } from '../users/users.service.ts';
import { seatInForce } from './access.repo.ts';
import { committeeSettings, committees, duties, memberships } from './committees.schema.ts';

// Seats (memberships) as other modules need them: who holds which seat, in force on a date.

const notGuest = sql`${memberships.role} <> 'guest'`;

/**
 * Seats as other modules' queries may join them (published by seats.service.ts): the seat, its committee,
 * person, unit, role and position, and its dates. Each join gives its own alias.
 */
export function seatsView(alias = 'seat') {
  return readModel
    .select({
      id: memberships.id,
      committeeId: memberships.committeeId,
      userId: memberships.userId,
      unitId: memberships.unitId,
      role: memberships.role,
      position: memberships.position,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
    })
    .from(memberships)
    .as(alias);
}

/** Committees as other modules' queries may join them: name, unit, parent, materialised path, status. */
export function committeesView(alias = 'committee') {
  return readModel
    .select({
      id: committees.id,
      name: committees.name,
      shortName: committees.shortName,
      unitId: committees.unitId,
      parentId: committees.parentId,
      path: committees.path,
      status: committees.status,
    })
    .from(committees)
    .as(alias);
}

/** Each committee's stored rule settings (partial: defaults apply), for queries over many committees. */
export function committeeSettingsView(alias = 'committee_settings_view') {
  return readModel
    .select({ committeeId: committeeSettings.committeeId, settings: committeeSettings.settings })
    .from(committeeSettings)
    .as(alias);
}

export async function findSeatUnit(db: DbOrTx, membershipId: string) {
  const [row] = await db
    .select({ id: memberships.id, unitId: memberships.unitId })
    .from(memberships)
    .where(eq(memberships.id, membershipId));
  return row;
}

/** Of `ids`, the seats of the committee in force on `date`, guests aside. */
export async function findSeatsInForce(db: DbOrTx, committeeId: string, ids: string[], date: string) {
  const found = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        inArray(memberships.id, ids),
        eq(memberships.committeeId, committeeId),
        notGuest,
        seatInForce(date),
      ),
    );
  return found.map((r) => r.id);
}

/** How many of `ids` are seats of the committee (any date). */
export async function countSeatsOf(db: DbOrTx, committeeId: string, ids: string[]) {
  const found = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(inArray(memberships.id, ids), eq(memberships.committeeId, committeeId)));
  return found.length;
}

/** The seats of a unit on the committee in force on `date` (guests aside), at most `limit`. */
export async function findUnitSeats(
  db: DbOrTx,
  committeeId: string,
  unitId: string,
  date: string,
  limit: number,
) {
  return db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.committeeId, committeeId),
        eq(memberships.unitId, unitId),
        notGuest,
        seatInForce(date),
      ),
    )
    .limit(limit);
}

export async function dutyBelongsTo(db: DbOrTx, dutyId: string, committeeId: string) {
  const [duty] = await db
    .select({ id: duties.id })
    .from(duties)
    .innerJoin(memberships, eq(memberships.id, duties.membershipId))
    .where(and(eq(duties.id, dutyId), eq(memberships.committeeId, committeeId)));
  return !!duty;
}

/** The people among `userIds` holding a seat of the committee on `date` (any role). */
export async function findSeatedUsers(db: DbOrTx, committeeId: string, userIds: string[], date: string) {
  const rows = await db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.committeeId, committeeId), inArray(memberships.userId, userIds), seatInForce(date)),
    );
  return rows.map((r) => r.userId);
}

/** The holders of these seats. */
export async function findSeatHolders(db: DbOrTx, seatIds: string[]) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(inArray(memberships.id, seatIds));
  return rows.map((r) => r.userId);
}

/** The holders of a unit's seats on the committee on `date` (any role). */
export async function findUnitSeatHolders(db: DbOrTx, committeeId: string, unitId: string, date: string) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.committeeId, committeeId), eq(memberships.unitId, unitId), seatInForce(date)));
  return rows.map((r) => r.userId);
}

/** The holders of seats of these roles on the committee on `date`. */
export async function findRoleHolders(db: DbOrTx, committeeId: string, roles: CommitteeRole[], date: string) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.committeeId, committeeId), inArray(memberships.role, roles), seatInForce(date)),
    );
  return rows.map((r) => r.userId);
}

/** The holders of the committee's seats on `date` (guests aside unless `guests`), optionally only the seats `ids`. */
export async function findMemberHolders(
  db: DbOrTx,
  committeeId: string,
  date: string,
  ids?: string[],
  guests = false,
) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.committeeId, committeeId),
        guests ? undefined : notGuest,
        seatInForce(date),
        ids ? inArray(memberships.id, ids) : undefined,
      ),
    );
  return rows.map((r) => r.userId);
}

/**
 * A person's seats in force on `today` (guests aside), each with its committee's stored settings and the
 * delegations it holds that day: one prepared statement ("my tasks" opens with it).
 */
export function findMySeats(db: Db, userId: string, today: string) {
  return mySeats(db).execute({ userId, today });
}

const mySeats = preparedOnce((db) => {
  const userId = sql.placeholder('userId');
  const today = sql.placeholder('today');
  return db
    .select({
      id: memberships.id,
      committeeId: memberships.committeeId,
      unitId: memberships.unitId,
      role: memberships.role,
      settings: committeeSettings.settings,
      delegations: sql<{ id: string; scopes: DelegationScope[]; domains: string[] }[]>`(
          select coalesce(json_agg(json_build_object('id', d.id, 'scopes', d.scopes, 'domains', d.domains)), '[]'::json)
          from delegations d where d.to_membership_id = ${memberships.id} and d.revoked_at is null
            and d.valid_from <= ${today}::date and d.valid_to >= ${today}::date)`,
    })
    .from(memberships)
    .leftJoin(committeeSettings, eq(committeeSettings.committeeId, memberships.committeeId))
    .where(
      and(
        eq(memberships.userId, userId),
        sql`${memberships.role} <> 'guest'`,
        sql`${memberships.startDate} <= ${today}::date and (${memberships.endDate} is null or ${memberships.endDate} >= ${today}::date)`,
      ),
    )
    .prepare('steerco_my_seats');
});

/** The names of the people holding these seats, by seat. */
export async function findSeatNames(db: DbOrTx, seatIds: string[]) {
  const person = usersView('seat_holder');
  return db
    .select({
      id: memberships.id,
      committeeId: memberships.committeeId,
      userId: memberships.userId,
      name: person.fullName,
      position: memberships.position,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(person, eq(person.id, memberships.userId))
    .where(inArray(memberships.id, seatIds));
}

/**
 * The committee's seats (guests aside) held at some time in [from, to], with the holder's name: the members an
 * annual evaluation covers (R17), a seat replaced mid-year and its replacement both included.
 */
export async function findSeatsDuring(db: DbOrTx, committeeId: string, from: string, to: string) {
  const person = usersView('evaluated_person');
  return db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      fullName: person.fullName,
      role: memberships.role,
      isStanding: memberships.isStanding,
      position: memberships.position,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
    })
    .from(memberships)
    .innerJoin(person, eq(person.id, memberships.userId))
    .where(
      and(
        eq(memberships.committeeId, committeeId),
        notGuest,
        sql`${memberships.startDate} <= ${to}::date and (${memberships.endDate} is null or ${memberships.endDate} >= ${from}::date)`,
      ),
    )
    .orderBy(memberships.startDate, memberships.id);
}
