import type { PlanReview, ReviewCounts, ReviewQuery } from '@steerco/contract/plans';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { committeeDomainList } from '../committees/committees.service.ts';
import { reviewFigures } from '../tasks/figures.service.ts';
import { findPlanTaskIds, isPlanOf } from './plans.repo.ts';

/**
 * Figures for the 6-month (sơ kết) and annual (tổng kết) review meetings (R5, R8): the committee's tasks whose
 * deadline falls in the period (1 January – 30 June, or the whole year) — or only those of one plan — counted
 * by display status as of today: done on time, done late, open and not overdue, overdue, cancelled; by domain
 * and by lead unit (a task led by a member counts for the member's unit, or for the member without one).
 */
export async function planReview(
  db: Db,
  actor: Actor,
  committeeId: string,
  q: ReviewQuery,
): Promise<PlanReview> {
  await loadCommitteeAccess(db, actor, committeeId);
  const from = `${q.year}-01-01`;
  const to = q.period === 'firstHalf' ? `${q.year}-06-30` : `${q.year}-12-31`;
  let taskIds: string[] | undefined;
  if (q.planId) {
    if (!(await isPlanOf(db, q.planId, committeeId))) throw new AppError('plan.notFound');
    taskIds = await findPlanTaskIds(db, q.planId);
  }
  const [figures, domains] = await Promise.all([
    reviewFigures(db, { committeeId, from, to, taskIds }),
    committeeDomainList(db, committeeId),
  ]);
  const { totals, byDomain, byLead } = figures;
  const position = (code: string) =>
    domains.find((d) => d.code === code)?.position ?? Number.MAX_SAFE_INTEGER;
  const zero: ReviewCounts = {
    total: 0,
    doneOnTime: 0,
    doneLate: 0,
    openOnTime: 0,
    overdue: 0,
    cancelled: 0,
  };
  return {
    from,
    to,
    asOf: figures.asOf,
    totals: totals ?? zero,
    byDomain: byDomain
      .map((r) => ({
        ...r,
        name: r.key ? (domains.find((d) => d.code === r.key)?.name ?? r.key) : 'Chưa xác định lĩnh vực',
      }))
      .sort((a, b) => position(a.key) - position(b.key) || a.name.localeCompare(b.name, 'vi')),
    byLead: [...byLead].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}
