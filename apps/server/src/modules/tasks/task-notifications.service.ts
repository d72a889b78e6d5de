import type { CommitteeRole } from '@steerco/contract/memberships';
import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { holdersOfRoles, holdersOfSeats, holdersOfUnitSeats } from '../committees/seats.service.ts';
import { type NewNotification, notify } from '../notifications/notifications.service.ts';
import type { TaskCommented, TaskCreated, TaskEdited, TaskTransitioned } from './tasks.events.ts';
import type { TaskRow } from './tasks.repo.ts';

// The reactions of the in-app notifications to the task events (wired in src/wiring.ts): who hears of what.

/** Who the people answering for a task are (to notify them). */
async function assigneeUserIds(db: DbOrTx, t: TaskRow) {
  const seatIds = [t.leadMembershipId, t.responsibleMembershipId].filter((x): x is string => !!x);
  const people = await holdersOfSeats(db, seatIds);
  if (!people.length && t.leadUnitId)
    people.push(...(await holdersOfUnitSeats(db, t.committeeId, t.leadUnitId, clock.today())));
  return [...new Set(people)];
}

/** The standing agency's staff and the heads/deputies (and whoever assigned it): they review completion reports. */
async function reviewerUserIds(
  db: DbOrTx,
  t: TaskRow,
  roles: CommitteeRole[] = ['secretary', 'head', 'deputyHead'],
) {
  const people = await holdersOfRoles(db, t.committeeId, roles, clock.today());
  return [...new Set([...people, ...(t.assignedBy ? [t.assignedBy] : [])])];
}

const taskLink = (id: string) => `/nhiem-vu/${id}`;
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** Everyone but the actor, who knows what they just did. */
function notifyAll(db: DbOrTx, userIds: string[], actor: Actor, n: Omit<NewNotification, 'userId'>) {
  return notify(
    db,
    userIds.filter((u) => u !== actor.userId).map((userId) => ({ userId, ...n })),
  );
}

/** A new task: the people answering for it. */
export async function notifyTaskCreated(tx: DbOrTx, { actor, task }: TaskCreated) {
  await notifyAll(tx, await assigneeUserIds(tx, task), actor, {
    kind: 'task.assigned',
    title: `Nhiệm vụ mới: ${task.title}`,
    body: `Hạn hoàn thành: ${vnDate(task.deadline)}`,
    link: taskLink(task.id),
  });
}

/**
 * A completion report goes to the reviewers, an extension request to the head (and the assigner); a review,
 * an extension's decision or a cancellation to the people answering for the task. Starting it tells no one.
 */
export async function notifyTaskTransitioned(tx: DbOrTx, e: TaskTransitioned) {
  const { actor, task: t } = e;
  const link = taskLink(t.id);
  if (e.action === 'start') return;
  if (e.action === 'submitDone') {
    await notifyAll(tx, await reviewerUserIds(tx, t), actor, {
      kind: 'task.submittedDone',
      title: `Báo cáo hoàn thành nhiệm vụ: ${t.title}`,
      link,
    });
  } else if (e.action === 'requestExtension') {
    await notifyAll(tx, await reviewerUserIds(tx, t, ['head']), actor, {
      kind: 'task.extensionRequested',
      title: `Đề nghị gia hạn nhiệm vụ: ${t.title}`,
      body: `Đề nghị hạn mới ${vnDate(e.proposedDeadline ?? '')}: ${e.reason}`,
      link,
    });
  } else {
    const what = {
      approveDone: 'Nhiệm vụ đã được xác nhận hoàn thành',
      return: 'Báo cáo hoàn thành bị trả lại',
      decideExtension:
        e.kind === 'extensionApproved'
          ? 'Đề nghị gia hạn được chấp thuận'
          : 'Đề nghị gia hạn không được chấp thuận',
      cancel: 'Nhiệm vụ đã bị hủy',
    }[e.action];
    await notifyAll(tx, await assigneeUserIds(tx, t), actor, {
      kind: `task.${e.kind}`,
      title: `${what}: ${t.title}`,
      body: e.reason,
      link,
    });
  }
}

/** A reassigned task: only the people newly answering for it. */
export async function notifyTaskEdited(tx: DbOrTx, { actor, before, after, reason }: TaskEdited) {
  const earlier = new Set(await assigneeUserIds(tx, before));
  const now = await assigneeUserIds(tx, after);
  await notifyAll(
    tx,
    now.filter((u) => !earlier.has(u)),
    actor,
    {
      kind: 'task.assigned',
      title: `Nhiệm vụ được giao lại: ${after.title}`,
      body: `Hạn hoàn thành: ${vnDate(after.deadline)}. ${reason}`,
      link: taskLink(after.id),
    },
  );
}

/** The members mentioned in a comment. */
export async function notifyTaskCommented(tx: DbOrTx, { actor, task, text, mentions }: TaskCommented) {
  await notifyAll(tx, mentions, actor, {
    kind: 'task.mentioned',
    title: `${actor.fullName} nhắc đến bạn trong nhiệm vụ: ${task.title}`,
    body: text.slice(0, 500),
    link: taskLink(task.id),
  });
}
