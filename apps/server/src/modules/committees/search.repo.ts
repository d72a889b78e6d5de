import { asc, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { containsAll } from '../../db/search.ts';
import { unitsView } from '../units/units.service.ts';
import { usersView } from '../users/users.service.ts';
import { committees } from './committees.schema.ts';

/** Who is looking: the person, and an administrator's reach (the whole tree, or a unit's subtree). */
export interface Viewer {
  userId: string;
  systemRole: string | null;
  unitPath: string | null;
}

/**
 * The ids of the committees `viewer` may see on `today`, as a subquery other modules' searches filter by: those
 * they sit on and every committee below (a district sees its wards), every one for a system administrator, those
 * of the unit subtree for a unit administrator — the rule of `loadCommitteeAccess` and the committee list.
 */
export function visibleCommitteeIds(viewer: Viewer, today: string): SQL {
  if (viewer.systemRole === 'systemAdmin') return sql`select id from committees`;
  const seated = sql`exists (select 1 from memberships m join committees s on s.id = m.committee_id
    where m.user_id = ${viewer.userId} and m.role <> 'guest' and m.start_date <= ${today}::date
      and (m.end_date is null or m.end_date >= ${today}::date) and c.path like s.path || '%')`;
  if (viewer.systemRole === 'unitAdmin' && viewer.unitPath) {
    const unit = unitsView('u');
    return sql`select c.id from committees c where ${seated}
      or c.unit_id in (select u.id from ${unit} where u.path like ${`${viewer.unitPath}%`})`;
  }
  return sql`select c.id from committees c where ${seated}`;
}

/** The subquery `visible` narrowed to one committee. */
export const oneOf = (visible: SQL, committeeId: string) =>
  sql`select v.id from (${visible}) v where v.id = ${committeeId}`;

/** Visible committees whose name contains every word. */
export async function findCommitteesMatching(
  db: DbOrTx,
  viewer: Viewer,
  today: string,
  words: string[],
  limit: number,
) {
  const unit = unitsView('committee_unit');
  return db
    .select({ id: committees.id, name: committees.name, unitName: unit.name })
    .from(committees)
    .innerJoin(unit, sql`${unit.id} = ${committees.unitId}`)
    .where(
      sql`${containsAll(sql`steerco_fold(${committees.name})`, words)}
        and ${committees.id} in (${visibleCommitteeIds(viewer, today)})`,
    )
    .orderBy(asc(committees.path))
    .limit(limit);
}

/**
 * People who sit today on a committee the viewer may see, whose name, username, position or e-mail contains
 * every word (users' trigram index), each with one of those committees (the one highest up).
 */
export async function findPeopleMatching(
  db: DbOrTx,
  viewer: Viewer,
  today: string,
  words: string[],
  limit: number,
) {
  const person = usersView('p');
  const { rows } = await db.execute<{
    id: string;
    fullName: string;
    position: string | null;
    committeeId: string;
    committeeName: string;
  }>(sql`
    select distinct on (p.id) p.id, p.full_name as "fullName", p.position,
      c.id as "committeeId", c.name as "committeeName"
    from ${person}
    join memberships m on m.user_id = p.id and m.role <> 'guest' and m.start_date <= ${today}::date
      and (m.end_date is null or m.end_date >= ${today}::date)
    join committees c on c.id = m.committee_id
    where p.active and ${containsAll(sql`p.search_text`, words)}
      and m.committee_id in (${visibleCommitteeIds(viewer, today)})
    order by p.id, length(c.path)
    limit ${limit * 4}`);
  return rows.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')).slice(0, limit);
}
