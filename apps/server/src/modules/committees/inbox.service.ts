import type { InboxEntry } from '@steerco/contract/inbox';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { committeesWhere } from './access.service.ts';
import type { CommitteeAccess } from './committees.policy.ts';
import { findProposedChanges } from './personnel.repo.ts';

/**
 * R14: personnel changes proposed in the committees where the actor decides them (the head), waiting for the
 * decision; each opens the committee's personnel tab. For the inbox (issue 19).
 */
export async function personnelChangesWaitingFor(
  db: Db,
  actor: Actor,
  seats: CommitteeAccess[],
): Promise<InboxEntry[]> {
  const rows = await findProposedChanges(db, committeesWhere(actor, 'personnel.decide', seats));
  return rows.map((r) => ({
    kind: 'personnelChange',
    id: r.id,
    title: `${r.outgoingName} → ${r.replacementName}`,
    detail: r.reason,
    committeeId: r.committeeId,
    at: r.proposedAt.toISOString(),
    target: { type: 'committeePersonnel', id: r.committeeId },
  }));
}
