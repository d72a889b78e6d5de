import type { CommitteeRole } from '@steerco/contract/memberships';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import {
  countSeatsOf,
  dutyBelongsTo,
  findMemberHolders,
  findRoleHolders,
  findSeatedUsers,
  findSeatHolders,
  findSeatNames,
  findSeatsDuring,
  findSeatsInForce,
  findUnitSeatHolders,
  findUnitSeats,
} from './seats.repo.ts';

// The committee's seats as other modules use them (tasks, meetings, documents, plans): who sits where on a
// date, checked and listed by named questions. Their queries may join the read models exported below.

export { committeeSettingsView, committeesView, findMySeats, findSeatUnit, seatsView } from './seats.repo.ts';

/**
 * Asserts `ids` are seats of the committee in force on `date`, guests aside (R1: a lead, responsible or
 * co-operating member); `what` names them in the answer.
 */
export async function assertSeatsInForce(
  db: DbOrTx,
  committeeId: string,
  ids: string[],
  date: string,
  what: string,
) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  if ((await findSeatsInForce(db, committeeId, unique, date)).length !== unique.length)
    throw new AppError('membership.notFound', { detail: `${what} không phải thành viên Ban Chỉ đạo.` });
}

/** Are all `ids` seats of the committee (on any date)? */
export async function areSeatsOf(db: DbOrTx, committeeId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  return !unique.length || (await countSeatsOf(db, committeeId, unique)) === unique.length;
}

/** The one seat of a unit on the committee on `date`, when there is exactly one: it answers for the unit. */
export async function soleSeatOfUnit(db: DbOrTx, committeeId: string, unitId: string, date: string) {
  const rows = await findUnitSeats(db, committeeId, unitId, date, 2);
  return rows.length === 1 ? rows[0]!.id : null;
}

/** Is the duty item (R7) one of the committee's members' duties? */
export const isDutyOf = (db: DbOrTx, dutyId: string, committeeId: string) =>
  dutyBelongsTo(db, dutyId, committeeId);

/** The people among `userIds` who hold a seat of the committee on `date`. */
export const seatedAmong = findSeatedUsers;

/** The people holding these seats. */
export const holdersOfSeats = (db: DbOrTx, seatIds: string[]) =>
  seatIds.length ? findSeatHolders(db, seatIds) : Promise.resolve([]);

/** The people holding a unit's seats on the committee on `date`. */
export const holdersOfUnitSeats = findUnitSeatHolders;

/** The people in these roles on the committee on `date` (e.g. the standing agency and the heads). */
export const holdersOfRoles = (db: DbOrTx, committeeId: string, roles: CommitteeRole[], date: string) =>
  findRoleHolders(db, committeeId, roles, date);

/** The committee's members on `date`, guests aside (only the seats `ids`, when given). */
export const membersOn = (db: DbOrTx, committeeId: string, date: string, ids?: string[]) =>
  findMemberHolders(db, committeeId, date, ids);

/** Everyone seated on the committee on `date`, guests included (only the seats `ids`, when given). */
export const seatedOn = (db: DbOrTx, committeeId: string, date: string, ids?: string[]) =>
  findMemberHolders(db, committeeId, date, ids, true);

/** Who holds these seats: the person (id, name), the seat's committee, position and role, by seat. */
export async function seatHolders(db: DbOrTx, seatIds: string[]) {
  const rows = seatIds.length ? await findSeatNames(db, [...new Set(seatIds)]) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Of `ids`, the seats of the committee in force on `date` (guests aside). */
export async function seatsInForceAmong(db: DbOrTx, committeeId: string, ids: string[], date: string) {
  return ids.length ? findSeatsInForce(db, committeeId, [...new Set(ids)], date) : [];
}

/** The seats (guests aside) held at some time in [from, to] with their holders: whom a year's evaluation covers. */
export const seatsDuring = findSeatsDuring;
