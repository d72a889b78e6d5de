import { formatDate } from '@steerco/contract/datetime';
import type { CreatePlanBody, PlanItemInput, UpdatePlanBody } from '@steerco/contract/plans';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertCommittee, loadCommitteeAccess } from '../committees/access.service.ts';
import { committeeDomainCodes } from '../committees/committees.service.ts';
import { seatsInForceAmong } from '../committees/seats.service.ts';
import { unitNames } from '../units/units.service.ts';
import { assertDraft, loadPlan } from './plans.policy.ts';
import { insertPlan, replaceItems, updatePlanRow } from './plans.repo.ts';
import { getPlan } from './plans.service.ts';

// Drafting the annual work plan (R5: the standing agency drafts it; the head may too).

const pad = (n: number) => String(n).padStart(2, '0');
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
export const quarterStart = (year: number, q: number) => `${year}-${pad((q - 1) * 3 + 1)}-01`;
export const quarterEnd = (year: number, q: number) => `${year}-${QUARTER_END[q - 1]}`;

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
  const domains = await committeeDomainCodes(db, committeeId);
  const unitIds = [
    ...new Set(items.flatMap((i) => [...(i.leadUnitId ? [i.leadUnitId] : []), ...i.cooperatingUnitIds])),
  ];
  const seatIds = [...new Set(items.flatMap((i) => (i.leadMembershipId ? [i.leadMembershipId] : [])))];
  const units = new Set((await unitNames(db, unitIds)).keys());
  const seats = new Set(await seatsInForceAmong(db, committeeId, seatIds, clock.today()));
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

/** Opens the plan of a year, empty, as a draft (R5: the standing agency drafts it; the head may too). */
export async function createPlan(db: Db, actor: Actor, committeeId: string, body: CreatePlanBody) {
  const { committee, access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'plan.manage', access);
  const id = uuidv7();
  try {
    await db.transaction(async (tx) => {
      await insertPlan(tx, {
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
    await replaceItems(
      tx,
      planId,
      items.map((i) => ({ id: uuidv7(), ...i })),
    );
    await updatePlanRow(tx, planId, {
      ...(body.title ? { title: body.title } : {}),
      ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
    });
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
    await updatePlanRow(tx, planId, { status: 'cancelled' });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'plan.cancelled',
      entityType: 'workPlan',
      entityId: planId,
    });
  });
  return getPlan(db, actor, planId);
}
