import type { AdHocRequestBody, CreateRegimeBody, Regime, ReportField } from '@steerco/contract/reports';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { activeChildCommittees } from '../committees/committees.service.ts';
import { figureCatalogue, sourceOf } from './figures.service.ts';
import { deadlineAfterCutoff, periodsOf } from './periods.ts';
import { accessOrNull, assertMay, loadRegime, mayManage } from './reports.policy.ts';
import {
  findPeriods,
  findRegime,
  findRegimesOf,
  findReporters,
  insertPeriods,
  insertRegime,
  type RegimeRow,
} from './reports.repo.ts';

// Chế độ báo cáo (R16, Decree 09/2019): issued by a committee to the committees directly below it, with its
// periods generated at issue for the first year and the next.

/** Field keys unique; a ratio names two other non-ratio fields; a source is a figure some module answers. */
export function assertFields(fields: ReportField[]) {
  const errors: { path: string; message: string; code: string }[] = [];
  const keys = new Set<string>();
  for (const [i, f] of fields.entries()) {
    if (keys.has(f.key))
      errors.push({
        path: `body.fields.${i}.key`,
        message: `Mã chỉ tiêu "${f.key}" bị trùng`,
        code: 'duplicate',
      });
    keys.add(f.key);
    if (f.source && !sourceOf(f.source))
      errors.push({
        path: `body.fields.${i}.source`,
        message: `Không có nguồn số liệu "${f.source}"`,
        code: 'unknown_source',
      });
  }
  for (const [i, f] of fields.entries()) {
    if (f.rollup !== 'ratio') continue;
    const ok = (k: string | null | undefined) =>
      !!k && k !== f.key && fields.some((g) => g.key === k && g.rollup !== 'ratio');
    if (!ok(f.numerator) || !ok(f.denominator))
      errors.push({
        path: `body.fields.${i}`,
        message: 'Chỉ tiêu tỷ lệ cần tử số và mẫu số là hai chỉ tiêu khác trong biểu',
        code: 'invalid_ratio',
      });
  }
  if (errors.length) throw new AppError('report.invalidFields', { errors });
}

async function toRegimeDtos(db: DbOrTx, rows: { regime: RegimeRow; committeeName: string }[]) {
  const reporters = await findReporters(
    db,
    rows.map((r) => r.regime.id),
  );
  return rows.map(
    ({ regime: r, committeeName }): Regime => ({
      id: r.id,
      committeeId: r.committeeId,
      committeeName,
      name: r.name,
      frequency: r.frequency,
      outline: r.outline,
      fields: r.fields,
      cutoffDay: r.cutoffDay,
      deadline: r.deadline,
      fromYear: r.fromYear,
      reporters: reporters
        .filter((x) => x.regimeId === r.id)
        .map((x) => ({ committeeId: x.committeeId, name: x.name })),
      isSample: r.isSample,
      createdAt: r.createdAt.toISOString(),
    }),
  );
}

/** Issues a regime to the committee's active committees directly below, with the periods of two years. */
export async function createRegime(db: Db, actor: Actor, committeeId: string, body: CreateRegimeBody) {
  const access = await accessOrNull(db, actor, committeeId);
  if (!access) throw new AppError('committee.notFound');
  assertMay(mayManage(actor, access));
  assertFields(body.fields);
  if (!deadlineAfterCutoff(body.deadline, body.cutoffDay))
    throw new AppError('report.deadlineBeforeCutoff', {
      detail: `Số liệu chốt đến ngày ${body.cutoffDay - 1} hằng kỳ: hạn gửi phải từ ngày ${body.cutoffDay} trở đi.`,
    });
  const reporters = (await activeChildCommittees(db, committeeId)).map((c) => c.id);
  if (!reporters.length) throw new AppError('report.noReporters');
  const cal = await getWorkingCalendar(db);
  const id = uuidv7();
  const periods = periodsOf(body, body.fromYear, body.fromYear + 1, cal);
  await db.transaction(async (tx) => {
    await insertRegime(
      tx,
      {
        id,
        committeeId,
        name: body.name,
        frequency: body.frequency,
        outline: body.outline,
        fields: body.fields,
        cutoffDay: body.cutoffDay,
        deadline: body.deadline,
        fromYear: body.fromYear,
        createdBy: actor.userId,
      },
      reporters,
    );
    await insertPeriods(
      tx,
      periods.map((p) => ({
        id: uuidv7(),
        regimeId: id,
        kind: 'periodic' as const,
        code: p.code,
        label: p.label,
        fromDate: p.from,
        toDate: p.to,
        deadline: p.deadline,
        opensOn: p.opensOn,
      })),
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'report.regimeIssued',
      entityType: 'reportRegime',
      entityId: id,
      data: { reporters: reporters.length, periods: periods.length },
    });
  });
  return getRegime(db, actor, id);
}

export async function getRegime(db: Db, actor: Actor, regimeId: string) {
  const { access } = await loadRegime(db, actor, regimeId);
  const found = await findRegime(db, regimeId);
  const [dto] = await toRegimeDtos(db, [found!]);
  if (
    !access &&
    !(await Promise.all(dto!.reporters.map((r) => accessOrNull(db, actor, r.committeeId)))).some(Boolean)
  )
    throw new AppError('report.regimeNotFound');
  return dto!;
}

/** The regimes the committee issued and those it reports under. */
export async function listRegimes(db: Db, actor: Actor, committeeId: string) {
  if (!(await accessOrNull(db, actor, committeeId))) throw new AppError('committee.notFound');
  return { items: await toRegimeDtos(db, await findRegimesOf(db, committeeId)) };
}

export async function listPeriods(db: Db, actor: Actor, regimeId: string) {
  await getRegime(db, actor, regimeId);
  return { items: await findPeriods(db, regimeId) };
}

/**
 * Báo cáo đột xuất: a period of its own window and deadline, open at once to every reporter of the regime. The
 * deadline is not before the window's end, nor before today.
 */
export async function requestAdHocReport(db: Db, actor: Actor, regimeId: string, body: AdHocRequestBody) {
  const { regime, access } = await loadRegime(db, actor, regimeId);
  if (!access) throw new AppError('report.regimeNotFound');
  assertMay(mayManage(actor, access));
  if (body.from > body.to)
    throw new AppError('report.invalidWindow', { detail: 'Ngày bắt đầu chốt số liệu sau ngày kết thúc.' });
  const today = clock.today();
  if (body.deadline < body.to || body.deadline < today)
    throw new AppError('report.deadlineBeforeCutoff', {
      detail: 'Hạn gửi báo cáo đột xuất không được trước ngày chốt số liệu hay trước hôm nay.',
    });
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await insertPeriods(tx, [
      {
        id,
        regimeId: regime.id,
        kind: 'adHoc',
        code: `AH-${id}`,
        label: body.label,
        fromDate: body.from,
        toDate: body.to,
        deadline: body.deadline,
        opensOn: today,
      },
    ]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'report.adHocRequested',
      entityType: 'reportPeriod',
      entityId: id,
      data: { regimeId, deadline: body.deadline },
    });
  });
  return (await findPeriods(db, regimeId)).find((p) => p.id === id)!;
}

/** The figures a regime's fields may be pre-filled from. */
export async function listFigureSources(db: Db) {
  return { items: await figureCatalogue(db) };
}
