import type {
  Committee,
  CommitteeDetail,
  CreateCommitteeBody,
  UpdateCommitteeBody,
} from '@steerco/contract/committees';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '@steerco/contract/regulation';
import type { Placeholder } from 'drizzle-orm';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { unitsView } from '../units/units.service.ts';
import { committeeDomains, committeeSettings, committees } from './committees.schema.ts';

const parent = alias(committees, 'parent');
const unit = unitsView('committee_unit');

// Seats are counted on Viet Nam's date, like every other seat check, whatever the database's time zone.
const committeeColumns = (today: string | Placeholder) => ({
  id: committees.id,
  name: committees.name,
  shortName: committees.shortName,
  unitId: committees.unitId,
  unitName: unit.name,
  unitLevel: unit.level,
  parentId: committees.parentId,
  parentName: parent.name,
  status: committees.status,
  foundingDecision: committees.foundingDecision,
  isSample: committees.isSample,
  path: committees.path,
  memberCount: sql<number>`(select count(*)::int from memberships m where m.committee_id = committees.id
    and m.role <> 'guest' and m.start_date <= ${today}::date
    and (m.end_date is null or m.end_date >= ${today}::date))`,
  childCount: sql<number>`(select count(*)::int from committees c where c.parent_id = committees.id)`,
});

const selectCommittees = (db: DbOrTx, today: string) =>
  db
    .select(committeeColumns(today))
    .from(committees)
    .innerJoin(unit, eq(unit.id, committees.unitId))
    .leftJoin(parent, eq(parent.id, committees.parentId));

type CommitteeRow = Awaited<ReturnType<typeof selectCommittees>>[number];

async function domainsOf(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, { code: string; name: string }[]>();
  const rows = await db
    .select()
    .from(committeeDomains)
    .where(inArray(committeeDomains.committeeId, ids))
    .orderBy(asc(committeeDomains.position));
  const byCommittee = new Map<string, { code: string; name: string }[]>();
  for (const r of rows)
    byCommittee.set(r.committeeId, [
      ...(byCommittee.get(r.committeeId) ?? []),
      { code: r.code, name: r.name },
    ]);
  return byCommittee;
}

async function toCommitteeDtos(db: DbOrTx, rows: CommitteeRow[]): Promise<Committee[]> {
  const domains = await domainsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ path: _path, ...r }) => ({ ...r, domains: domains.get(r.id) ?? [] }));
}

/** The committee's domain codes, to validate a domain a request names. */
export async function findDomainCodes(db: DbOrTx, committeeId: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: committeeDomains.code })
    .from(committeeDomains)
    .where(eq(committeeDomains.committeeId, committeeId));
  return new Set(rows.map((r) => r.code));
}

/**
 * Committees visible to a person: those they sit on and every committee below them (a district sees its
 * wards), all (`scope: 'all'`), or those of a unit subtree too (a unit administrator's `unitPath`).
 */
export async function findCommittees(
  db: DbOrTx,
  today: string,
  q: {
    userId: string;
    scope: 'all' | 'mine' | 'visible';
    unitPath: string | null;
    parentId?: string;
    unitId?: string;
    q?: string;
    status?: string;
  },
) {
  const where: SQL[] = [];
  const mySeats = sql`select c2.path from memberships m join committees c2 on c2.id = m.committee_id
    where m.user_id = ${q.userId} and m.role <> 'guest' and m.start_date <= ${today}::date
    and (m.end_date is null or m.end_date >= ${today}::date)`;
  if (q.scope === 'mine') {
    where.push(sql`committees.id in (select m.committee_id from memberships m where m.user_id = ${q.userId}
      and m.start_date <= ${today}::date and (m.end_date is null or m.end_date >= ${today}::date))`);
  } else if (q.scope === 'visible') {
    const visible = [sql`exists (select 1 from (${mySeats}) s where committees.path like s.path || '%')`];
    if (q.unitPath) visible.push(sql`${unit.path} like ${`${q.unitPath}%`}`);
    where.push(sql`(${sql.join(visible, sql` or `)})`);
  }
  if (q.parentId) where.push(eq(committees.parentId, q.parentId));
  if (q.unitId) where.push(eq(committees.unitId, q.unitId));
  if (q.status) where.push(eq(committees.status, q.status as 'active'));
  if (q.q)
    where.push(
      sql`steerco_fold(${committees.name} || ' ' || ${unit.name}) like '%' || steerco_fold(${q.q}) || '%'`,
    );
  const rows = await selectCommittees(db, today)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(committees.path))
    .limit(500);
  return toCommitteeDtos(db, rows);
}

/** One committee as lists show it, with its predecessors (merged into it) and its successor. */
export async function findCommittee(db: DbOrTx, committeeId: string, today: string) {
  const [row] = await committeeById(db).execute({ committeeId, today });
  if (!row) return undefined;
  const { path: _path, ...dto } = row;
  return dto;
}

// The committee page opens with this: one statement, built once (issue #18).
const committeeById = preparedOnce((db) =>
  db
    .select({
      ...committeeColumns(sql.placeholder('today')),
      domains: sql<{ code: string; name: string }[]>`(select coalesce(json_agg(
          json_build_object('code', d.code, 'name', d.name) order by d.position), '[]'::json)
        from committee_domains d where d.committee_id = ${committees.id})`,
      predecessors: sql<CommitteeDetail['predecessors']>`(select coalesce(json_agg(json_build_object(
          'id', p.id, 'name', p.name, 'status', p.status, 'mergeDecision', p.merge_decision)), '[]'::json)
        from committees p where p.merged_into_id = ${committees.id})`,
      successor: sql<{
        id: string;
        name: string;
      } | null>`(select json_build_object('id', s.id, 'name', s.name)
        from committees s where s.id = ${committees.mergedIntoId} and ${committees.status} = 'merged')`,
    })
    .from(committees)
    .innerJoin(unit, eq(unit.id, committees.unitId))
    .leftJoin(parent, eq(parent.id, committees.parentId))
    .where(eq(committees.id, sql.placeholder('committeeId')))
    .prepare('steerco_committee_by_id'),
);

export async function findCommitteePath(db: DbOrTx, committeeId: string) {
  const [p] = await db
    .select({ path: committees.path })
    .from(committees)
    .where(eq(committees.id, committeeId));
  return p?.path;
}

/** A new committee with its domains and the default rule settings. */
export async function insertCommittee(
  tx: DbOrTx,
  c: { id: string; path: string; domains: readonly { code: string; name: string }[]; createdBy: string },
  body: CreateCommitteeBody,
) {
  await tx.insert(committees).values({
    id: c.id,
    name: body.name,
    shortName: body.shortName ?? null,
    unitId: body.unitId,
    parentId: body.parentId ?? null,
    path: c.path,
    foundingDecision: body.foundingDecision ?? null,
    isSample: body.isSample ?? false,
  });
  await tx
    .insert(committeeDomains)
    .values(c.domains.map((d, i) => ({ committeeId: c.id, code: d.code, name: d.name, position: i })));
  await tx
    .insert(committeeSettings)
    .values({ committeeId: c.id, settings: DEFAULT_RULE_SETTINGS, updatedBy: c.createdBy });
}

export async function updateCommitteeFields(
  tx: DbOrTx,
  committeeId: string,
  fields: Omit<UpdateCommitteeBody, 'domains' | 'parentId'>,
) {
  await tx
    .update(committees)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(committees.id, committeeId));
}

export async function replaceDomains(
  tx: DbOrTx,
  committeeId: string,
  domains: { code: string; name: string }[],
) {
  await tx.delete(committeeDomains).where(eq(committeeDomains.committeeId, committeeId));
  if (domains.length) {
    await tx
      .insert(committeeDomains)
      .values(domains.map((d, i) => ({ committeeId, code: d.code, name: d.name, position: i })));
  }
}

/** Re-parents a committee and rewrites the paths of its whole subtree in one statement. */
export async function reparentCommittee(
  tx: DbOrTx,
  committeeId: string,
  parentId: string | null,
  oldPath: string,
  newPath: string,
) {
  await tx.update(committees).set({ parentId }).where(eq(committees.id, committeeId));
  await tx.execute(sql`update committees set path = ${newPath} || substr(path, ${oldPath.length + 1})
    where path like ${`${oldPath}%`}`);
}

export async function findCommitteeStatuses(db: DbOrTx, ids: string[]) {
  return db
    .select({ id: committees.id, status: committees.status })
    .from(committees)
    .where(inArray(committees.id, ids));
}

/** Marks `predecessorIds` merged into `committeeId`; their seats end the day before the decision takes effect. */
export async function mergeInto(
  tx: DbOrTx,
  committeeId: string,
  predecessorIds: string[],
  decision: { number: string; date: string; signer?: string | null },
) {
  await tx
    .update(committees)
    .set({ status: 'merged', mergedIntoId: committeeId, mergeDecision: decision, updatedAt: sql`now()` })
    .where(inArray(committees.id, predecessorIds));
  await tx.execute(sql`update memberships set end_date = (${decision.date}::date - 1), end_reason = 'Hợp nhất Ban Chỉ đạo'
      where committee_id in (${sql.join(
        predecessorIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      and (end_date is null or end_date >= ${decision.date}::date) and start_date < ${decision.date}::date`);
}

/** The stored settings (partial: a setting added later has no value until edited). */
const storedSettings = preparedOnce((db) =>
  db
    .select({ settings: committeeSettings.settings })
    .from(committeeSettings)
    .where(eq(committeeSettings.committeeId, sql.placeholder('committeeId')))
    .prepare('steerco_committee_settings'),
);

export async function findStoredSettings(db: DbOrTx, committeeId: string) {
  const [row] = await storedSettings(db).execute({ committeeId });
  return row?.settings;
}

export async function upsertSettings(tx: DbOrTx, committeeId: string, settings: RuleSettings, by: string) {
  await tx
    .insert(committeeSettings)
    .values({ committeeId, settings, updatedBy: by })
    .onConflictDoUpdate({
      target: committeeSettings.committeeId,
      set: { settings, updatedBy: by, updatedAt: sql`now()` },
    });
}

/** The committee's active child committees (id, unit). */
export async function findActiveChildren(db: DbOrTx, committeeId: string) {
  return db
    .select({ id: committees.id, unitId: committees.unitId })
    .from(committees)
    .where(and(eq(committees.parentId, committeeId), eq(committees.status, 'active')));
}

/** Of these committees, those that work in the domain `code`. */
export async function findCommitteesWithDomain(db: DbOrTx, ids: string[], code: string) {
  if (!ids.length) return [];
  const rows = await db
    .select({ committeeId: committeeDomains.committeeId })
    .from(committeeDomains)
    .where(and(eq(committeeDomains.code, code), inArray(committeeDomains.committeeId, ids)));
  return rows.map((r) => r.committeeId);
}

/** The committee's domains in their order (code, name, position). */
export async function findDomains(db: DbOrTx, committeeId: string) {
  return db
    .select({ code: committeeDomains.code, name: committeeDomains.name, position: committeeDomains.position })
    .from(committeeDomains)
    .where(eq(committeeDomains.committeeId, committeeId))
    .orderBy(asc(committeeDomains.position));
}

/** The committee's name with its unit's name and short name (how documents name their issuer and place). */
export async function findCommitteeWithUnit(db: DbOrTx, committeeId: string) {
  const [c] = await db
    .select({ name: committees.name, unitName: unit.name, unitShortName: unit.shortName })
    .from(committees)
    .innerJoin(unit, eq(unit.id, committees.unitId))
    .where(eq(committees.id, committeeId));
  return c;
}

/** The names of these committees, by id. */
export async function findCommitteeNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: committees.id, name: committees.name })
    .from(committees)
    .where(inArray(committees.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
