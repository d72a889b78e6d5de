import { formatDate } from '@steerco/contract/datetime';
import type { PlanItem as DocumentPlanItem } from '@steerco/contract/documents';
import type {
  CreatePlanBody,
  PlanAction,
  PlanDetail,
  PlanItemInput,
  PlanSummary,
  UpdatePlanBody,
} from '@steerco/contract/plans';
import type { TaskStatus } from '@steerco/contract/tasks';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { assertCommittee, loadCommitteeAccess, seatInForce } from '../committees/committees.access.ts';
import type { CommitteeAccess } from '../committees/committees.policy.ts';
import { committeeDomains, memberships } from '../committees/committees.schema.ts';
import { mayActForHead } from '../committees/delegations.service.ts';
import { documents } from '../documents/documents.schema.ts';
import { createFromTemplate } from '../documents/documents.service.ts';
import { derivedStatusOf } from '../tasks/tasks.repo.ts';
import { tasks } from '../tasks/tasks.schema.ts';
import { insertTask, windowOf } from '../tasks/tasks.service.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import { workPlanItems, workPlans } from './plans.schema.ts';

type PlanRow = typeof workPlans.$inferSelect;
type ItemRow = typeof workPlanItems.$inferSelect;

// ——— Quarters ———

const pad = (n: number) => String(n).padStart(2, '0');
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
export const quarterStart = (year: number, q: number) => `${year}-${pad((q - 1) * 3 + 1)}-01`;
export const quarterEnd = (year: number, q: number) => `${year}-${QUARTER_END[q - 1]}`;

// ——— Loading and rights ———

/** The plan and the actor's standing on its committee; a plan whose committee the actor cannot see is a 404. */
async function loadPlan(db: DbOrTx, actor: Actor, planId: string, lock = false) {
  const query = db.select().from(workPlans).where(eq(workPlans.id, planId));
  const [plan] = lock ? await query.for('update') : await query;
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
function mayApprove(db: DbOrTx, actor: Actor, committeeId: string) {
  return mayActForHead(db, { committeeId, userId: actor.userId, scope: 'signDocuments' });
}

function assertDraft(plan: PlanRow) {
  if (plan.status !== 'draft')
    throw new AppError('plan.notDraft', {
      detail:
        plan.status === 'approved'
          ? 'Kế hoạch đã được phê duyệt: các nhiệm vụ đã được giao, không sửa hay phê duyệt lại được.'
          : 'Kế hoạch đã bị hủy.',
    });
}

// ——— Validating items ———

/**
 * Checks every item against the committee and the plan year, and answers with all the problems at once:
 * - the domain is one of the committee's;
 * - R1: the lead is exactly one unit (existing) or one seat of the committee in force today (not a guest);
 * - co-operating units exist;
 * - the deadline lies in the plan year and not before the item's quarter starts (work planned for a quarter
 *   cannot be due before it begins, and may run on to the end of the year); without a date, the quarter's last
 *   day is the deadline.
 */
async function validateItems(db: DbOrTx, committeeId: string, year: number, items: PlanItemInput[]) {
  const domains = new Set(
    (
      await db
        .select({ code: committeeDomains.code })
        .from(committeeDomains)
        .where(eq(committeeDomains.committeeId, committeeId))
    ).map((d) => d.code),
  );
  const unitIds = [
    ...new Set(items.flatMap((i) => [...(i.leadUnitId ? [i.leadUnitId] : []), ...i.cooperatingUnitIds])),
  ];
  const seatIds = [...new Set(items.flatMap((i) => (i.leadMembershipId ? [i.leadMembershipId] : [])))];
  const units = new Set(
    unitIds.length
      ? (
          await db
            .select({ id: administrativeUnits.id })
            .from(administrativeUnits)
            .where(inArray(administrativeUnits.id, unitIds))
        ).map((u) => u.id)
      : [],
  );
  const seats = new Set(
    seatIds.length
      ? (
          await db
            .select({ id: memberships.id })
            .from(memberships)
            .where(
              and(
                inArray(memberships.id, seatIds),
                eq(memberships.committeeId, committeeId),
                sql`${memberships.role} <> 'guest'`,
                seatInForce(clock.today()),
              ),
            )
        ).map((m) => m.id)
      : [],
  );
  const errors: FieldError[] = [];
  const out = items.map((item, n) => {
    const at = (field: string, message: string, code: string) =>
      errors.push({ path: `items.${n}.${field}`, message: `Nhiệm vụ ${n + 1}: ${message}`, code });
    if (!domains.has(item.domain))
      at('domain', `lĩnh vực “${item.domain}” không thuộc Ban Chỉ đạo`, 'domain');
    if (!!item.leadUnitId === !!item.leadMembershipId)
      at('leadUnitId', 'phải có đúng một đơn vị hoặc một thành viên chủ trì', 'lead');
    if (item.leadUnitId && !units.has(item.leadUnitId))
      at('leadUnitId', 'đơn vị chủ trì không tồn tại', 'unit');
    if (item.leadMembershipId && !seats.has(item.leadMembershipId))
      at('leadMembershipId', 'thành viên chủ trì không phải thành viên đương nhiệm của Ban Chỉ đạo', 'seat');
    if (item.cooperatingUnitIds.some((u) => !units.has(u)))
      at('cooperatingUnitIds', 'đơn vị phối hợp không tồn tại', 'unit');
    const deadline = item.deadline ?? quarterEnd(year, item.quarter);
    if (deadline < quarterStart(year, item.quarter) || deadline > `${year}-12-31`)
      at(
        'deadline',
        `hạn ${formatDate(deadline)} phải trong năm ${year} và không trước Quý ${item.quarter} (từ ${formatDate(quarterStart(year, item.quarter))})`,
        'deadline',
      );
    return {
      position: n + 1,
      domain: item.domain,
      quarter: item.quarter,
      title: item.title,
      content: item.content ?? null,
      leadUnitId: item.leadUnitId ?? null,
      leadMembershipId: item.leadMembershipId ?? null,
      // The lead unit is not also its own co-operator.
      cooperatingUnitIds: [...new Set(item.cooperatingUnitIds)].filter((u) => u !== item.leadUnitId),
      expectedProduct: item.expectedProduct ?? null,
      deadline,
    };
  });
  if (errors.length)
    throw new AppError('plan.invalidItem', { detail: errors.map((e) => e.message).join('; '), errors });
  return out;
}

// ——— Reading ———

const approver = sql<string | null>`(select u.full_name from users u where u.id = ${workPlans.approvedBy})`;
const itemCount = sql<number>`(select count(*)::int from work_plan_items i where i.plan_id = ${workPlans.id})`;

function toSummary(p: PlanRow, n: number, approvedByName: string | null): PlanSummary {
  return {
    id: p.id,
    committeeId: p.committeeId,
    year: p.year,
    title: p.title,
    status: p.status,
    itemCount: n,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    approvedByName,
    documentId: p.documentId,
    createdAt: p.createdAt.toISOString(),
  };
}

export async function listPlans(db: Db, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  const rows = await db
    .select({ p: workPlans, n: itemCount, approvedByName: approver })
    .from(workPlans)
    .where(eq(workPlans.committeeId, committeeId))
    .orderBy(desc(workPlans.year), desc(workPlans.createdAt));
  return { items: rows.map((r) => toSummary(r.p, r.n, r.approvedByName)) };
}

async function allowedActions(
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

export async function getPlan(db: DbOrTx, actor: Actor, planId: string): Promise<PlanDetail> {
  const { plan, access } = await loadPlan(db, actor, planId);
  const rows = await db
    .select({
      i: workPlanItems,
      domainName: committeeDomains.name,
      unitName: administrativeUnits.name,
      memberName: users.fullName,
      taskStatus: tasks.status,
      taskDeadline: tasks.deadline,
      taskCompletedOn: tasks.completedOn,
    })
    .from(workPlanItems)
    .leftJoin(
      committeeDomains,
      and(
        eq(committeeDomains.committeeId, plan.committeeId),
        eq(committeeDomains.code, workPlanItems.domain),
      ),
    )
    .leftJoin(administrativeUnits, eq(administrativeUnits.id, workPlanItems.leadUnitId))
    .leftJoin(memberships, eq(memberships.id, workPlanItems.leadMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .leftJoin(tasks, eq(tasks.id, workPlanItems.taskId))
    .where(eq(workPlanItems.planId, planId))
    .orderBy(asc(workPlanItems.position));
  const coopIds = [...new Set(rows.flatMap((r) => r.i.cooperatingUnitIds))];
  const coopNames = new Map(
    coopIds.length
      ? (
          await db
            .select({ id: administrativeUnits.id, name: administrativeUnits.name })
            .from(administrativeUnits)
            .where(inArray(administrativeUnits.id, coopIds))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const window = rows.some((r) => r.i.taskId) ? await windowOf(db, plan.committeeId) : null;
  const [extra] = await db
    .select({ approvedByName: approver, docTitle: documents.title, docStatus: documents.status })
    .from(workPlans)
    .leftJoin(documents, eq(documents.id, workPlans.documentId))
    .where(eq(workPlans.id, planId));
  return {
    ...toSummary(plan, rows.length, extra?.approvedByName ?? null),
    purpose: plan.purpose,
    approvedOn: plan.approvedOn,
    approvedUnderDelegation: !!plan.approvedUnderDelegationId,
    document:
      plan.documentId && extra?.docTitle
        ? { id: plan.documentId, title: extra.docTitle, status: extra.docStatus ?? 'draft' }
        : null,
    items: rows.map((r) => ({
      id: r.i.id,
      position: r.i.position,
      domain: r.i.domain,
      domainName: r.domainName ?? r.i.domain,
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
      task:
        r.i.taskId && r.taskStatus && r.taskDeadline && window
          ? {
              id: r.i.taskId,
              status: r.taskStatus as TaskStatus,
              derivedStatus: derivedStatusOf(
                { status: r.taskStatus, deadline: r.taskDeadline, completedOn: r.taskCompletedOn },
                window,
              ),
            }
          : null,
    })),
    allowedActions: await allowedActions(db, actor, plan, access),
  };
}

// ——— Writing ———

/** Opens the plan of a year, empty, as a draft (R5: the standing agency drafts it; the head may too). */
export async function createPlan(db: Db, actor: Actor, committeeId: string, body: CreatePlanBody) {
  const { committee, access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'plan.manage', access);
  const id = uuidv7();
  try {
    await db.transaction(async (tx) => {
      await tx.insert(workPlans).values({
        id,
        committeeId,
        year: body.year,
        title: body.title || `Kế hoạch công tác năm ${body.year} của ${committee.name}`,
        purpose: body.purpose ?? null,
        createdBy: actor.userId,
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'plan.created',
        entityType: 'workPlan',
        entityId: id,
        data: { committeeId, year: body.year },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'work_plans_committee_year_key'))
      throw new AppError('plan.yearTaken', {
        detail: `Ban Chỉ đạo đã có kế hoạch công tác năm ${body.year} (hủy kế hoạch đó trước khi lập kế hoạch mới).`,
      });
    throw err;
  }
  return getPlan(db, actor, id);
}

/** Replaces the title, purpose and every item of a draft plan, validated as a whole. */
export async function updatePlan(db: Db, actor: Actor, planId: string, body: UpdatePlanBody) {
  await db.transaction(async (tx) => {
    const { plan, access } = await loadPlan(tx, actor, planId, true);
    assertCommittee(actor, 'plan.manage', access);
    assertDraft(plan);
    const items = await validateItems(tx, plan.committeeId, plan.year, body.items);
    await tx.delete(workPlanItems).where(eq(workPlanItems.planId, planId));
    if (items.length)
      await tx.insert(workPlanItems).values(items.map((i) => ({ id: uuidv7(), planId, ...i })));
    await tx
      .update(workPlans)
      .set({
        ...(body.title ? { title: body.title } : {}),
        ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(workPlans.id, planId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'plan.itemsReplaced',
      entityType: 'workPlan',
      entityId: planId,
      data: { items: items.length },
    });
  });
  return getPlan(db, actor, planId);
}

/** Cancels a draft plan (the year is then free for a new one). An approved plan stays: its tasks are live. */
export async function cancelPlan(db: Db, actor: Actor, planId: string) {
  await db.transaction(async (tx) => {
    const { plan, access } = await loadPlan(tx, actor, planId, true);
    assertCommittee(actor, 'plan.manage', access);
    assertDraft(plan);
    await tx
      .update(workPlans)
      .set({ status: 'cancelled', updatedAt: sql`now()` })
      .where(eq(workPlans.id, planId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'plan.cancelled',
      entityType: 'workPlan',
      entityId: planId,
    });
  });
  return getPlan(db, actor, planId);
}

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
    const items = await tx
      .select()
      .from(workPlanItems)
      .where(eq(workPlanItems.planId, planId))
      .orderBy(asc(workPlanItems.position));
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
    await tx
      .update(workPlans)
      .set({
        status: 'approved',
        approvedBy: actor.userId,
        approvedAt: clock.now(),
        approvedOn: today,
        approvedUnderDelegationId: answer.delegationId,
        updatedAt: sql`now()`,
      })
      .where(eq(workPlans.id, planId));
    for (const item of items) {
      const taskId = await insertTask(tx, actor, taskOf(plan, item, today), `Giao theo ${plan.title}`);
      await tx.update(workPlanItems).set({ taskId }).where(eq(workPlanItems.id, item.id));
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
    await tx
      .update(workPlans)
      .set({ documentId: doc.id, updatedAt: sql`now()` })
      .where(eq(workPlans.id, planId));
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
