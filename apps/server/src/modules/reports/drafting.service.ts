import { formatDate } from '@steerco/contract/datetime';
import type { Report, ReportField, UpdateReportBody } from '@steerco/contract/reports';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { committeeWithUnit } from '../committees/committees.service.ts';
import { figureRecords, figuresFor } from './figures.service.ts';
import { draftNarrative, NARRATIVE_KEYS } from './narrative.ts';
import { accessOrNull, assertMay, loadPeriod, loadReport, mayManage } from './reports.policy.ts';
import {
  findReportOf,
  findVersions,
  insertReport,
  isReporterOf,
  type PeriodRow,
  type ReportRow,
  sumReceivedValues,
  toPeriodDto,
  updateReportRow,
} from './reports.repo.ts';
import { resolveValues } from './values.ts';

// Drafting a report (R16): pre-filled from the reporter's own records for exactly the period's cut-off window
// (and, for a committee that receives reports itself, from what its reporters sent for the same window), the
// narrative edited by section, a figure overridden only with a note.

/** Late: first sent after the deadline, or not sent and the deadline has passed. */
export function isLate(
  p: { deadline: string },
  r: { status?: string | null; firstSubmittedAt?: Date | null },
) {
  if (r.firstSubmittedAt) return clockDate(r.firstSubmittedAt) > p.deadline;
  return clock.today() > p.deadline;
}
const clockDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The window's figures of the reporter for the regime's sourced fields and the narrative's: its own records,
 * plus (fields summed or averaged in the rollup) what its own reporters sent for the same window.
 */
async function computeFigures(db: DbOrTx, reporterId: string, period: PeriodRow, fields: ReportField[]) {
  const w = { from: period.fromDate, to: period.toDate };
  const keys = [...new Set([...fields.flatMap((f) => (f.source ? [f.source] : [])), ...NARRATIVE_KEYS])];
  const [own, received] = await Promise.all([
    figuresFor(db, [reporterId], w, keys).then((m) => m.get(reporterId) ?? {}),
    sumReceivedValues(db, reporterId, w.from, w.to),
  ]);
  const computed: Record<string, number | null> = {};
  for (const f of fields) {
    const base = f.source ? (own[f.source] ?? null) : null;
    const below = received.get(f.key);
    if (f.rollup === 'ratio') computed[f.key] = null;
    else if (below && f.rollup === 'sum') computed[f.key] = (base ?? 0) + below.total;
    else if (below && f.rollup === 'avg') computed[f.key] = below.total / below.n;
    else computed[f.key] = base;
  }
  return { computed: resolveValues(fields, computed, {}), own };
}

/**
 * Opens the reporter's report for the period: the existing one, or a new draft pre-filled from the records. Only
 * the reporter's standing agency or head, from the period's opening day.
 */
export async function openReport(db: Db, actor: Actor, periodId: string, reporterCommitteeId: string) {
  const { period, regime } = await loadPeriod(db, periodId);
  const access = await accessOrNull(db, actor, reporterCommitteeId);
  if (!access || !(await isReporterOf(db, regime.id, reporterCommitteeId)))
    throw new AppError('report.notFound');
  const existing = await findReportOf(db, periodId, reporterCommitteeId);
  if (existing) return getReport(db, actor, existing);
  assertMay(mayManage(actor, access));
  if (clock.today() < period.opensOn)
    throw new AppError('report.periodNotOpen', {
      detail: `Kỳ ${period.label} chốt số liệu đến ngày ${formatDate(period.toDate)}; báo cáo được lập từ ngày ${formatDate(period.opensOn)}.`,
    });
  const { computed, own } = await computeFigures(db, reporterCommitteeId, period, regime.fields);
  const reporter = await committeeWithUnit(db, reporterCommitteeId);
  const narrative = draftNarrative(regime.outline, own, {
    committee: reporter?.name ?? '',
    from: period.fromDate,
    to: period.toDate,
  });
  const id = await db.transaction(async (tx) => {
    const reportId = await insertReport(tx, {
      id: uuidv7(),
      periodId,
      reporterCommitteeId,
      computed,
      values: computed,
      narrative,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'report.opened',
      entityType: 'report',
      entityId: reportId,
    });
    return reportId;
  });
  return getReport(db, actor, id);
}

export const EDITABLE = ['drafting', 'returned'] as const;
const editable = (r: ReportRow) => (EDITABLE as readonly string[]).includes(r.status);

/** Edits the narrative's sections and the figures' overrides (each with its note; null removes one). */
export async function updateReport(db: Db, actor: Actor, reportId: string, body: UpdateReportBody) {
  await db.transaction(async (tx) => {
    const { report, regime, reporter } = await loadReport(tx, actor, reportId, true);
    assertMay(mayManage(actor, reporter));
    if (!editable(report))
      throw new AppError(report.status === 'submitted' ? 'report.alreadySubmitted' : 'report.wrongState');
    const overrides = { ...report.overrides };
    const errors: { path: string; message: string; code: string }[] = [];
    for (const [key, o] of Object.entries(body.overrides ?? {})) {
      const field = regime.fields.find((f) => f.key === key);
      if (!field || field.rollup === 'ratio') {
        errors.push({
          path: `body.overrides.${key}`,
          message: `Chỉ tiêu "${key}" không có trong biểu hoặc là tỷ lệ tự tính`,
          code: 'unknown_field',
        });
        continue;
      }
      if (o === null) delete overrides[key];
      else if (field.type === 'integer' && o.value !== null && !Number.isInteger(o.value))
        errors.push({
          path: `body.overrides.${key}.value`,
          message: 'Chỉ tiêu này là số nguyên',
          code: 'not_integer',
        });
      else overrides[key] = o;
    }
    if (errors.length) throw new AppError('report.unknownField', { errors });
    let narrative = report.narrative;
    if (body.narrative) {
      const unknown = body.narrative.filter((s) => !regime.outline.includes(s.heading));
      if (unknown.length)
        throw new AppError('report.unknownSection', {
          errors: unknown.map((s) => ({
            path: 'body.narrative',
            message: `Không có mục "${s.heading}" trong đề cương`,
            code: 'unknown_section',
          })),
        });
      narrative = regime.outline.map(
        (heading) =>
          body.narrative!.find((s) => s.heading === heading) ??
          report.narrative.find((s) => s.heading === heading) ?? { heading, text: '' },
      );
    }
    await updateReportRow(tx, reportId, {
      overrides,
      narrative,
      values: resolveValues(regime.fields, report.computed, overrides),
      status: report.status === 'returned' ? 'returned' : 'drafting',
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'report.edited',
      entityType: 'report',
      entityId: reportId,
      data: { overrides: Object.keys(body.overrides ?? {}) },
    });
  });
  return getReport(db, actor, reportId);
}

export async function getReport(db: DbOrTx, actor: Actor, reportId: string): Promise<Report> {
  const {
    report: r,
    period,
    regime,
    recipientName,
    reporter,
    recipient,
  } = await loadReport(db, actor, reportId);
  const reporterCommittee = await committeeWithUnit(db, r.reporterCommitteeId);
  const versions = await findVersions(db, reportId);
  const rights: Report['myRights'] = [];
  if (mayManage(actor, reporter) && editable(r)) rights.push('edit', 'submit');
  if (mayManage(actor, recipient) && r.status === 'submitted') rights.push('decide');
  return {
    id: r.id,
    period: toPeriodDto(period),
    regime: {
      id: regime.id,
      name: regime.name,
      committeeId: regime.committeeId,
      committeeName: recipientName,
    },
    fields: regime.fields,
    reporterCommitteeId: r.reporterCommitteeId,
    reporterName: reporterCommittee?.name ?? '',
    status: r.status,
    version: r.version,
    late: isLate(period, r),
    figures: regime.fields.map((f) => ({
      key: f.key,
      value: r.values[f.key] ?? null,
      computed: r.computed[f.key] ?? null,
      override: r.overrides[f.key] ?? null,
    })),
    narrative: r.narrative,
    returnComment: r.returnComment,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    documentId: r.documentId,
    versions: versions.map((v) => ({
      version: v.version,
      submittedAt: v.submittedAt.toISOString(),
      outcome: v.outcome,
    })),
    myRights: rights,
  };
}

/** The records a pre-filled figure of the report counts, for exactly its window (click a number, see the list). */
export async function reportFigureRecords(db: Db, actor: Actor, reportId: string, key: string) {
  const { report, period, regime } = await loadReport(db, actor, reportId);
  const field = regime.fields.find((f) => f.key === key);
  if (!field?.source) throw new AppError('report.unknownField');
  const items =
    (await figureRecords(db, {
      committeeId: report.reporterCommitteeId,
      key: field.source,
      from: period.fromDate,
      to: period.toDate,
    })) ?? [];
  return { key, items };
}
