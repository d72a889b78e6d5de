import type { PlanAction } from '@steerco/contract/plans';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { type CommitteeAccess, loadCommitteeAccess } from '../committees/access.service.ts';
import { mayActForHead } from '../committees/delegations.service.ts';
import { findPlanRow, type PlanRow } from './plans.repo.ts';

// Who may do what with an annual work plan (R5, R3, R4).

/** The plan and the actor's standing on its committee; a plan whose committee the actor cannot see is a 404. */
export async function loadPlan(db: DbOrTx, actor: Actor, planId: string, lock = false) {
  const plan = await findPlanRow(db, planId, lock);
  if (!plan) throw new AppError('plan.notFound');
  const { committee, access } = await loadCommitteeAccess(db, actor, plan.committeeId).catch((err) => {
    if (err instanceof AppError && err.code === 'committee.notFound') throw new AppError('plan.notFound');
    throw err;
  });
  return { plan, committee, access };
}

/**
 * Approving the plan is the head's, or a deputy's under a delegation in force to sign documents for the head
 * (R3, R4). The plan covers every domain, so a delegation limited to some domains does not reach it.
 */
export function mayApprove(db: DbOrTx, actor: Actor, committeeId: string) {
  return mayActForHead(db, { committeeId, userId: actor.userId, scope: 'signDocuments' });
}

export function assertDraft(plan: PlanRow) {
  if (plan.status !== 'draft')
    throw new AppError('plan.notDraft', {
      detail:
        plan.status === 'approved'
          ? 'Kế hoạch đã được phê duyệt: các nhiệm vụ đã được giao, không sửa hay phê duyệt lại được.'
          : 'Kế hoạch đã bị hủy.',
    });
}

/** What the actor may do with the plan next. */
export async function allowedActions(
  db: DbOrTx,
  actor: Actor,
  plan: PlanRow,
  access: CommitteeAccess,
): Promise<PlanAction[]> {
  const out: PlanAction[] = [];
  const manage = can(actor, 'plan.manage', { committee: access });
  if (plan.status === 'draft') {
    if (manage) out.push('edit', 'cancel');
    if ((await mayApprove(db, actor, plan.committeeId)).allowed) out.push('approve');
  }
  if (plan.status !== 'cancelled' && manage && can(actor, 'document.manage', { committee: access }))
    out.push('draftDocument');
  return out;
}
