import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { reportPeriods, reportRegimeReporters, reports } from './reports.schema.ts';

// How punctually committees sent the reports they owed (R16), for the Indicators module's computed indicator
// "reports submitted on time" (R19): one statement for many committees.

/**
 * Per reporter committee, the reports whose deadline falls in [from, to] and which count already — sent, or
 * the deadline passed before `today` — and those first sent by the deadline (Viet Nam day).
 */
export async function countReportTimeliness(
  db: DbOrTx,
  committeeIds: string[],
  from: string,
  to: string,
  today: string,
) {
  const sentOn = sql`(${reports.firstSubmittedAt} at time zone 'Asia/Ho_Chi_Minh')::date`;
  const { rows } = await db.execute<{ committee_id: string; due: number; on_time: number }>(sql`
    select rr.reporter_committee_id as committee_id,
      count(*) filter (where ${reports.firstSubmittedAt} is not null or p.deadline < ${today}::date)::int as due,
      count(*) filter (where ${reports.firstSubmittedAt} is not null and ${sentOn} <= p.deadline)::int as on_time
    from ${reportRegimeReporters} rr
    join ${reportPeriods} p on p.regime_id = rr.regime_id
    left join ${reports} on ${reports.periodId} = p.id and ${reports.reporterCommitteeId} = rr.reporter_committee_id
    where rr.reporter_committee_id = any(${sql.param(committeeIds)}::uuid[])
      and p.deadline between ${from}::date and ${to}::date
    group by rr.reporter_committee_id`);
  return new Map(rows.map((r) => [r.committee_id, { due: r.due, onTime: r.on_time }]));
}
