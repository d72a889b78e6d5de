import { addDays } from '@steerco/calendar';
import type { DueReport, ReportsAtAGlance, Rollup } from '@steerco/contract/reports';
import * as clock from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { isLate } from './drafting.service.ts';
import { accessOrNull, loadPeriod } from './reports.policy.ts';
import { findDuePeriods, findReceivedPeriods, findRollupRows, toPeriodDto } from './reports.repo.ts';
import { rollupTotals } from './values.ts';

// What is due and where each report stands (R16): the reporter's list, the recipient's rollup grid.

/**
 * The reports the committee owes: every period of the regimes it reports under whose window has started, from
 * those due in the last year on, with the state of its report and whether it is late.
 */
export async function dueReports(db: Db, actor: Actor, committeeId: string) {
  if (!(await accessOrNull(db, actor, committeeId))) throw new AppError('committee.notFound');
  const today = clock.today();
  const rows = await findDuePeriods(db, [committeeId], today, addDays(today, -366));
  return { items: rows.map((r) => toDueReport(r, today)) };
}

type DueRow = Awaited<ReturnType<typeof findDuePeriods>>[number];

function toDueReport(r: DueRow, today: string): DueReport {
  return {
    period: toPeriodDto(r.period),
    regimeName: r.regimeName,
    recipientName: r.recipientName,
    reporterCommitteeId: r.reporterCommitteeId,
    reporterName: r.reporterName,
    reportId: r.reportId,
    status: r.status ?? 'notStarted',
    late:
      r.status === 'accepted' || r.status === 'submitted' ? isLate(r.period, r) : today > r.period.deadline,
    submittedAt: r.submittedAt?.toISOString() ?? null,
  };
}

/**
 * The dashboard's reports (R16) of committees the actor sits on (the caller lists them): what they owe and has
 * not been accepted, oldest deadline first, and the periods of the regimes they issued that are open and due
 * in the last 45 days or later, with how many reporters sent, are late or missing.
 */
export async function reportsAtAGlance(db: Db, committeeIds: string[]): Promise<ReportsAtAGlance> {
  const today = clock.today();
  const since = addDays(today, -45);
  const [due, received] = await Promise.all([
    findDuePeriods(db, committeeIds, today, since),
    findReceivedPeriods(db, committeeIds, today, since),
  ]);
  return {
    owed: due
      .filter((r) => r.status !== 'accepted' && r.period.opensOn <= today)
      .slice(0, 12)
      .map((r) => toDueReport(r, today)),
    received: received.map((r) => ({
      period: toPeriodDto(r.period),
      regimeName: r.regimeName,
      issuerCommitteeId: r.issuerCommitteeId,
      reporters: r.reporters,
      sent: r.sent,
      accepted: r.accepted,
      late: r.late,
      missing: r.reporters - r.sent,
    })),
  };
}

/**
 * The recipient's grid for one period: every reporter × the regime's fields, with the values of the reports
 * sent (submitted or accepted), who is missing or late, and the totals by the regime's rules. Only the issuer's
 * members (and the committees above it) see it.
 */
export async function periodRollup(db: Db, actor: Actor, periodId: string): Promise<Rollup> {
  const { period, regime, committeeName } = await loadPeriod(db, periodId);
  if (!(await accessOrNull(db, actor, regime.committeeId))) throw new AppError('report.periodNotFound');
  const rows = await findRollupRows(db, periodId, regime.id);
  const sent = (s: string | null) => s === 'submitted' || s === 'accepted';
  const today = clock.today();
  const cells = rows.map((r) => ({
    reporterCommitteeId: r.reporterCommitteeId,
    reporterName: r.reporterName,
    reportId: r.reportId,
    status: r.status ?? ('notStarted' as const),
    late: r.firstSubmittedAt ? isLate(period, r) : today > period.deadline,
    values: sent(r.status)
      ? Object.fromEntries(regime.fields.map((f) => [f.key, r.values?.[f.key] ?? null]))
      : Object.fromEntries(regime.fields.map((f) => [f.key, null])),
  }));
  const submitted = cells.filter((c) => sent(c.status)).length;
  return {
    period: toPeriodDto(period),
    regimeName: `${regime.name} – ${committeeName}`,
    fields: regime.fields,
    rows: cells,
    totals: rollupTotals(
      regime.fields,
      cells.filter((c) => sent(c.status)).map((c) => c.values),
    ),
    counts: {
      reporters: cells.length,
      submitted,
      missing: cells.length - submitted,
      late: cells.filter((c) => c.late).length,
    },
  };
}
