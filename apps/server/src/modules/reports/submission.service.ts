import type { DecideReportBody } from '@steerco/contract/reports';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { createFromTemplate } from '../documents/drafts.service.ts';
import { EDITABLE, getReport } from './drafting.service.ts';
import { assertMay, loadReport, mayManage } from './reports.policy.ts';
import { decideVersion, insertVersion, updateReportRow } from './reports.repo.ts';

// Sending a report up and the recipient's decision (R16): each submission locks a version; the recipient accepts
// it or returns it with a comment, and a returned report is edited and sent again as the next version.

const number = (v: number | null | undefined) =>
  v === null || v === undefined ? '' : v.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/**
 * Submits the report: the next version, locked as sent, with its Báo cáo drafted in the reporter's register
 * through the documents module (the narrative's sections and the data table, overrides noted). Twice → 409.
 */
export async function submitReport(db: Db, actor: Actor, reportId: string) {
  const first = await loadReport(db, actor, reportId);
  assertMay(mayManage(actor, first.reporter));
  const assertEditable = (status: string) => {
    if (status === 'submitted') throw new AppError('report.alreadySubmitted');
    if (!(EDITABLE as readonly string[]).includes(status)) throw new AppError('report.wrongState');
  };
  assertEditable(first.report.status);
  const { report: r, regime, period, recipientName } = first;
  const doc = await createFromTemplate(db, actor, r.reporterCommitteeId, {
    template: 'report',
    title: `${regime.name} ${period.label}`,
    sections: r.narrative.filter((s) => s.text.trim()).map((s) => ({ heading: s.heading, text: s.text })),
    table: regime.fields.length
      ? {
          columns: ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu', 'Ghi chú'],
          rows: regime.fields.map((f, i) => [
            String(i + 1),
            f.label,
            f.unit ?? (f.type === 'percent' ? '%' : ''),
            number(r.values[f.key]),
            r.overrides[f.key] ? `Điều chỉnh: ${r.overrides[f.key]!.note}` : '',
          ]),
        }
      : undefined,
    recipients: [`${recipientName} (để báo cáo)`, 'Lưu: VT, VP'],
  });
  await db.transaction(async (tx) => {
    const { report } = await loadReport(tx, actor, reportId, true);
    assertEditable(report.status);
    const at = clock.now();
    const version = report.version + 1;
    await insertVersion(tx, {
      reportId,
      version,
      snapshot: { values: report.values, overrides: report.overrides, narrative: report.narrative },
      submittedAt: at,
      submittedBy: actor.userId,
    });
    await updateReportRow(tx, reportId, {
      status: 'submitted',
      version,
      submittedAt: at,
      firstSubmittedAt: report.firstSubmittedAt ?? at,
      submittedBy: actor.userId,
      returnComment: null,
      documentId: doc.id,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'report.submitted',
      entityType: 'report',
      entityId: reportId,
      data: { version, documentId: doc.id },
    });
  });
  return getReport(db, actor, reportId);
}

/** The recipient's standing agency or head accepts the submitted version, or returns it with a comment. */
export async function decideReport(db: Db, actor: Actor, reportId: string, body: DecideReportBody) {
  await db.transaction(async (tx) => {
    const { report, recipient } = await loadReport(tx, actor, reportId, true);
    assertMay(mayManage(actor, recipient));
    if (report.status !== 'submitted') throw new AppError('report.wrongState');
    const at = clock.now();
    const outcome = body.outcome === 'accept' ? 'accepted' : 'returned';
    await decideVersion(tx, reportId, report.version, {
      outcome,
      comment: body.comment ?? null,
      decidedAt: at,
    });
    await updateReportRow(tx, reportId, {
      status: outcome,
      decidedAt: at,
      decidedBy: actor.userId,
      returnComment: outcome === 'returned' ? (body.comment ?? null) : null,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: `report.${outcome}`,
      entityType: 'report',
      entityId: reportId,
      data: { version: report.version, comment: body.comment ?? null },
    });
  });
  return getReport(db, actor, reportId);
}
