import {
  type CommitteeDetail,
  type CreateCommitteeBody,
  DEFAULT_DOMAINS,
  type UpdateCommitteeBody,
} from '@steerco/contract/committees';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '@steerco/contract/regulation';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, assertCan, can } from '../../http/permissions.ts';
import { findUnit } from '../units/units.service.ts';
import { assertCommittee, loadCommitteeAccess } from './access.service.ts';
import { COMMITTEE_ACTIONS } from './committees.policy.ts';
import {
  findActiveChildren,
  findCommittee,
  findCommitteeNames,
  findCommitteePath,
  findCommitteeStatuses,
  findCommittees,
  findCommitteesWithDomain,
  findCommitteeWithUnit,
  findDomainCodes,
  findDomains,
  findStoredSettings,
  insertCommittee,
  mergeInto,
  reparentCommittee,
  replaceDomains,
  updateCommitteeFields,
  upsertSettings,
} from './committees.repo.ts';

/** The names of these committees, by id (a list showing other modules' records beside their committee). */
export const committeeNames = findCommitteeNames;

/** The committee's domain codes, to validate a domain a request names. */
export const committeeDomainCodes = findDomainCodes;

/** The committee's name with its unit's name and short name (a document's issuer and place). */
export const committeeWithUnit = findCommitteeWithUnit;

/** The committee's domains in their order (code, name, position). */
export const committeeDomainList = findDomains;

/** The committee's materialised path ('/<root>/…/<id>/'), or undefined when it does not exist. */
export const committeePath = findCommitteePath;

/** The committee's active child committees (id, unit): where a task is handed down to. */
export const activeChildCommittees = findActiveChildren;

/** Of these committees, those that work in the domain `code`. */
export const committeesWithDomain = findCommitteesWithDomain;

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
  const scope = query.mine === 'true' ? 'mine' : actor.systemRole === 'systemAdmin' ? 'all' : 'visible';
  const items = await findCommittees(db, clock.today(), {
    ...query,
    userId: actor.userId,
    scope,
    unitPath: actor.systemRole === 'unitAdmin' ? actor.unitPath : null,
  });
  return { items };
}

export async function getCommittee(db: Db, actor: Actor, committeeId: string): Promise<CommitteeDetail> {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  const committee = await findCommittee(db, committeeId, clock.today());
  return {
    ...committee!,
    myRole: access.membership?.role ?? null,
    myPermissions: COMMITTEE_ACTIONS.filter((a) => can(actor, a, { committee: access })),
  };
}

/** Creates a committee for an administrative unit, with the default domains and rule settings. */
export async function createCommittee(db: Db, actor: Actor, body: CreateCommitteeBody) {
  const unit = await findUnit(db, body.unitId);
  if (!unit) throw new AppError('unit.notFound');
  assertCan(actor, 'committees.create', { unitPath: unit.path });
  let parentPath = '/';
  if (body.parentId) {
    const path = await findCommitteePath(db, body.parentId);
    if (!path)
      throw new AppError('committee.invalidParent', { detail: 'Ban Chỉ đạo cấp trên không tồn tại.' });
    parentPath = path;
  }
  const id = uuidv7();
  const domains = body.domains?.length ? body.domains : DEFAULT_DOMAINS;
  await db.transaction(async (tx) => {
    await insertCommittee(tx, { id, path: `${parentPath}${id}/`, domains, createdBy: actor.userId }, body);
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
    if (Object.keys(fields).length) await updateCommitteeFields(tx, committeeId, fields);
    if (parentId !== undefined) await moveCommittee(tx, committeeId, parentId);
    if (domains) await replaceDomains(tx, committeeId, domains);
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

/** Re-parents a committee under `parentId` (never under itself or its own subtree), paths and all. */
async function moveCommittee(tx: DbOrTx, committeeId: string, parentId: string | null) {
  const selfPath = (await findCommitteePath(tx, committeeId))!;
  let newPath = `/${committeeId}/`;
  if (parentId) {
    const parentPath = await findCommitteePath(tx, parentId);
    if (!parentPath || parentPath.startsWith(selfPath)) throw new AppError('committee.invalidParent');
    newPath = `${parentPath}${committeeId}/`;
  }
  await reparentCommittee(tx, committeeId, parentId, selfPath, newPath);
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
  const found = await findCommitteeStatuses(db, body.predecessorIds);
  if (found.length !== new Set(body.predecessorIds).size || found.some((c) => c.status !== 'active')) {
    throw new AppError('committee.invalidMerge', {
      detail: 'Chỉ hợp nhất được các Ban Chỉ đạo đang hoạt động.',
    });
  }
  await db.transaction(async (tx) => {
    await mergeInto(tx, committeeId, body.predecessorIds, body.decision);
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
  return withDefaultSettings(await findStoredSettings(db, committeeId));
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
    await upsertSettings(tx, committeeId, settings, actor.userId);
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
