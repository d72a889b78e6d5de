import {
  OPEN_TASK_STATUSES,
  TASK_STATUS_LABELS,
  type TaskStatus,
  type UpdateTaskBody,
} from '@steerco/contract/tasks';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { emit } from '../../events/bus.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertTaskPeople, assertTaskUnits, cooperatorsOf, responsibleOfUnit } from './creation.service.ts';
import { getTask } from './detail.service.ts';
import { insertTaskEvents } from './history.repo.ts';
import { loadTask } from './standing.service.ts';
import { findCooperators, replaceCooperators, updateTaskRow } from './tasks.repo.ts';
import type { tasks } from './tasks.schema.ts';

/**
 * Corrects or reassigns an open task (the head, a deputy or the standing agency, as for creating it): its
 * wording, product, priority and tags, its lead (R1: one unit or one member), the member answering for it and
 * the co-operators. The deadline is not edited here: it moves only through an extension, which keeps the
 * original. The reason and what changed go into the history; newly assigned people are notified.
 */
export async function updateTask(db: Db, actor: Actor, taskId: string, body: UpdateTaskBody) {
  await db.transaction(async (tx) => {
    const s = await loadTask(tx, actor, taskId, true);
    if (!s.mayManage)
      throw new AppError('permission.denied', {
        detail: 'Chỉ Trưởng Ban, Phó Trưởng Ban hoặc cơ quan thường trực sửa, giao lại nhiệm vụ.',
      });
    const t = s.task;
    const status = t.status as TaskStatus;
    if (!OPEN_TASK_STATUSES.includes(status))
      throw new AppError('task.invalidTransition', {
        detail: `Nhiệm vụ đang ở trạng thái “${TASK_STATUS_LABELS[status]}”: không sửa, giao lại được.`,
      });
    const leadChanged = body.leadUnitId !== undefined || body.leadMembershipId !== undefined;
    const leadUnitId = leadChanged ? (body.leadUnitId ?? null) : t.leadUnitId;
    const leadMembershipId = leadChanged ? (body.leadMembershipId ?? null) : t.leadMembershipId;
    if (!!leadUnitId === !!leadMembershipId) throw new AppError('task.invalidLead');
    const cooperatingUnitIds = body.cooperatingUnitIds;
    const cooperatingMembershipIds = body.cooperatingMembershipIds;
    await assertTaskUnits(tx, [
      ...(leadChanged && leadUnitId ? [leadUnitId] : []),
      ...(cooperatingUnitIds ?? []),
    ]);
    await assertTaskPeople(tx, t.committeeId, {
      leadMembershipId: leadChanged ? leadMembershipId : null,
      responsibleMembershipId: body.responsibleMembershipId,
      cooperatingMembershipIds: cooperatingMembershipIds ?? [],
    });
    // Left empty, as when assigning: the lead member, or the lead unit's one seat.
    const responsibleMembershipId =
      body.responsibleMembershipId ??
      (body.responsibleMembershipId === undefined && !leadChanged
        ? t.responsibleMembershipId
        : (leadMembershipId ?? (leadUnitId ? await responsibleOfUnit(tx, t.committeeId, leadUnitId) : null)));
    const set = {
      ...(body.title !== undefined && { title: body.title }),
      ...(body.content !== undefined && { content: body.content }),
      ...(body.expectedProduct !== undefined && { expectedProduct: body.expectedProduct }),
      ...(body.priority !== undefined && { priority: body.priority }),
      ...(body.tags !== undefined && { tags: body.tags }),
      leadUnitId,
      leadMembershipId,
      responsibleMembershipId,
    } satisfies PgUpdateSetSource<typeof tasks>;
    const changed: string[] = (Object.keys(set) as (keyof typeof set)[]).filter(
      (k) => JSON.stringify(set[k]) !== JSON.stringify(t[k]),
    );
    if (cooperatingUnitIds || cooperatingMembershipIds) {
      // The lists given replace the ones kept; a list not given stays as it was.
      const kept = await findCooperators(tx, taskId);
      const units = cooperatingUnitIds ?? kept.flatMap((c) => (c.unitId ? [c.unitId] : []));
      const seats = cooperatingMembershipIds ?? kept.flatMap((c) => (c.membershipId ? [c.membershipId] : []));
      const rows = cooperatorsOf(units, seats, leadUnitId, leadMembershipId);
      const key = (c: { unitId: string | null; membershipId: string | null }) =>
        `${c.unitId}|${c.membershipId}`;
      const before = new Set(kept.map(key));
      if (rows.length !== kept.length || rows.some((r) => !before.has(key(r)))) {
        changed.push('cooperators');
        await replaceCooperators(tx, taskId, rows);
      }
    }
    // Nothing differs: nothing to record.
    if (!changed.length) return;
    await updateTaskRow(tx, taskId, set);
    await insertTaskEvents(tx, [
      {
        taskId,
        kind: 'edited',
        fromStatus: status,
        toStatus: status,
        actorId: actor.userId,
        reason: body.reason,
        data: { changed },
      },
    ]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'task.edited',
      entityType: 'task',
      entityId: taskId,
      data: { changed, reason: body.reason },
    });
    await emit(tx, 'task.edited', { actor, before: t, after: { ...t, ...set }, reason: body.reason });
  });
  return getTask(db, actor, taskId);
}
