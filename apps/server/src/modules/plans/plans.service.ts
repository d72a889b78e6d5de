import type { PlanDetail } from '@steerco/contract/plans';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { committeeDomainList } from '../committees/committees.service.ts';
import { documentHeads } from '../documents/registry.service.ts';
import { taskStates } from '../tasks/figures.service.ts';
import { unitNames } from '../units/units.service.ts';
import { allowedActions, loadPlan } from './plans.policy.ts';
import { findApproverName, findItemPlan, findPlanItems, findPlans, toPlanSummary } from './plans.repo.ts';

// Reading the committee's annual work plans (R5).

export async function listPlans(db: Db, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  return { items: await findPlans(db, committeeId) };
}

export async function getPlan(db: DbOrTx, actor: Actor, planId: string): Promise<PlanDetail> {
  const { plan, access } = await loadPlan(db, actor, planId);
  const rows = await findPlanItems(db, planId);
  const [domains, coopNames, tasks, approvedByName, docs] = await Promise.all([
    committeeDomainList(db, plan.committeeId),
    unitNames(
      db,
      rows.flatMap((r) => r.i.cooperatingUnitIds),
    ),
    taskStates(
      db,
      plan.committeeId,
      rows.flatMap((r) => (r.i.taskId ? [r.i.taskId] : [])),
    ),
    findApproverName(db, planId),
    documentHeads(db, plan.documentId ? [plan.documentId] : []),
  ]);
  const doc = plan.documentId ? docs.get(plan.documentId) : undefined;
  return {
    ...toPlanSummary(plan, rows.length, approvedByName),
    purpose: plan.purpose,
    approvedOn: plan.approvedOn,
    approvedUnderDelegation: !!plan.approvedUnderDelegationId,
    document:
      plan.documentId && doc?.title ? { id: plan.documentId, title: doc.title, status: doc.status } : null,
    items: rows.map((r) => ({
      id: r.i.id,
      position: r.i.position,
      domain: r.i.domain,
      domainName: domains.find((d) => d.code === r.i.domain)?.name ?? r.i.domain,
      quarter: r.i.quarter,
      title: r.i.title,
      content: r.i.content,
      leadUnit: r.i.leadUnitId ? { id: r.i.leadUnitId, name: r.unitName ?? '' } : null,
      leadMember: r.i.leadMembershipId
        ? { membershipId: r.i.leadMembershipId, fullName: r.memberName ?? '' }
        : null,
      cooperatingUnits: r.i.cooperatingUnitIds.map((id) => ({ id, name: coopNames.get(id) ?? '' })),
      expectedProduct: r.i.expectedProduct,
      deadline: r.i.deadline,
      task: (r.i.taskId && tasks.has(r.i.taskId) && { id: r.i.taskId, ...tasks.get(r.i.taskId)! }) || null,
    })),
    allowedActions: await allowedActions(db, actor, plan, access),
  };
}

/**
 * For other modules (an indicator's target set in the annual work plan, R19): the committee, year and state of
 * the plan a plan item belongs to, or undefined when there is no such item.
 */
export async function planOfItem(db: DbOrTx, itemId: string) {
  return findItemPlan(db, itemId);
}
