import {
  type EnterValueBody,
  PERIODS_PER_YEAR,
  periodLabel,
  type SetTargetBody,
} from '@steerco/contract/indicators';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { allFilesOfCommittee, fileDtos } from '../files/files.service.ts';
import { planOfItem } from '../plans/plans.service.ts';
import { findIndicator } from './catalogue.repo.ts';
import { accessAbove, assertMayApprove, assertMayEnter, mayApprove } from './indicators.policy.ts';
import { refreshSummaries } from './summary.service.ts';
import {
  findApprovedValue,
  findTarget,
  findValueRow,
  findValues,
  insertValue,
  supersede,
  toValueDto,
  updateValue,
  upsertTarget,
  type ValueRow,
} from './values.repo.ts';

/** The indicator with its framework version; 404 when unknown. */
export async function loadIndicator(db: DbOrTx, indicatorId: string) {
  const found = await findIndicator(db, indicatorId);
  if (!found) throw new AppError('indicator.notFound');
  return found;
}

export function assertPeriod(frequency: keyof typeof PERIODS_PER_YEAR, period: number) {
  if (period < 1 || period > PERIODS_PER_YEAR[frequency])
    throw new AppError('indicator.invalidPeriod', {
      detail: `Chỉ số theo ${frequency === 'monthly' ? 'tháng' : frequency === 'quarterly' ? 'quý' : 'năm'}: kỳ từ 1 đến ${PERIODS_PER_YEAR[frequency]}.`,
    });
}

/**
 * The owner unit enters the period's figure with its evidence and a note; it waits for the standing agency's
 * approval. A figure for a period that already has an approved one is a correction of it (history is kept).
 */
export async function enterValue(db: Db, actor: Actor, committeeId: string, body: EnterValueBody) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  const { i: ind, f } = await loadIndicator(db, body.indicatorId);
  if (ind.source === 'computed')
    throw new AppError('indicator.computed', { detail: 'Chỉ số được tính từ dữ liệu của hệ thống.' });
  assertPeriod(ind.frequency, body.period);
  await assertMayEnter(db, actor, access, ind.domain);
  if (!(await allFilesOfCommittee(db, body.evidenceFileIds, committeeId)))
    throw new AppError('file.notFound', { detail: 'Tệp kiểm chứng không thuộc Ban Chỉ đạo này.' });
  const id = uuidv7();
  await db.transaction(async (tx) => {
    const key = { committeeId, indicatorId: ind.id, period: body.period };
    const approved = await findApprovedValue(tx, committeeId, ind.id, body.period);
    await supersede(tx, key, 'submitted');
    await insertValue(tx, {
      id,
      ...key,
      value: body.value,
      note: body.note ?? null,
      evidenceFileIds: body.evidenceFileIds,
      status: 'submitted',
      source: 'entered',
      correctsId: approved?.id ?? null,
      enteredBy: actor.userId,
      enteredAt: clock.now(),
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: approved ? 'indicator.valueCorrected' : 'indicator.valueEntered',
      entityType: 'indicatorValue',
      entityId: id,
      data: { code: ind.code, period: periodLabel(ind.frequency, body.period, f.year), value: body.value },
    });
  });
  return getValue(db, id);
}

async function loadValue(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const row = await findValueRow(db, id, lock);
  if (!row) throw new AppError('indicator.valueNotFound');
  const { access } = await loadCommitteeAccess(db, actor, row.committeeId).catch(() => {
    throw new AppError('indicator.valueNotFound');
  });
  return { row, access };
}

function assertPending(row: ValueRow) {
  if (row.status !== 'submitted')
    throw new AppError('indicator.valueDecided', { detail: 'Số liệu này đã được phê duyệt hoặc trả lại.' });
}

/** The standing agency approves: the value becomes the period's figure (a corrected one is superseded). */
export async function approveValue(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const { row, access } = await loadValue(tx, actor, id, true);
    assertMayApprove(access);
    assertPending(row);
    await supersede(tx, row, 'approved', id);
    await updateValue(tx, id, { status: 'approved', decidedBy: actor.userId, decidedAt: clock.now() });
    await refreshSummaries(tx, row.committeeId, [row.indicatorId]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'indicator.valueApproved',
      entityType: 'indicatorValue',
      entityId: id,
    });
  });
  return getValue(db, id);
}

export async function rejectValue(db: Db, actor: Actor, id: string, reason: string) {
  await db.transaction(async (tx) => {
    const { row, access } = await loadValue(tx, actor, id, true);
    assertMayApprove(access);
    assertPending(row);
    await updateValue(tx, id, {
      status: 'rejected',
      decidedBy: actor.userId,
      decidedAt: clock.now(),
      decisionNote: reason,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'indicator.valueRejected',
      entityType: 'indicatorValue',
      entityId: id,
      data: { reason },
    });
  });
  return getValue(db, id);
}

async function withEvidence(db: DbOrTx, rows: Awaited<ReturnType<typeof findValues>>) {
  const files = await fileDtos(
    db,
    rows.flatMap((r) => r.v.evidenceFileIds),
  );
  const names = new Map([...files].map(([id, f]) => [id, { id, name: f.name }]));
  return rows.map((r) => toValueDto(r, names));
}

async function getValue(db: DbOrTx, id: string) {
  const row = await findValueRow(db, id);
  const rows = await findValues(db, row!.committeeId, { indicatorId: row!.indicatorId });
  return (await withEvidence(db, rows)).find((v) => v.id === id)!;
}

/** The committee's values and their history (corrections, rejections), newest first. */
export async function listValues(
  db: Db,
  actor: Actor,
  committeeId: string,
  q: { indicatorId?: string; status?: ValueRow['status']; year?: number },
) {
  await loadCommitteeAccess(db, actor, committeeId);
  return { items: await withEvidence(db, await findValues(db, committeeId, q)) };
}

/**
 * Sets the committee's target for the indicator's year: the committee above does (its head or standing
 * agency), or the committee itself in its annual work plan (then the plan item is named).
 */
export async function setTarget(db: Db, actor: Actor, committeeId: string, body: SetTargetBody) {
  const { committee, access } = await loadCommitteeAccess(db, actor, committeeId);
  const { i: ind, f } = await loadIndicator(db, body.indicatorId);
  // R19: a percentage target lies between 0 and 100 (so do its projections, see calc.ts clampToUnit).
  if (ind.unit === 'percent' && (body.value < 0 || body.value > 100))
    throw new AppError('indicator.outOfRange', { detail: 'Chỉ tiêu tỷ lệ phần trăm từ 0 đến 100.' });
  const above = await accessAbove(db, actor, committee.parentId);
  const own = mayApprove(access) && !!body.planItemId;
  if (!above && !own)
    throw new AppError('permission.denied', {
      detail:
        'Chỉ tiêu do Ban Chỉ đạo cấp trên giao, hoặc do Ban Chỉ đạo tự đặt trong kế hoạch công tác năm (nêu nhiệm vụ trong kế hoạch).',
    });
  if (body.planItemId) {
    // R19: the plan item a target serves is one of this committee's annual work plan of the indicator's year.
    const plan = await planOfItem(db, body.planItemId);
    if (!plan || plan.committeeId !== committeeId || plan.year !== f.year || plan.status === 'cancelled')
      throw new AppError('indicator.planItemNotFound', {
        detail: `Chọn một nhiệm vụ trong kế hoạch công tác năm ${f.year} của Ban Chỉ đạo.`,
      });
  }
  await db.transaction(async (tx) => {
    await upsertTargetRow(tx, actor, committeeId, body, above ? 'committeeAbove' : 'ownPlan');
    await refreshSummaries(tx, committeeId, [ind.id]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'indicator.targetSet',
      entityType: 'committee',
      entityId: committeeId,
      data: { code: ind.code, year: f.year, value: body.value },
    });
  });
  const t = (await findTarget(db, committeeId, ind.id))!;
  return {
    committeeId,
    indicatorId: ind.id,
    year: f.year,
    value: t.t.value,
    note: t.t.note,
    setByName: t.setByName,
    setFrom: t.t.setFrom,
    planItemId: t.t.planItemId,
    setAt: t.t.setAt.toISOString(),
  };
}

async function upsertTargetRow(
  tx: DbOrTx,
  actor: Actor,
  committeeId: string,
  body: SetTargetBody,
  setFrom: 'committeeAbove' | 'ownPlan',
) {
  await upsertTarget(tx, {
    committeeId,
    indicatorId: body.indicatorId,
    value: body.value,
    note: body.note ?? null,
    setFrom,
    planItemId: body.planItemId ?? null,
    setBy: actor.userId,
  });
}
