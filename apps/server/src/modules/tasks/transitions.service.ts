import { TASK_STATUS_LABELS, type TaskEventKind, type TaskStatus } from '@steerco/contract/tasks';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { emit } from '../../events/bus.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getTask } from './detail.service.ts';
import { insertTaskEvents } from './history.repo.ts';
import { loadTask } from './standing.service.ts';
import { TRANSITIONS, type Transition } from './tasks.policy.ts';
import { updateTaskRow } from './tasks.repo.ts';
import type { tasks } from './tasks.schema.ts';

export type TransitionBody =
  | { action: 'start' }
  | { action: 'submitDone'; note?: string | null }
  | { action: 'approveDone'; note?: string | null }
  | { action: 'return'; reason: string }
  | { action: 'requestExtension'; reason: string; proposedDeadline: string }
  | { action: 'decideExtension'; decision: 'approve' | 'reject'; note?: string | null }
  | { action: 'cancel'; reason: string };

const EVENT_KIND: Record<Transition, TaskEventKind> = {
  start: 'started',
  submitDone: 'submittedDone',
  approveDone: 'approvedDone',
  return: 'returned',
  requestExtension: 'extensionRequested',
  decideExtension: 'extensionApproved', // or extensionRejected: decided below
  cancel: 'cancelled',
};

/**
 * Moves a task through the state machine (TRANSITIONS), in one transaction with the row locked: the right is
 * checked first (403), then the state (409). Every transition leaves an event with who, when and why.
 */
export async function transitionTask(db: Db, actor: Actor, taskId: string, body: TransitionBody) {
  await db.transaction(async (tx) => {
    const s = await loadTask(tx, actor, taskId, true);
    const rule = TRANSITIONS[body.action];
    if (!rule.allowed(s)) throw new AppError('permission.denied', { detail: rule.who });
    const from = s.task.status as TaskStatus;
    if (!rule.from.includes(from)) {
      throw new AppError('task.invalidTransition', {
        detail: `Nhiệm vụ đang ở trạng thái “${TASK_STATUS_LABELS[from]}”.`,
      });
    }
    const today = clock.today();
    const set: PgUpdateSetSource<typeof tasks> = {};
    let to: TaskStatus = from;
    let reason: string | null = null;
    let oldDeadline: string | null = null;
    let newDeadline: string | null = null;
    let eventKind = EVENT_KIND[body.action];
    const t = s.task;
    switch (body.action) {
      case 'start':
        to = 'inProgress';
        break;
      case 'submitDone':
        to = 'submittedDone';
        reason = body.note ?? null;
        // The date the product was reported: "done late" is judged on it, not on the review date.
        set.completedOn = today;
        break;
      case 'approveDone':
        to = 'done';
        reason = body.note ?? null;
        set.doneAt = clock.now();
        set.progress = 100;
        break;
      case 'return':
        to = 'returned';
        reason = body.reason;
        set.completedOn = null;
        break;
      case 'requestExtension':
        if (body.proposedDeadline <= t.deadline) throw new AppError('task.extensionNotLater');
        to = 'extensionRequested';
        reason = body.reason;
        oldDeadline = t.deadline;
        newDeadline = body.proposedDeadline;
        set.extensionProposedDeadline = body.proposedDeadline;
        set.extensionPreviousStatus = from;
        break;
      case 'decideExtension': {
        to = (t.extensionPreviousStatus as TaskStatus | null) ?? 'inProgress';
        reason = body.note ?? null;
        eventKind = body.decision === 'approve' ? 'extensionApproved' : 'extensionRejected';
        if (body.decision === 'approve') {
          // The deadline moves; originalDeadline keeps the first one for the records and the statistics.
          oldDeadline = t.deadline;
          newDeadline = t.extensionProposedDeadline;
          set.deadline = t.extensionProposedDeadline!;
        }
        set.extensionProposedDeadline = null;
        set.extensionPreviousStatus = null;
        break;
      }
      case 'cancel':
        to = 'cancelled';
        reason = body.reason;
        set.extensionProposedDeadline = null;
        set.extensionPreviousStatus = null;
        break;
    }
    await updateTaskRow(tx, taskId, { ...set, status: to });
    await insertTaskEvents(tx, [
      {
        taskId,
        kind: eventKind,
        fromStatus: from,
        toStatus: to,
        actorId: actor.userId,
        reason,
        oldDeadline,
        newDeadline,
      },
    ]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: `task.${eventKind}`,
      entityType: 'task',
      entityId: taskId,
      data: { from, to, reason, oldDeadline, newDeadline },
    });
    await emit(tx, 'task.transitioned', {
      actor,
      task: t,
      action: body.action,
      kind: eventKind,
      reason,
      proposedDeadline: body.action === 'requestExtension' ? body.proposedDeadline : null,
    });
  });
  return getTask(db, actor, taskId);
}
