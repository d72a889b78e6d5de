import type { CreateRegulationVersionBody } from '@steerco/contract/regulation';
import { desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { Actor } from '../../http/permissions.ts';
import { users } from '../users/users.schema.ts';
import { assertCommittee, loadCommitteeAccess } from './committees.access.ts';
import { regulationVersions } from './committees.schema.ts';
import { getSettings } from './committees.service.ts';

/** The committee's regulation (R21): the text in force, every version, and the rule settings read from it. */
export async function getRegulation(db: Db, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  const rows = await db
    .select({ r: regulationVersions, createdBy: users.fullName })
    .from(regulationVersions)
    .leftJoin(users, eq(users.id, regulationVersions.createdBy))
    .where(eq(regulationVersions.committeeId, committeeId))
    .orderBy(desc(regulationVersions.version));
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
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('regulation:' || ${committeeId}))`);
    const [latest] = await tx
      .select({ v: sql<number>`coalesce(max(${regulationVersions.version}), 0)::int` })
      .from(regulationVersions)
      .where(eq(regulationVersions.committeeId, committeeId));
    const version = (latest?.v ?? 0) + 1;
    await tx.insert(regulationVersions).values({
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
