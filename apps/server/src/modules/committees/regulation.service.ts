import type { CreateRegulationVersionBody } from '@steerco/contract/regulation';
import type { z } from 'zod';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertCommittee, loadCommitteeAccess } from './access.service.ts';
import { getSettings } from './committees.service.ts';
import { findRegulationVersions, insertRegulationVersion, lockRegulation } from './regulation.repo.ts';

/** The committee's regulation (R21): the text in force, every version, and the rule settings read from it. */
export async function getRegulation(db: Db, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  const rows = await findRegulationVersions(db, committeeId);
  const toDto = ({ r, createdBy }: (typeof rows)[number]) => ({
    id: r.id,
    version: r.version,
    title: r.title,
    body: r.body,
    decision: r.decision,
    effectiveFrom: r.effectiveFrom,
    changeNote: r.changeNote,
    createdBy,
    createdAt: r.createdAt.toISOString(),
  });
  return {
    current: rows[0] ? toDto(rows[0]) : null,
    versions: rows.map((row) => {
      const { body: _body, ...rest } = toDto(row);
      return rest;
    }),
    settings: await getSettings(db, committeeId),
  };
}

/** A new version of the regulation text (amendments are the head's decision on the standing agency's proposal). */
export async function addRegulationVersion(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: z.infer<typeof CreateRegulationVersionBody>,
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'committee.editRegulation', access);
  await db.transaction(async (tx) => {
    // One version number per committee even with two editors at once: lock the committee's versions first.
    const version = (await lockRegulation(tx, committeeId)) + 1;
    await insertRegulationVersion(tx, {
      id: uuidv7(),
      committeeId,
      version,
      title: body.title,
      body: body.body,
      decision: body.decision ?? null,
      effectiveFrom: body.effectiveFrom,
      changeNote: body.changeNote ?? null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'regulation.versionAdded',
      entityType: 'committee',
      entityId: committeeId,
      data: { version },
    });
  });
  return getRegulation(db, actor, committeeId);
}
