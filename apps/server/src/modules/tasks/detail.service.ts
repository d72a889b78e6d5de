import type { TaskDetail } from '@steerco/contract/tasks';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { fileDtos } from '../files/files.service.ts';
import { findTaskHistory } from './history.repo.ts';
import { loadTask, windowOf } from './standing.service.ts';
import { allowedActions } from './tasks.policy.ts';
import { findTask, toTaskDto } from './tasks.repo.ts';

/** The task page: the task, its history, progress with evidence, comments, and what the actor may do next. */
export async function getTask(db: DbOrTx, actor: Actor, taskId: string): Promise<TaskDetail> {
  const standing = await loadTask(db, actor, taskId);
  const row = await findTask(db, taskId);
  const window = await windowOf(db, standing.task.committeeId);
  const { events, progress, comments } = await findTaskHistory(db, taskId);
  const files = await fileDtos(
    db,
    progress.flatMap((p) => p.fileIds),
  );
  return {
    ...toTaskDto(row!, window),
    events,
    progressReports: progress.map(({ fileIds, ...p }) => ({
      ...p,
      files: fileIds.flatMap((fid) => {
        const f = files.get(fid);
        return f ? [f] : [];
      }),
    })),
    comments,
    allowedActions: allowedActions(standing),
  };
}
