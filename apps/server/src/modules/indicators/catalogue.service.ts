import type { CreateFrameworkBody } from '@steerco/contract/indicators';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { findFramework, findFrameworks, frameworkExists, insertFramework } from './catalogue.repo.ts';

// The indicator catalogue (R19): frameworks are data, one version per year.

export async function listFrameworks(db: DbOrTx, year?: number) {
  return { items: await findFrameworks(db, year) };
}

export async function getFramework(db: DbOrTx, id: string) {
  const f = await findFramework(db, id);
  if (!f) throw new AppError('indicator.frameworkNotFound');
  return f;
}

/**
 * Adds a framework version for a year (a system administrator's act). A new year's structure is a new
 * version: values entered under an earlier version stay tied to its indicators and readable.
 */
export async function createFramework(db: Db, actor: Actor, body: CreateFrameworkBody) {
  if (actor.systemRole !== 'systemAdmin')
    throw new AppError('permission.denied', { detail: 'Chỉ quản trị hệ thống cập nhật bộ chỉ số.' });
  assertWeights(body);
  const id = await db.transaction(async (tx) => {
    if (await frameworkExists(tx, body.code, body.year))
      throw new AppError('indicator.frameworkExists', {
        detail: `Bộ chỉ số ${body.code} đã có phiên bản năm ${body.year}.`,
      });
    const id = await insertFramework(tx, body);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'indicator.frameworkCreated',
      entityType: 'indicatorFramework',
      entityId: id,
      data: { code: body.code, year: body.year },
    });
    return id;
  });
  return getFramework(db, id);
}

/** Codes are unique in a framework, and a weighted average names a weight indicator of the same framework. */
function assertWeights(body: CreateFrameworkBody) {
  const all = body.groups.flatMap((g) => g.indicators.flatMap((i) => [i, ...i.subIndicators]));
  const codes = new Set<string>();
  for (const i of all) {
    if (codes.has(i.code))
      throw new AppError('indicator.invalidFramework', { detail: `Mã chỉ số ${i.code} bị trùng.` });
    codes.add(i.code);
  }
  for (const i of all)
    if (i.aggregation === 'weightedAverage' && (!i.weightCode || !codes.has(i.weightCode)))
      throw new AppError('indicator.invalidFramework', {
        detail: `Chỉ số ${i.code} tính bình quân gia quyền: cần mã chỉ số trọng số trong cùng bộ chỉ số.`,
      });
}
