import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { type CommitteeAccess, loadCommitteeAccess } from '../committees/access.service.ts';
import { findPeriod, findRegime, findReport, type ReportRow } from './reports.repo.ts';

// Who may do what with regimes and reports (R16). The standing agency (secretary) and the head prepare and send a
// committee's reports and receive those of the committees below (the committee's `document.manage`); every
// member of the reporter sees its reports, and so do the committees above it. Anyone else: 404.

/** The actor's standing on a committee, or null when the actor may not see it. */
export async function accessOrNull(db: DbOrTx, actor: Actor, committeeId: string) {
  try {
    return (await loadCommitteeAccess(db, actor, committeeId)).access;
  } catch (err) {
    if (err instanceof AppError && err.code === 'committee.notFound') return null;
    throw err;
  }
}

export const mayManage = (actor: Actor, access: CommitteeAccess | null) =>
  !!access && can(actor, 'document.manage', { committee: access });

/** A regime, with the actor's standing on its issuer; hidden (404) from those who see neither it nor a reporter. */
export async function loadRegime(db: DbOrTx, actor: Actor, regimeId: string) {
  const found = await findRegime(db, regimeId);
  if (!found) throw new AppError('report.regimeNotFound');
  const access = await accessOrNull(db, actor, found.regime.committeeId);
  return { ...found, access };
}

/** A period and its regime. */
export async function loadPeriod(db: DbOrTx, periodId: string) {
  const period = await findPeriod(db, periodId);
  if (!period) throw new AppError('report.periodNotFound');
  const found = await findRegime(db, period.regimeId);
  if (!found) throw new AppError('report.periodNotFound');
  return { period, ...found };
}

/**
 * A report, its period and regime, and the actor's standing on the reporter and on the recipient: 404 unless the
 * actor sees the reporter (its members, the committees above it).
 */
export async function loadReport(db: DbOrTx, actor: Actor, reportId: string, lock = false) {
  const report: ReportRow | undefined = await findReport(db, reportId, lock);
  if (!report) throw new AppError('report.notFound');
  const reporter = await accessOrNull(db, actor, report.reporterCommitteeId);
  if (!reporter) throw new AppError('report.notFound');
  const { period, regime, committeeName } = await loadPeriod(db, report.periodId);
  const recipient = await accessOrNull(db, actor, regime.committeeId);
  return { report, period, regime, recipientName: committeeName, reporter, recipient };
}

export function assertMay(allowed: boolean) {
  if (!allowed) throw new AppError('permission.denied');
}
