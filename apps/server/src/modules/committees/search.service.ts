import type { SearchHit } from '@steerco/contract/search';
import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { findCommitteesMatching, findPeopleMatching, oneOf, visibleCommitteeIds } from './search.repo.ts';

// The committees' part of the header's search (issue 19), and the visibility rule other modules' searches use.

const viewerOf = (actor: Actor) => ({
  userId: actor.userId,
  systemRole: actor.systemRole,
  unitPath: actor.unitPath,
});

/**
 * A read model for other modules' queries: the ids of the committees the actor may see today (sits on, or
 * above; an administrator's reach), as a subquery — `committee_id in (…)`, planned with the query using it.
 */
export const committeesVisibleTo = (actor: Actor) => visibleCommitteeIds(viewerOf(actor), clock.today());

/** The visible committees narrowed to one (none when it is not visible). */
export const scopedTo = oneOf;

/** Committees the actor may see whose name contains every word. */
export async function searchCommittees(
  db: DbOrTx,
  actor: Actor,
  words: string[],
  limit: number,
): Promise<SearchHit[]> {
  const rows = await findCommitteesMatching(db, viewerOf(actor), clock.today(), words, limit);
  return rows.map((c) => ({ id: c.id, title: c.name, subtitle: c.unitName, committeeId: c.id }));
}

/** People sitting on a committee the actor may see, found by name, username or position. */
export async function searchPeople(
  db: DbOrTx,
  actor: Actor,
  words: string[],
  limit: number,
): Promise<SearchHit[]> {
  const rows = await findPeopleMatching(db, viewerOf(actor), clock.today(), words, limit);
  return rows.map((p) => ({
    id: p.id,
    title: p.fullName,
    subtitle: [p.position, p.committeeName].filter(Boolean).join(' · '),
    committeeId: p.committeeId,
  }));
}
