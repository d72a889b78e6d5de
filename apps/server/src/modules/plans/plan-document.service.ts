import type { PlanItem as DocumentPlanItem } from '@steerco/contract/documents';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertCommittee } from '../committees/access.service.ts';
import { createFromTemplate } from '../documents/drafts.service.ts';
import { loadPlan } from './plans.policy.ts';
import { updatePlanRow } from './plans.repo.ts';
import { getPlan } from './plans.service.ts';

/**
 * Drafts the Kế hoạch document from the plan through the documents module (its "plan" template: the purpose as
 * the opening section, then the table of items by domain with quarter and deadline). Each call makes a new
 * draft from the current items; the plan points at the latest.
 */
export async function draftPlanDocument(db: Db, actor: Actor, planId: string) {
  const { plan, access } = await loadPlan(db, actor, planId);
  assertCommittee(actor, 'plan.manage', access);
  if (plan.status === 'cancelled') throw new AppError('plan.notDraft', { detail: 'Kế hoạch đã bị hủy.' });
  const detail = await getPlan(db, actor, planId);
  if (!detail.items.length) throw new AppError('plan.empty');
  const items: DocumentPlanItem[] = detail.items.map((i) => ({
    domain: i.domainName,
    quarter: i.quarter,
    title: i.title,
    lead: i.leadUnit?.name ?? i.leadMember?.fullName ?? '',
    cooperating: i.cooperatingUnits.map((u) => u.name).join(', '),
    product: i.expectedProduct ?? '',
    deadline: i.deadline,
  }));
  const doc = await createFromTemplate(db, actor, plan.committeeId, {
    template: 'plan',
    title: plan.title,
    sections: plan.purpose ? [{ heading: 'Mục đích, yêu cầu', text: plan.purpose }] : [],
    items,
  });
  await db.transaction(async (tx) => {
    await updatePlanRow(tx, planId, { documentId: doc.id });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'plan.documentDrafted',
      entityType: 'workPlan',
      entityId: planId,
      data: { documentId: doc.id },
    });
  });
  return getPlan(db, actor, planId);
}
