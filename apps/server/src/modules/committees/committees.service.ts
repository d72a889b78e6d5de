import {
  type Committee,
  type CommitteeDetail,
  type CreateCommitteeBody,
  DEFAULT_DOMAINS,
  type UpdateCommitteeBody,
} from '@steerco/contract/committees';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '@steerco/contract/regulation';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, assertCan, can } from '../../http/permissions.ts';
import { findUnitById } from '../units/units.repo.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { assertCommittee, loadCommitteeAccess, seatInForce } from './committees.access.ts';
import { COMMITTEE_ACTIONS } from './committees.policy.ts';
import { committeeDomains, committeeSettings, committees, memberships } from './committees.schema.ts';

const parent = alias(committees, 'parent');

// Seats are counted on Viet Nam's date, like every other seat check, whatever the database's time zone.
const committeeColumns = (today: string) => ({
  id: committees.id,
  name: committees.name,
  shortName: committees.shortName,
  unitId: committees.unitId,
  unitName: administrativeUnits.name,
  unitLevel: administrativeUnits.level,
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

const selectCommittees = (db: DbOrTx) =>
  db
    .select(committeeColumns(clock.today()))
    .from(committees)
    .innerJoin(administrativeUnits, eq(administrativeUnits.id, committees.unitId))
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
export async function committeeDomainCodes(db: DbOrTx, committeeId: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: committeeDomains.code })
    .from(committeeDomains)
    .where(eq(committeeDomains.committeeId, committeeId));
  return new Set(rows.map((r) => r.code));
}

export async function assertDomains(db: DbOrTx, committeeId: string, codes: (string | null | undefined)[]) {
  const known = await committeeDomainCodes(db, committeeId);
  const unknown = codes.filter((c): c is string => !!c && !known.has(c));
  if (unknown.length) {
    throw new AppError('committee.unknownDomain', {
      detail: `Lĩnh vực không có trong Ban Chỉ đạo: ${unknown.join(', ')}.`,
    });
  }
}

/**
 * Committees the actor may see: those it sits on and every committee below them (a district sees its wards),
 * all for a system administrator, and those of its unit subtree for a unit administrator.
 */
export async function listCommittees(
  db: Db,
  actor: Actor,
  query: { parentId?: string; unitId?: string; q?: string; mine?: 'true' | 'false'; status?: string },
) {
  const where: SQL[] = [];
  const today = clock.today();
  const mySeats = sql`select c2.path from memberships m join committees c2 on c2.id = m.committee_id
    where m.user_id = ${actor.userId} and m.role <> 'guest' and m.start_date <= ${today}::date
    and (m.end_date is null or m.end_date >= ${today}::date)`;
  if (query.mine === 'true') {
    where.push(sql`committees.id in (select m.committee_id from memberships m where m.user_id = ${actor.userId}
      and m.start_date <= ${today}::date and (m.end_date is null or m.end_date >= ${today}::date))`);
  } else if (actor.systemRole !== 'systemAdmin') {
    const visible = [sql`exists (select 1 from (${mySeats}) s where committees.path like s.path || '%')`];
    if (actor.systemRole === 'unitAdmin' && actor.unitPath) {
      visible.push(sql`${administrativeUnits.path} like ${`${actor.unitPath}%`}`);
    }
    where.push(sql`(${sql.join(visible, sql` or `)})`);
  }
  if (query.parentId) where.push(eq(committees.parentId, query.parentId));
  if (query.unitId) where.push(eq(committees.unitId, query.unitId));
  if (query.status) where.push(eq(committees.status, query.status as 'active'));
  if (query.q)
    where.push(
      sql`steerco_fold(${committees.name} || ' ' || ${administrativeUnits.name}) like '%' || steerco_fold(${query.q}) || '%'`,
    );
  const rows = await selectCommittees(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(committees.path))
    .limit(500);
  return { items: await toCommitteeDtos(db, rows) };
}

export async function getCommittee(db: Db, actor: Actor, committeeId: string): Promise<CommitteeDetail> {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  const [row] = await selectCommittees(db).where(eq(committees.id, committeeId));
  const [dto] = await toCommitteeDtos(db, [row!]);
  const predecessors = await db
    .select({
      id: committees.id,
      name: committees.name,
      status: committees.status,
      mergeDecision: committees.mergeDecision,
    })
    .from(committees)
    .where(eq(committees.mergedIntoId, committeeId));
  const successor =
    row?.status === 'merged'
      ? ((
          await db
            .select({ id: parent.id, name: parent.name })
            .from(committees)
            .innerJoin(parent, eq(parent.id, committees.mergedIntoId))
            .where(eq(committees.id, committeeId))
        )[0] ?? null)
      : null;
  return {
    ...dto!,
    predecessors,
    successor,
    myRole: access.membership?.role ?? null,
    myPermissions: COMMITTEE_ACTIONS.filter((a) => can(actor, a, { committee: access })),
  };
}

/** Creates a committee for an administrative unit, with the default domains and rule settings. */
export async function createCommittee(db: Db, actor: Actor, body: CreateCommitteeBody) {
  const unit = await findUnitById(db, body.unitId);
  if (!unit) throw new AppError('unit.notFound');
  assertCan(actor, 'committees.create', { unitPath: unit.path });
  let parentPath = '/';
  if (body.parentId) {
    const [p] = await db
      .select({ path: committees.path })
      .from(committees)
      .where(eq(committees.id, body.parentId));
    if (!p) throw new AppError('committee.invalidParent', { detail: 'Ban Chỉ đạo cấp trên không tồn tại.' });
    parentPath = p.path;
  }
  const id = uuidv7();
  const domains = body.domains?.length ? body.domains : DEFAULT_DOMAINS;
  await db.transaction(async (tx) => {
    await tx.insert(committees).values({
      id,
      name: body.name,
      shortName: body.shortName ?? null,
      unitId: body.unitId,
      parentId: body.parentId ?? null,
      path: `${parentPath}${id}/`,
      foundingDecision: body.foundingDecision ?? null,
      isSample: body.isSample ?? false,
    });
    await tx
      .insert(committeeDomains)
      .values(domains.map((d, i) => ({ committeeId: id, code: d.code, name: d.name, position: i })));
    await tx
      .insert(committeeSettings)
      .values({ committeeId: id, settings: DEFAULT_RULE_SETTINGS, updatedBy: actor.userId });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'committee.created',
      entityType: 'committee',
      entityId: id,
      data: body,
    });
  });
  return getCommittee(db, actor, id);
}

export async function updateCommittee(db: Db, actor: Actor, committeeId: string, body: UpdateCommitteeBody) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.edit', access);
  const { domains, parentId, ...fields } = body;
  await db.transaction(async (tx) => {
    if (Object.keys(fields).length) {
      await tx
        .update(committees)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(eq(committees.id, committeeId));
    }
    if (parentId !== undefined) await moveCommittee(tx, committeeId, parentId);
    if (domains) {
      await tx.delete(committeeDomains).where(eq(committeeDomains.committeeId, committeeId));
      if (domains.length) {
        await tx
          .insert(committeeDomains)
          .values(domains.map((d, i) => ({ committeeId, code: d.code, name: d.name, position: i })));
      }
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'committee.updated',
      entityType: 'committee',
      entityId: committeeId,
      data: body,
    });
  });
  return getCommittee(db, actor, committeeId);
}

/** Re-parents a committee and rewrites the paths of its whole subtree in one statement. */
async function moveCommittee(tx: DbOrTx, committeeId: string, parentId: string | null) {
  const [self] = await tx
    .select({ path: committees.path })
    .from(committees)
    .where(eq(committees.id, committeeId));
  let newPath = `/${committeeId}/`;
  if (parentId) {
    const [p] = await tx
      .select({ path: committees.path })
      .from(committees)
      .where(eq(committees.id, parentId));
    if (!p || p.path.startsWith(self!.path)) throw new AppError('committee.invalidParent');
    newPath = `${p.path}${committeeId}/`;
  }
  await tx.update(committees).set({ parentId }).where(eq(committees.id, committeeId));
  await tx.execute(sql`update committees set path = ${newPath} || substr(path, ${self!.path.length + 1})
    where path like ${`${self!.path}%`}`);
}

/** Records that `predecessorIds` were merged into this committee by a decision (seed 000: 51/QĐ-UBND). */
export async function mergeCommittees(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: { predecessorIds: string[]; decision: { number: string; date: string; signer?: string | null } },
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.edit', access);
  if (body.predecessorIds.includes(committeeId)) throw new AppError('committee.invalidMerge');
  const found = await db
    .select({ id: committees.id, status: committees.status })
    .from(committees)
    .where(inArray(committees.id, body.predecessorIds));
  if (found.length !== new Set(body.predecessorIds).size || found.some((c) => c.status !== 'active')) {
    throw new AppError('committee.invalidMerge', {
      detail: 'Chỉ hợp nhất được các Ban Chỉ đạo đang hoạt động.',
    });
  }
  await db.transaction(async (tx) => {
    await tx
      .update(committees)
      .set({
        status: 'merged',
        mergedIntoId: committeeId,
        mergeDecision: body.decision,
        updatedAt: sql`now()`,
      })
      .where(inArray(committees.id, body.predecessorIds));
    // Seats on a merged committee end the day before the decision takes effect.
    await tx.execute(sql`update memberships set end_date = (${body.decision.date}::date - 1), end_reason = 'Hợp nhất Ban Chỉ đạo'
      where committee_id in (${sql.join(
        body.predecessorIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      and (end_date is null or end_date >= ${body.decision.date}::date) and start_date < ${body.decision.date}::date`);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'committee.merged',
      entityType: 'committee',
      entityId: committeeId,
      data: body,
    });
  });
  return getCommittee(db, actor, committeeId);
}

export async function getSettings(db: DbOrTx, committeeId: string): Promise<RuleSettings> {
  const [row] = await db
    .select({ settings: committeeSettings.settings })
    .from(committeeSettings)
    .where(eq(committeeSettings.committeeId, committeeId));
  return withDefaultSettings(row?.settings);
}

/** A committee's stored settings over the defaults (a setting added later has its default until edited). */
export const withDefaultSettings = (stored: Partial<RuleSettings> | null | undefined): RuleSettings => ({
  ...DEFAULT_RULE_SETTINGS,
  ...(stored ?? {}),
});

export async function updateSettings(db: Db, actor: Actor, committeeId: string, settings: RuleSettings) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.editSettings', access);
  await db.transaction(async (tx) => {
    await tx
      .insert(committeeSettings)
      .values({ committeeId, settings, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: committeeSettings.committeeId,
        set: { settings, updatedBy: actor.userId, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'committee.settingsUpdated',
      entityType: 'committee',
      entityId: committeeId,
      data: settings,
    });
  });
  return settings;
}

/** Number of active seats (not guests) on `date`; used by quorum and statistics. */
export async function countSeats(db: DbOrTx, committeeId: string, date: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(eq(memberships.committeeId, committeeId), seatInForce(date), sql`${memberships.role} <> 'guest'`),
    );
  return r?.n ?? 0;
}
