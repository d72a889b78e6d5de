import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  reportPeriods,
  reportRegimeReporters,
  reportRegimes,
  reports,
  reportVersions,
} from './reports.schema.ts';

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

/**
 * The committee's reports whose deadline falls in [from, to] first sent by one of these people: when, and
 * whether by the deadline (Viet Nam day). For the annual evaluation of members (R17).
 */
export async function findReportsSentBy(
  db: DbOrTx,
  committeeId: string,
  userIds: string[],
  from: string,
  to: string,
) {
  const { rows } = await db.execute<{
    user_id: string;
    report_id: string;
    label: string;
    deadline: string;
    sent_on: string;
  }>(sql`
    select v.submitted_by as user_id, r.id as report_id, g.name || ' — ' || p.label as label,
      p.deadline::text as deadline,
      (v.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date::text as sent_on
    from ${reports} r
    join ${reportVersions} v on v.report_id = r.id and v.version = 1
    join ${reportPeriods} p on p.id = r.period_id
    join ${reportRegimes} g on g.id = p.regime_id
    where r.reporter_committee_id = ${committeeId} and v.submitted_by = any(${sql.param(userIds)}::uuid[])
      and p.deadline between ${from}::date and ${to}::date
    order by p.deadline, r.id`);
  return rows;
}
