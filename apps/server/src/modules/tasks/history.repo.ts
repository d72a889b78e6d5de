import type { TaskEventKind, TaskStatus } from '@steerco/contract/tasks';
import { asc, eq, inArray } from 'drizzle-orm';
import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { unitsView } from '../units/units.service.ts';
import { usersView } from '../users/users.service.ts';
import { taskComments, taskEvents, taskProgress } from './tasks.schema.ts';

// A task's history: the events of its state machine, the progress reports and the comments. Each keeps the
// server clock's time (the approval's, for a conclusion's task), as the task's dates do.

export interface NewTaskEvent {
  taskId: string;
  kind: TaskEventKind;
  fromStatus?: TaskStatus | null;
  toStatus?: TaskStatus | null;
  actorId?: string | null;
  reason?: string | null;
  oldDeadline?: string | null;
  newDeadline?: string | null;
  data?: unknown;
}

export async function insertTaskEvents(tx: DbOrTx, events: NewTaskEvent[]) {
  if (events.length)
    await tx.insert(taskEvents).values(events.map((e) => ({ id: uuidv7(), createdAt: clock.now(), ...e })));
}

export async function insertProgress(
  tx: DbOrTx,
  p: {
    taskId: string;
    percent: number;
    text: string;
    fileIds: string[];
    userId: string;
    membershipId: string | null;
    unitId: string | null;
  },
) {
  await tx.insert(taskProgress).values({ id: uuidv7(), createdAt: clock.now(), ...p });
}

export async function insertComment(
  tx: DbOrTx,
  c: { taskId: string; userId: string; text: string; mentions: string[] },
) {
  await tx.insert(taskComments).values({ id: uuidv7(), createdAt: clock.now(), ...c });
}

const eventActor = usersView('event_actor');
const author = usersView('author');
const authorUnit = unitsView('author_unit');
const mentioned = usersView('mentioned');

/**
 * The task's history in order, as the detail page shows it: events with who acted, progress reports with their
 * author and unit, comments with their author and the names of the people mentioned.
 */
export async function findTaskHistory(db: DbOrTx, taskId: string) {
  const [events, progress, comments] = await Promise.all([
    db
      .select({ e: taskEvents, actorName: eventActor.fullName })
      .from(taskEvents)
      .leftJoin(eventActor, eq(eventActor.id, taskEvents.actorId))
      .where(eq(taskEvents.taskId, taskId))
      .orderBy(asc(taskEvents.createdAt), asc(taskEvents.id)),
    db
      .select({ p: taskProgress, authorName: author.fullName, unitName: authorUnit.name })
      .from(taskProgress)
      .innerJoin(author, eq(author.id, taskProgress.userId))
      .leftJoin(authorUnit, eq(authorUnit.id, taskProgress.unitId))
      .where(eq(taskProgress.taskId, taskId))
      .orderBy(asc(taskProgress.createdAt), asc(taskProgress.id)),
    db
      .select({ c: taskComments, authorName: author.fullName })
      .from(taskComments)
      .innerJoin(author, eq(author.id, taskComments.userId))
      .where(eq(taskComments.taskId, taskId))
      .orderBy(asc(taskComments.createdAt), asc(taskComments.id)),
  ]);
  const mentionIds = [...new Set(comments.flatMap((c) => c.c.mentions))];
  const names = mentionIds.length
    ? await db
        .select({ id: mentioned.id, fullName: mentioned.fullName })
        .from(mentioned)
        .where(inArray(mentioned.id, mentionIds))
    : [];
  return {
    events: events.map(({ e, actorName }) => ({
      id: e.id,
      kind: e.kind,
      fromStatus: e.fromStatus as TaskStatus | null,
      toStatus: e.toStatus as TaskStatus | null,
      actorName,
      reason: e.reason,
      oldDeadline: e.oldDeadline,
      newDeadline: e.newDeadline,
      at: e.createdAt.toISOString(),
    })),
    progress: progress.map(({ p, authorName, unitName }) => ({
      id: p.id,
      percent: p.percent,
      text: p.text,
      fileIds: p.fileIds,
      authorName,
      unitName,
      at: p.createdAt.toISOString(),
    })),
    comments: comments.map(({ c, authorName }) => ({
      id: c.id,
      text: c.text,
      authorName,
      mentions: c.mentions.map((uid) => ({
        userId: uid,
        fullName: names.find((m) => m.id === uid)?.fullName ?? '',
      })),
      at: c.createdAt.toISOString(),
    })),
  };
}
