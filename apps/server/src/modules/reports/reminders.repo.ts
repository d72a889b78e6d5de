import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  reportPeriods,
  reportRegimeReporters,
  reportRegimes,
  reportReminders,
  reports,
} from './reports.schema.ts';

export interface ReminderCandidate {
  periodId: string;
  label: string;
  deadline: string;
  regimeName: string;
  issuerId: string;
  reporterId: string;
  sent: string[];
}

/**
 * Every reporter of an open period due in [from, to] that has not sent its report (not started, drafting or
 * returned), with the reminders it already had: one statement through the periods' deadline index.
 */
export async function findReportReminderCandidates(db: DbOrTx, from: string, to: string, today: string) {
  const { rows } = await db.execute<{
    period_id: string;
    label: string;
    deadline: string;
    regime_name: string;
    issuer_id: string;
    reporter_id: string;
    sent: string[];
  }>(sql`
    select p.id as period_id, p.label, p.deadline::text as deadline, g.name as regime_name, g.committee_id as issuer_id,
      rr.reporter_committee_id as reporter_id,
      coalesce((select array_agg(x.kind) from ${reportReminders} x
        where x.period_id = p.id and x.reporter_committee_id = rr.reporter_committee_id), '{}') as sent
    from ${reportPeriods} p
    join ${reportRegimes} g on g.id = p.regime_id
    join ${reportRegimeReporters} rr on rr.regime_id = g.id
    left join ${reports} r on r.period_id = p.id and r.reporter_committee_id = rr.reporter_committee_id
    where p.deadline between ${from}::date and ${to}::date and p.opens_on <= ${today}::date
      and coalesce(r.status, 'notStarted') not in ('submitted', 'accepted')`);
  return rows.map(
    (r): ReminderCandidate => ({
      periodId: r.period_id,
      label: r.label,
      deadline: r.deadline,
      regimeName: r.regime_name,
      issuerId: r.issuer_id,
      reporterId: r.reporter_id,
      sent: r.sent,
    }),
  );
}

/** Claims reminders: returns only the rows this transaction inserted (another instance's are skipped). */
export async function claimReportReminders(
  tx: DbOrTx,
  rows: { periodId: string; reporterCommitteeId: string; kind: string; sentOn: string }[],
) {
  if (!rows.length) return [];
  return tx.insert(reportReminders).values(rows).onConflictDoNothing().returning({
    periodId: reportReminders.periodId,
    reporterCommitteeId: reportReminders.reporterCommitteeId,
    kind: reportReminders.kind,
  });
}
