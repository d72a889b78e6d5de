import type {
  AppraiseBody,
  EvidenceRef,
  ParAssessment,
  SaveParScoresBody,
} from '@steerco/contract/indicators';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { type CommitteeAccess, loadCommitteeAccess } from '../committees/access.service.ts';
import { documentHeads } from '../documents/registry.service.ts';
import { allFilesOfCommittee, fileDtos } from '../files/files.service.ts';
import { findFramework, findFrameworkRow, findLeafIndicators } from './catalogue.repo.ts';
import { accessAbove, mayApprove, mayEnter } from './indicators.policy.ts';
import {
  type AssessmentRow,
  assessmentExists,
  findAppraisals,
  findAssessmentRow,
  findAssessments,
  findScoreRows,
  findSubmitterName,
  insertAppraisal,
  insertAssessment,
  updateAssessment,
  updateScore,
} from './par.repo.ts';
import { refreshSummaries } from './summary.service.ts';
import { insertValues, supersede } from './values.repo.ts';

// PAR INDEX (R19): the unit scores itself with evidence (tài liệu kiểm chứng) or an explanation, the head
// approves and submits, the committee above appraises (thẩm định) — accepts or adjusts each score with a
// reason — and finalises; the final scores become the committee's approved values.

type Action = ParAssessment['allowedActions'][number];

/** Scoring is the CCHC standing agency's (the owner of CCHC figures) or the steering roles'. */
const mayScore = async (db: DbOrTx, actor: Actor, access: CommitteeAccess) =>
  mayApprove(access) || (await mayEnter(db, actor, access, 'CCHC'));

async function loadAssessment(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const row = await findAssessmentRow(db, id, lock);
  if (!row) throw new AppError('par.notFound');
  const { committee, access } = await loadCommitteeAccess(db, actor, row.committeeId).catch(() => {
    throw new AppError('par.notFound');
  });
  const above = await accessAbove(db, actor, committee.parentId);
  return { row, committee, access, above };
}

function assertStatus(row: AssessmentRow, ...allowed: AssessmentRow['status'][]) {
  if (!allowed.includes(row.status))
    throw new AppError('par.wrongState', { detail: `Bản tự đánh giá đang ở trạng thái ${row.status}.` });
}

/** Opens the committee's self-assessment for a scored framework version (one per committee and version). */
export async function openAssessment(db: Db, actor: Actor, committeeId: string, frameworkId: string) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  if (!(await mayScore(db, actor, access)))
    throw new AppError('permission.denied', {
      detail: 'Cơ quan thường trực cải cách hành chính tự đánh giá.',
    });
  const f = await findFrameworkRow(db, frameworkId);
  if (!f) throw new AppError('indicator.frameworkNotFound');
  if (!f.scored) throw new AppError('par.notScored');
  const leaves = await findLeafIndicators(db, frameworkId);
  const id = uuidv7();
  await db.transaction(async (tx) => {
    if (await assessmentExists(tx, committeeId, frameworkId)) throw new AppError('par.exists');
    await insertAssessment(
      tx,
      { id, committeeId, frameworkId },
      leaves.map((l) => l.id),
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'par.opened',
      entityType: 'parAssessment',
      entityId: id,
    });
  });
  return getAssessment(db, actor, id);
}

/** Saves scores, evidence and explanations while the assessment is a draft. */
export async function saveScores(db: Db, actor: Actor, id: string, body: SaveParScoresBody) {
  await db.transaction(async (tx) => {
    const { row, access } = await loadAssessment(tx, actor, id, true);
    if (!(await mayScore(tx, actor, access)))
      throw new AppError('permission.denied', {
        detail: 'Cơ quan thường trực cải cách hành chính tự đánh giá.',
      });
    assertStatus(row, 'draft');
    const leaves = new Map((await findLeafIndicators(tx, row.frameworkId)).map((l) => [l.id, l]));
    for (const s of body.scores) {
      const leaf = leaves.get(s.indicatorId);
      if (!leaf)
        throw new AppError('indicator.notFound', { detail: 'Tiêu chí không thuộc bản tự đánh giá.' });
      assertWithinMax(s.score, leaf.maxPoints, leaf.code);
      await assertEvidence(tx, actor, row.committeeId, s.evidence);
      await updateScore(tx, id, s.indicatorId, {
        selfScore: s.score,
        explanation: s.explanation ?? null,
        evidence: s.evidence,
      });
    }
  });
  return getAssessment(db, actor, id);
}

function assertWithinMax(score: number | null, max: number | null, code: string) {
  if (score !== null && max !== null && score > max)
    throw new AppError('par.invalidScore', { detail: `Tiêu chí ${code}: tối đa ${max} điểm.` });
}

/** Evidence is an issued document of the committee's register, a file of the committee, or a link. */
async function assertEvidence(db: DbOrTx, actor: Actor, committeeId: string, evidence: EvidenceRef[]) {
  const fileIds = evidence.flatMap((e) => (e.kind === 'file' ? [e.fileId] : []));
  if (!(await allFilesOfCommittee(db, fileIds, committeeId)))
    throw new AppError('file.notFound', { detail: 'Tệp kiểm chứng không thuộc Ban Chỉ đạo này.' });
  const docIds = evidence.flatMap((e) => (e.kind === 'document' ? [e.documentId] : []));
  const docs = await documentHeads(db, docIds);
  for (const d of docIds) {
    const doc = docs.get(d);
    if (!doc || !['issued', 'received'].includes(doc.status))
      throw new AppError('document.notFound', {
        detail: 'Tài liệu kiểm chứng phải là văn bản đã ban hành hoặc đã tiếp nhận trong sổ văn bản.',
      });
  }
  void actor;
}

/**
 * The head approves the self-assessment and submits it to the committee above: every tiêu chí scored, and
 * each without evidence explained (giải trình).
 */
export async function submitAssessment(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const { row, access } = await loadAssessment(tx, actor, id, true);
    if (access.membership?.role !== 'head')
      throw new AppError('permission.denied', { detail: 'Trưởng Ban phê duyệt và gửi bản tự đánh giá.' });
    assertStatus(row, 'draft');
    const scores = await findScoreRows(tx, id);
    const leaves = new Map((await findLeafIndicators(tx, row.frameworkId)).map((l) => [l.id, l.code]));
    const missing = scores.filter((s) => s.selfScore === null).map((s) => leaves.get(s.indicatorId));
    const unexplained = scores
      .filter((s) => !s.evidence.length && !s.explanation?.trim())
      .map((s) => leaves.get(s.indicatorId));
    if (missing.length || unexplained.length)
      throw new AppError('par.incomplete', {
        detail: [
          missing.length ? `Chưa chấm điểm: ${missing.join(', ')}.` : '',
          unexplained.length
            ? `Không có tài liệu kiểm chứng và chưa giải trình: ${unexplained.join(', ')}.`
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
    await updateAssessment(tx, id, {
      status: 'submitted',
      submittedBy: actor.userId,
      submittedAt: clock.now(),
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'par.submitted',
      entityType: 'parAssessment',
      entityId: id,
    });
  });
  return getAssessment(db, actor, id);
}

/**
 * The committee above appraises: accepts a score (same as the unit's) or adjusts it, and an adjustment needs
 * a reason (400 without). Each decision is kept in the history the unit sees.
 */
export async function appraiseAssessment(db: Db, actor: Actor, id: string, body: AppraiseBody) {
  await db.transaction(async (tx) => {
    const { row, above } = await loadAssessment(tx, actor, id, true);
    if (!above)
      throw new AppError('permission.denied', { detail: 'Ban Chỉ đạo cấp trên thẩm định bản tự đánh giá.' });
    assertStatus(row, 'submitted', 'appraised');
    const scores = new Map((await findScoreRows(tx, id)).map((s) => [s.indicatorId, s]));
    const leaves = new Map((await findLeafIndicators(tx, row.frameworkId)).map((l) => [l.id, l]));
    for (const a of body.scores) {
      const s = scores.get(a.indicatorId);
      const leaf = leaves.get(a.indicatorId);
      if (!s || !leaf)
        throw new AppError('indicator.notFound', { detail: 'Tiêu chí không thuộc bản tự đánh giá.' });
      if (a.score !== s.selfScore && !a.reason?.trim())
        throw new AppError('par.reasonRequired', {
          detail: `Tiêu chí ${leaf.code}: điểm thẩm định ${a.score} khác điểm tự đánh giá ${s.selfScore ?? '—'}, cần nêu lý do.`,
        });
      assertWithinMax(a.score, leaf.maxPoints, leaf.code);
      await insertAppraisal(tx, {
        id: uuidv7(),
        assessmentId: id,
        indicatorId: a.indicatorId,
        fromScore: s.appraisedScore ?? s.selfScore,
        toScore: a.score,
        reason: a.reason?.trim() || null,
        appraisedBy: actor.userId,
        appraisedAt: clock.now(),
      });
      await updateScore(tx, id, a.indicatorId, { appraisedScore: a.score });
    }
    await updateAssessment(tx, id, { status: 'appraised' });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'par.appraised',
      entityType: 'parAssessment',
      entityId: id,
    });
  });
  return getAssessment(db, actor, id);
}

/**
 * The committee above finalises: scores not adjusted are accepted as the unit gave them; the final scores
 * become the committee's approved values (one a year) and the summaries follow, in the same transaction.
 */
export async function finaliseAssessment(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const { row, above } = await loadAssessment(tx, actor, id, true);
    if (!above)
      throw new AppError('permission.denied', { detail: 'Ban Chỉ đạo cấp trên thẩm định bản tự đánh giá.' });
    assertStatus(row, 'submitted', 'appraised');
    const at = clock.now();
    const scores = await findScoreRows(tx, id);
    for (const s of scores)
      if (s.appraisedScore === null) {
        await updateScore(tx, id, s.indicatorId, { appraisedScore: s.selfScore });
        await insertAppraisal(tx, {
          id: uuidv7(),
          assessmentId: id,
          indicatorId: s.indicatorId,
          fromScore: s.selfScore,
          toScore: s.selfScore ?? 0,
          reason: null,
          appraisedBy: actor.userId,
          appraisedAt: at,
        });
      }
    const values = scores.map((s) => ({
      committeeId: row.committeeId,
      indicatorId: s.indicatorId,
      period: 1,
      value: s.appraisedScore ?? s.selfScore ?? 0,
    }));
    for (const v of values) await supersede(tx, v, 'approved');
    await insertValues(
      tx,
      values.map((v) => ({
        id: uuidv7(),
        ...v,
        note: 'Điểm PAR INDEX sau thẩm định',
        status: 'approved' as const,
        source: 'appraised' as const,
        enteredBy: actor.userId,
        enteredAt: at,
        decidedBy: actor.userId,
        decidedAt: at,
      })),
    );
    await refreshSummaries(
      tx,
      row.committeeId,
      values.map((v) => v.indicatorId),
    );
    await updateAssessment(tx, id, { status: 'final', finalisedBy: actor.userId, finalisedAt: at });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'par.finalised',
      entityType: 'parAssessment',
      entityId: id,
    });
  });
  return getAssessment(db, actor, id);
}

/** The assessment with every tiêu chí, its evidence and the appraisal history. */
export async function getAssessment(db: DbOrTx, actor: Actor, id: string): Promise<ParAssessment> {
  const { row, committee, access, above } = await loadAssessment(db, actor, id);
  const framework = (await findFramework(db, row.frameworkId))!;
  const { groups: _groups, ...summary } = framework;
  const scores = new Map((await findScoreRows(db, id)).map((s) => [s.indicatorId, s]));
  const history = await findAppraisals(db, id);
  const evidence = [...scores.values()].flatMap((s) => s.evidence);
  const docs = await documentHeads(
    db,
    evidence.flatMap((e) => (e.kind === 'document' ? [e.documentId] : [])),
  );
  const files = await fileDtos(
    db,
    evidence.flatMap((e) => (e.kind === 'file' ? [e.fileId] : [])),
  );
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const all = [...scores.values()];
  const actions: Action[] = [];
  if (row.status === 'draft') {
    if (await mayScore(db, actor, access)) actions.push('score');
    if (access.membership?.role === 'head') actions.push('submit');
  }
  if (above && (row.status === 'submitted' || row.status === 'appraised'))
    actions.push('appraise', 'finalise');
  return {
    id,
    committeeId: row.committeeId,
    committeeName: committee.name,
    framework: summary,
    year: framework.year,
    status: row.status,
    selfTotal: round(all.reduce((t, s) => t + (s.selfScore ?? 0), 0)),
    finalTotal: row.status === 'final' ? round(all.reduce((t, s) => t + (s.appraisedScore ?? 0), 0)) : null,
    maxTotal: round(framework.groups.reduce((t, g) => t + (g.maxPoints ?? 0), 0)),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedByName: await findSubmitterName(db, row.submittedBy),
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    groups: framework.groups.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      items: g.indicators.map((indicator) => {
        const s = scores.get(indicator.id);
        return {
          indicator,
          selfScore: s?.selfScore ?? null,
          explanation: s?.explanation ?? null,
          evidence: (s?.evidence ?? []).map((e) =>
            e.kind === 'document'
              ? {
                  kind: e.kind,
                  id: e.documentId,
                  url: null,
                  label: docs.get(e.documentId)?.title ?? '',
                  section: e.section ?? null,
                }
              : e.kind === 'file'
                ? {
                    kind: e.kind,
                    id: e.fileId,
                    url: null,
                    label: files.get(e.fileId)?.name ?? '',
                    section: e.section ?? null,
                  }
                : { kind: e.kind, id: null, url: e.url, label: e.url, section: e.section ?? null },
          ),
          appraisedScore: s?.appraisedScore ?? null,
          history: history
            .filter((h) => h.a.indicatorId === indicator.id)
            .map((h) => ({
              from: h.a.fromScore,
              to: h.a.toScore,
              reason: h.a.reason,
              byName: h.byName,
              at: h.a.appraisedAt.toISOString(),
            })),
        };
      }),
    })),
    allowedActions: actions,
  };
}

/** The committee's assessments and its child committees' (submitted to it for appraisal). */
export async function listAssessments(db: DbOrTx, actor: Actor, committeeId: string) {
  await loadCommitteeAccess(db, actor, committeeId);
  const rows = await findAssessments(db, committeeId);
  return {
    items: rows.map((r) => ({
      id: r.a.id,
      committeeId: r.a.committeeId,
      committeeName: r.committeeName,
      year: r.year,
      frameworkName: r.frameworkName,
      status: r.a.status,
      selfTotal: r.selfTotal,
      finalTotal: r.finalTotal,
    })),
  };
}
