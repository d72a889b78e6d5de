import { formatDate } from '@steerco/contract/datetime';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { insertTask } from '../tasks/creation.service.ts';
import { assertDraft, loadPlan, mayApprove } from './plans.policy.ts';
import { findItemRows, type ItemRow, linkItemTask, type PlanRow, updatePlanRow } from './plans.repo.ts';
import { getPlan } from './plans.service.ts';

/**
 * Approves the plan: in one transaction the plan is locked (status approved) and every item becomes a task
 * (source: the plan item, counted from the approval date in Viet Nam), linked both ways. An item already past
 * its deadline on that date fails the whole approval with the list of such items; nothing is written.
 */
export async function approvePlan(db: Db, actor: Actor, planId: string) {
  await db.transaction(async (tx) => {
    const { plan } = await loadPlan(tx, actor, planId, true);
    const answer = await mayApprove(tx, actor, plan.committeeId);
    if (!answer.allowed)
      throw new AppError('permission.denied', {
        detail: `Chỉ Trưởng Ban, hoặc Phó Trưởng Ban được ủy quyền ký văn bản, phê duyệt kế hoạch (${answer.reason}).`,
      });
    assertDraft(plan);
    const items = await findItemRows(tx, planId);
    if (!items.length) throw new AppError('plan.empty');
    const today = clock.today();
    const late = items.filter((i) => i.deadline < today);
    if (late.length)
      throw new AppError('plan.itemsPastDeadline', {
        detail: `Các nhiệm vụ đã quá hạn tại ngày phê duyệt ${formatDate(today)}: ${late
          .map((i) => `${i.position}. “${i.title}” (hạn ${formatDate(i.deadline)})`)
          .join('; ')}. Sửa hạn hoặc bỏ các nhiệm vụ này rồi phê duyệt lại.`,
        extensions: {
          items: late.map((i) => ({ id: i.id, position: i.position, title: i.title, deadline: i.deadline })),
        },
      });
    await updatePlanRow(tx, planId, {
      status: 'approved',
      approvedBy: actor.userId,
      approvedAt: clock.now(),
      approvedOn: today,
      approvedUnderDelegationId: answer.delegationId,
    });
    for (const item of items) {
      const taskId = await insertTask(tx, actor, taskOf(plan, item, today), `Giao theo ${plan.title}`);
      await linkItemTask(tx, item.id, taskId);
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'plan.approved',
      entityType: 'workPlan',
      entityId: planId,
      data: { as: answer.as, delegationId: answer.delegationId, tasks: items.length },
    });
  });
  return getPlan(db, actor, planId);
}

function taskOf(plan: PlanRow, item: ItemRow, sourceDate: string) {
  return {
    committeeId: plan.committeeId,
    title: item.title,
    content: item.content,
    domain: item.domain,
    sourceKind: 'planItem' as const,
    planItemId: item.id,
    sourceDate,
    leadUnitId: item.leadUnitId,
    leadMembershipId: item.leadMembershipId,
    cooperatingUnitIds: item.cooperatingUnitIds,
    cooperatingMembershipIds: [],
    expectedProduct: item.expectedProduct,
    deadline: item.deadline,
    tags: [`Kế hoạch ${plan.year}`],
  };
}
