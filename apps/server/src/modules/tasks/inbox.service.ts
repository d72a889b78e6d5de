import { formatDate } from '@steerco/contract/datetime';
import type { InboxEntry } from '@steerco/contract/inbox';
import { MyTasksQuery } from '@steerco/contract/tasks';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { myTasks } from './lists.service.ts';

const REVIEW_QUEUE = MyTasksQuery.parse({ role: 'reviewer', limit: 200 });

/**
 * Tasks waiting for the actor's decision: completion reports to review (the standing agency, head, deputies)
 * and extension requests to decide (the head or a delegate, R4, and the assigner) — the review queue of "my
 * tasks", so the inbox and the list never disagree. For the inbox (issue 19).
 */
export async function tasksWaitingFor(db: Db, actor: Actor): Promise<InboxEntry[]> {
  const { items } = await myTasks(db, actor, REVIEW_QUEUE);
  return items.flatMap((t): InboxEntry[] => {
    if (t.status !== 'submittedDone' && t.status !== 'extensionRequested') return [];
    const review = t.status === 'submittedDone';
    return [
      {
        kind: review ? 'taskReview' : 'extensionRequest',
        id: t.id,
        title: t.title,
        detail: review
          ? `Báo cáo hoàn thành${t.completedOn ? ` ngày ${formatDate(t.completedOn)}` : ''}; hạn ${formatDate(t.deadline)}`
          : `Đề nghị gia hạn${t.extensionProposedDeadline ? ` đến ${formatDate(t.extensionProposedDeadline)}` : ''}; hạn hiện tại ${formatDate(t.deadline)}`,
        committeeId: t.committeeId,
        at: t.updatedAt,
        target: { type: 'task', id: t.id },
      },
    ];
  });
}
