import type { ProgressBody, TaskStatus } from '@steerco/contract/tasks';
import type { z } from 'zod';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { emit } from '../../events/bus.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertCommittee } from '../committees/access.service.ts';
import { seatedAmong } from '../committees/seats.service.ts';
import { allFilesOfCommittee } from '../files/files.service.ts';
import { getTask } from './detail.service.ts';
import { insertComment, insertProgress, insertTaskEvents } from './history.repo.ts';
import { loadTask } from './standing.service.ts';
import { mayReportProgress, PROGRESS_STATUSES } from './tasks.policy.ts';
import { updateTaskRow } from './tasks.repo.ts';

/**
 * A progress report with evidence (uploaded first through the files module, which enforces the size limit):
 * by the lead or a co-operating unit/member. The lead's report sets the task's percentage, and a first report
 * on a new task starts it.
 */
export async function reportProgress(
  db: Db,
  actor: Actor,
  taskId: string,
  body: z.infer<typeof ProgressBody>,
) {
  await db.transaction(async (tx) => {
    const s = await loadTask(tx, actor, taskId, true);
    if (!mayReportProgress(s))
      throw new AppError('permission.denied', {
        detail: 'Chỉ đơn vị, thành viên chủ trì hoặc phối hợp báo cáo tiến độ.',
      });
    if (!PROGRESS_STATUSES.includes(s.task.status as TaskStatus))
      throw new AppError('task.invalidTransition');
    const fileIds = [...new Set(body.fileIds)];
    if (!(await allFilesOfCommittee(tx, fileIds, s.task.committeeId)))
      throw new AppError('task.invalidReference', {
        detail: 'Tệp minh chứng không thuộc Ban Chỉ đạo này.',
      });
    await insertProgress(tx, {
      taskId,
      percent: body.percent,
      text: body.text,
      fileIds,
      userId: actor.userId,
      membershipId: s.seat?.id ?? null,
      unitId: s.seat?.unitId ?? null,
    });
    if (s.isAssignee) {
      const starting = s.task.status === 'new';
      await updateTaskRow(tx, taskId, {
        progress: body.percent,
        ...(starting ? { status: 'inProgress' as const } : {}),
      });
      if (starting) {
        await insertTaskEvents(tx, [
          {
            taskId,
            kind: 'started',
            fromStatus: 'new',
            toStatus: 'inProgress',
            actorId: actor.userId,
            reason: 'Báo cáo tiến độ lần đầu',
          },
        ]);
      }
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'task.progressReported',
      entityType: 'task',
      entityId: taskId,
      data: { percent: body.percent, fileIds },
    });
  });
  return getTask(db, actor, taskId);
}

/** A comment; the people mentioned (members of the committee) are notified. */
export async function addComment(
  db: Db,
  actor: Actor,
  taskId: string,
  body: { text: string; mentions: string[] },
) {
  await db.transaction(async (tx) => {
    const s = await loadTask(tx, actor, taskId);
    assertCommittee(actor, 'task.updateOwn', s.access);
    const mentions = [...new Set(body.mentions)];
    if (
      mentions.length &&
      (await seatedAmong(tx, s.task.committeeId, mentions, clock.today())).length !== mentions.length
    )
      throw new AppError('task.mentionNotMember');
    await insertComment(tx, { taskId, userId: actor.userId, text: body.text, mentions });
    await emit(tx, 'task.commented', { actor, task: s.task, text: body.text, mentions });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'task.commented',
      entityType: 'task',
      entityId: taskId,
      data: { mentions },
    });
  });
  return getTask(db, actor, taskId);
}
