import {
  type CascadeRollup,
  type DerivedTaskStatus,
  OPEN_TASK_STATUSES,
  type StatusCounters,
  type TaskStatus,
} from '@steerco/contract/tasks';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import {
  activeChildCommittees,
  committeePath,
  committeesWithDomain,
} from '../committees/committees.service.ts';
import {
  countSubtreeTasks,
  findCascadeCopies,
  findCommitteesWithCopy,
  setCascadeRoot,
} from './cascade.repo.ts';
import { insertTask } from './creation.service.ts';
import { loadTask, windowOf } from './standing.service.ts';
import { derivedStatusOf } from './tasks.repo.ts';

/**
 * Hands a task of a committee down to its child committees (a province's directive to its districts or
 * communes): each gets its own copy, led by its own People's Committee (R1: a unit, not the committee), with the
 * same deadline, to break down further. A committee that already has a copy is skipped, so repeating is harmless.
 */
export async function cascadeTask(db: Db, actor: Actor, taskId: string, body: { committeeIds?: string[] }) {
  const standing = await loadTask(db, actor, taskId);
  if (!standing.mayManage) throw new AppError('permission.denied');
  const task = standing.task;
  if (!OPEN_TASK_STATUSES.includes(task.status as TaskStatus)) throw new AppError('task.invalidTransition');
  const children = await activeChildCommittees(db, task.committeeId);
  const chosen = body.committeeIds
    ? body.committeeIds.map((id) => {
        const child = children.find((c) => c.id === id);
        if (!child) {
          throw new AppError('task.notChildCommittee', {
            detail: 'Chỉ giao được cho Ban Chỉ đạo cấp dưới trực tiếp đang hoạt động.',
          });
        }
        return child;
      })
    : children;
  if (!chosen.length)
    throw new AppError('task.notChildCommittee', { detail: 'Ban Chỉ đạo không có cấp dưới.' });
  const rootId = task.cascadeRootId ?? task.id;
  const today = clock.today();
  const created = await db.transaction(async (tx) => {
    if (!task.cascadeRootId) await setCascadeRoot(tx, task.id, rootId);
    const existing = await findCommitteesWithCopy(
      tx,
      rootId,
      chosen.map((c) => c.id),
    );
    const fresh = chosen.filter((c) => !existing.has(c.id));
    const domains = task.domain
      ? await committeesWithDomain(
          tx,
          fresh.map((c) => c.id),
          task.domain,
        )
      : [];
    const ids: string[] = [];
    for (const child of fresh) {
      const id = await insertTask(
        tx,
        actor,
        {
          committeeId: child.id,
          title: task.title,
          content: task.content,
          domain: domains.includes(child.id) ? task.domain : null,
          sourceKind: 'directive',
          documentId: task.documentId,
          parentTaskId: task.id,
          // The lower level receives it today; a deadline already past stays the higher level's deadline.
          sourceDate: task.deadline < today ? task.deadline : today,
          leadUnitId: child.unitId,
          cooperatingUnitIds: [],
          cooperatingMembershipIds: [],
          expectedProduct: task.expectedProduct,
          deadline: task.deadline,
          priority: task.priority,
        },
        'Giao từ Ban Chỉ đạo cấp trên',
      );
      await setCascadeRoot(tx, id, rootId);
      ids.push(id);
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'task.cascaded',
      entityType: 'task',
      entityId: task.id,
      data: { committeeIds: fresh.map((c) => c.id) },
    });
    return ids.length;
  });
  return { created, rollup: await cascadeRollup(db, actor, taskId) };
}

/**
 * The progress of a cascaded task below the committee that holds it: every copy in the committees of its
 * subtree (e.g. the district sees its wards'), with counts by display status.
 */
export async function cascadeRollup(db: Db, actor: Actor, taskId: string): Promise<CascadeRollup> {
  const { task } = await loadTask(db, actor, taskId);
  const rootId = task.cascadeRootId;
  if (!rootId) return { summary: emptySummary(), rows: [] };
  const holderPath = await committeePath(db, task.committeeId);
  const rows = await findCascadeCopies(db, rootId, holderPath!, task.id);
  // Every copy is judged by the same calendar and the holder's "due soon" setting, so the counts add up.
  const window = await windowOf(db, task.committeeId);
  const summary = emptySummary();
  const out = rows.map(({ t, committeeName, parentCommitteeId, unitLevel }) => {
    const derived = derivedStatusOf(t, window);
    summary[derived] += 1;
    return {
      taskId: t.id,
      committeeId: t.committeeId,
      committeeName,
      parentCommitteeId,
      unitLevel,
      status: t.status as TaskStatus,
      derivedStatus: derived,
      progress: t.progress,
      deadline: t.deadline,
      completedOn: t.completedOn,
    };
  });
  return { summary, rows: out };
}

function emptySummary(): Record<DerivedTaskStatus, number> {
  return { onTime: 0, dueSoon: 0, overdue: 0, doneOnTime: 0, doneLate: 0, cancelled: 0 };
}

/**
 * Counters by status of a committee and every committee below it (the national committee: the whole country),
 * from the per-committee counts a trigger keeps, plus the overdue count through the open-deadline index.
 */
export async function subtreeCounters(db: Db, actor: Actor, committeeId: string): Promise<StatusCounters> {
  await loadCommitteeAccess(db, actor, committeeId);
  const holderPath = await committeePath(db, committeeId);
  const { byStatus, overdue } = await countSubtreeTasks(db, holderPath!, clock.today());
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Partial<
    Record<TaskStatus, number>
  >;
  const statuses: TaskStatus[] = [
    'new',
    'inProgress',
    'submittedDone',
    'done',
    'returned',
    'extensionRequested',
    'cancelled',
  ];
  const byStatusFull = Object.fromEntries(statuses.map((s) => [s, counts[s] ?? 0])) as Record<
    TaskStatus,
    number
  >;
  return {
    byStatus: byStatusFull,
    total: statuses.reduce((sum, s) => sum + byStatusFull[s], 0),
    overdue,
  };
}
