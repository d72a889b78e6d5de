import type { Period } from '@steerco/contract/reports';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView } from '../committees/seats.service.ts';
import {
  reportPeriods,
  reportRegimeReporters,
  reportRegimes,
  reports,
  reportVersions,
} from './reports.schema.ts';

// All SQL of regimes, periods, reports and their versions.

export type RegimeRow = typeof reportRegimes.$inferSelect;
export type PeriodRow = typeof reportPeriods.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;

export const toPeriodDto = (p: PeriodRow): Period => ({
  id: p.id,
  regimeId: p.regimeId,
  kind: p.kind,
  label: p.label,
  from: p.fromDate,
  to: p.toDate,
  deadline: p.deadline,
  opensOn: p.opensOn,
});

export async function insertRegime(
  tx: DbOrTx,
  row: typeof reportRegimes.$inferInsert,
  reporterIds: string[],
) {
  await tx.insert(reportRegimes).values(row);
  if (reporterIds.length)
    await tx
      .insert(reportRegimeReporters)
      .values(reporterIds.map((reporterCommitteeId) => ({ regimeId: row.id, reporterCommitteeId })));
}

export async function insertPeriods(tx: DbOrTx, rows: (typeof reportPeriods.$inferInsert)[]) {
  if (rows.length) await tx.insert(reportPeriods).values(rows).onConflictDoNothing();
}

const issuer = () => committeesView('issuer');

export async function findRegime(db: DbOrTx, id: string) {
  const c = issuer();
  const [row] = await db
    .select({ regime: reportRegimes, committeeName: c.name })
    .from(reportRegimes)
    .innerJoin(c, eq(c.id, reportRegimes.committeeId))
    .where(eq(reportRegimes.id, id));
  return row;
}

/** Regimes the committee issued, or reports under. */
export async function findRegimesOf(db: DbOrTx, committeeId: string) {
  const c = issuer();
  return db
    .select({ regime: reportRegimes, committeeName: c.name })
    .from(reportRegimes)
    .innerJoin(c, eq(c.id, reportRegimes.committeeId))
    .where(
      or(
        eq(reportRegimes.committeeId, committeeId),
        sql`exists (select 1 from ${reportRegimeReporters} r where r.regime_id = ${reportRegimes.id}
          and r.reporter_committee_id = ${committeeId})`,
      ),
    )
    .orderBy(asc(reportRegimes.createdAt));
}

export async function findReporters(db: DbOrTx, regimeIds: string[]) {
  if (!regimeIds.length) return [];
  const c = committeesView('reporter');
  return db
    .select({ regimeId: reportRegimeReporters.regimeId, committeeId: c.id, name: c.name })
    .from(reportRegimeReporters)
    .innerJoin(c, eq(c.id, reportRegimeReporters.reporterCommitteeId))
    .where(inArray(reportRegimeReporters.regimeId, regimeIds))
    .orderBy(asc(c.name));
}

export async function isReporterOf(db: DbOrTx, regimeId: string, committeeId: string) {
  const [row] = await db
    .select({ one: sql`1` })
    .from(reportRegimeReporters)
    .where(
      and(
        eq(reportRegimeReporters.regimeId, regimeId),
        eq(reportRegimeReporters.reporterCommitteeId, committeeId),
      ),
    );
  return !!row;
}

export async function findPeriods(db: DbOrTx, regimeId: string) {
  const rows = await db
    .select()
    .from(reportPeriods)
    .where(eq(reportPeriods.regimeId, regimeId))
    .orderBy(asc(reportPeriods.toDate), asc(reportPeriods.createdAt));
  return rows.map(toPeriodDto);
}

export async function findPeriod(db: DbOrTx, id: string) {
  const [row] = await db.select().from(reportPeriods).where(eq(reportPeriods.id, id));
  return row;
}

export async function findReport(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(reports).where(eq(reports.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function findReportOf(db: DbOrTx, periodId: string, reporterCommitteeId: string) {
  const [row] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.periodId, periodId), eq(reports.reporterCommitteeId, reporterCommitteeId)));
  return row?.id;
}

/** Inserts the draft unless another request just did; returns the report's id either way. */
export async function insertReport(tx: DbOrTx, row: typeof reports.$inferInsert) {
  await tx.insert(reports).values(row).onConflictDoNothing();
  return (await findReportOf(tx, row.periodId, row.reporterCommitteeId))!;
}

export async function updateReportRow(tx: DbOrTx, id: string, set: Partial<typeof reports.$inferInsert>) {
  await tx
    .update(reports)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(reports.id, id));
}

export async function insertVersion(tx: DbOrTx, row: typeof reportVersions.$inferInsert) {
  await tx.insert(reportVersions).values(row);
}

export async function decideVersion(
  tx: DbOrTx,
  reportId: string,
  version: number,
  set: { outcome: 'accepted' | 'returned'; comment: string | null; decidedAt: Date },
) {
  await tx
    .update(reportVersions)
    .set(set)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.version, version)));
}

export async function findVersions(db: DbOrTx, reportId: string) {
  return db
    .select({
      version: reportVersions.version,
      submittedAt: reportVersions.submittedAt,
      outcome: reportVersions.outcome,
    })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(asc(reportVersions.version));
}

/** The periods of every regime the committees report under, whose window started by `until`, with their reports. */
export async function findDuePeriods(db: DbOrTx, committeeIds: string[], until: string, since: string) {
  if (!committeeIds.length) return [];
  const c = issuer();
  const reporter = committeesView('reporter');
  return db
    .select({
      period: reportPeriods,
      regimeName: reportRegimes.name,
      recipientName: c.name,
      reporterCommitteeId: reportRegimeReporters.reporterCommitteeId,
      reporterName: reporter.name,
      reportId: reports.id,
      status: reports.status,
      submittedAt: reports.submittedAt,
      firstSubmittedAt: reports.firstSubmittedAt,
    })
    .from(reportRegimeReporters)
    .innerJoin(reportRegimes, eq(reportRegimes.id, reportRegimeReporters.regimeId))
    .innerJoin(reportPeriods, eq(reportPeriods.regimeId, reportRegimes.id))
    .innerJoin(c, eq(c.id, reportRegimes.committeeId))
    .innerJoin(reporter, eq(reporter.id, reportRegimeReporters.reporterCommitteeId))
    .leftJoin(
      reports,
      and(
        eq(reports.periodId, reportPeriods.id),
        eq(reports.reporterCommitteeId, reportRegimeReporters.reporterCommitteeId),
      ),
    )
    .where(
      and(
        inArray(reportRegimeReporters.reporterCommitteeId, committeeIds),
        sql`${reportPeriods.fromDate} <= ${until}::date`,
        sql`${reportPeriods.deadline} >= ${since}::date`,
      ),
    )
    .orderBy(asc(reportPeriods.deadline), asc(reporter.name));
}

/**
 * The periods of regimes issued by `issuerIds` that are open and due from `since` on, each with its reporters
 * counted: sent (submitted or accepted), accepted, late (sent after the deadline, or not sent and past it) and
 * missing. A report's day is taken in Viet Nam time, as isLate does.
 */
export async function findReceivedPeriods(db: DbOrTx, issuerIds: string[], today: string, since: string) {
  if (!issuerIds.length) return [];
  const sent = sql`${reports.status} in ('submitted', 'accepted')`;
  const sentOn = sql`(${reports.firstSubmittedAt} at time zone 'Asia/Ho_Chi_Minh')::date`;
  return db
    .select({
      period: reportPeriods,
      regimeName: reportRegimes.name,
      issuerCommitteeId: reportRegimes.committeeId,
      reporters: sql<number>`count(*)::int`,
      sent: sql<number>`(count(*) filter (where ${sent}))::int`,
      accepted: sql<number>`(count(*) filter (where ${reports.status} = 'accepted'))::int`,
      late: sql<number>`(count(*) filter (where (${sent} and ${sentOn} > ${reportPeriods.deadline})
        or (not coalesce(${sent}, false) and ${today}::date > ${reportPeriods.deadline})))::int`,
    })
    .from(reportPeriods)
    .innerJoin(reportRegimes, eq(reportRegimes.id, reportPeriods.regimeId))
    .innerJoin(reportRegimeReporters, eq(reportRegimeReporters.regimeId, reportRegimes.id))
    .leftJoin(
      reports,
      and(
        eq(reports.periodId, reportPeriods.id),
        eq(reports.reporterCommitteeId, reportRegimeReporters.reporterCommitteeId),
      ),
    )
    .where(
      and(
        inArray(reportRegimes.committeeId, issuerIds),
        sql`${reportPeriods.opensOn} <= ${today}::date`,
        sql`${reportPeriods.deadline} >= ${since}::date`,
      ),
    )
    .groupBy(reportPeriods.id, reportRegimes.name, reportRegimes.committeeId)
    .orderBy(asc(reportPeriods.deadline), asc(reportRegimes.name))
    .limit(12);
}

/** One period's reporters, each with its report's state and values (left join: missing ones too). */
export async function findRollupRows(db: DbOrTx, periodId: string, regimeId: string) {
  const reporter = committeesView('reporter');
  return db
    .select({
      reporterCommitteeId: reportRegimeReporters.reporterCommitteeId,
      reporterName: reporter.name,
      reportId: reports.id,
      status: reports.status,
      values: reports.values,
      firstSubmittedAt: reports.firstSubmittedAt,
    })
    .from(reportRegimeReporters)
    .innerJoin(reporter, eq(reporter.id, reportRegimeReporters.reporterCommitteeId))
    .leftJoin(
      reports,
      and(
        eq(reports.periodId, periodId),
        eq(reports.reporterCommitteeId, reportRegimeReporters.reporterCommitteeId),
      ),
    )
    .where(eq(reportRegimeReporters.regimeId, regimeId))
    .orderBy(asc(reporter.name));
}

/**
 * The values the committee's own reporters sent (submitted or accepted) for the same cut-off window under the
 * regimes it issued, summed per key in SQL: what its upward report is drafted from.
 */
export async function sumReceivedValues(db: DbOrTx, committeeId: string, from: string, to: string) {
  const { rows } = await db.execute<{ key: string; total: number; n: number }>(sql`
    select v.key, sum((v.value)::numeric)::float8 as total, count(*)::int as n
    from ${reports} r
    join ${reportPeriods} p on p.id = r.period_id
    join ${reportRegimes} g on g.id = p.regime_id
    cross join lateral jsonb_each(r.values) v
    where g.committee_id = ${committeeId} and p.from_date = ${from}::date and p.to_date = ${to}::date
      and r.status in ('submitted', 'accepted') and jsonb_typeof(v.value) = 'number'
    group by v.key`);
  return new Map(rows.map((r) => [r.key, { total: Number(r.total), n: r.n }]));
}
