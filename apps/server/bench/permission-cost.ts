import type { Db } from '../src/db/client.ts';
import { type Actor, can } from '../src/http/permissions.ts';
import { loadCommitteeAccess } from '../src/modules/committees/access.service.ts';
import { wireModules } from '../src/wiring.ts';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * What the permission check costs a committee request: loading the actor's standing on the committee
 * (seat, delegations, oversight: the database part) and the `can` decision itself (pure).
 */
export async function measurePermissionCheck(db: Db, heads: { user_id: string; committee_id: string }[]) {
  wireModules();
  const times: number[] = [];
  const accesses = [];
  for (let round = 0; round < 5; round++) {
    for (const h of heads) {
      const actor = { userId: h.user_id, systemRole: null, unitPath: null } as unknown as Actor;
      const t = performance.now();
      const { access } = await loadCommitteeAccess(db, actor, h.committee_id);
      times.push(performance.now() - t);
      accesses.push({ actor, access });
    }
  }
  times.sort((a, b) => a - b);
  const decisions = 1_000_000;
  const t = performance.now();
  let allowed = 0;
  for (let i = 0; i < decisions; i++) {
    const { actor, access } = accesses[i % accesses.length]!;
    if (
      can(actor, i % 2 ? 'meeting.chair' : 'committee.manageMembers', { committee: access, domain: 'CCHC' })
    )
      allowed++;
  }
  const canNs = ((performance.now() - t) * 1e6) / decisions;
  if (allowed === 0) throw new Error('no decision allowed: the benchmark data is wrong');
  return { loadP50ms: percentile(times, 0.5), loadP95ms: percentile(times, 0.95), canNs };
}
