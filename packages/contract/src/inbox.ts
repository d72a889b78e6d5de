import { z } from 'zod';
import { Id } from './common.ts';

/**
 * What can wait for a person's decision or action (issue 19, "Việc chờ tôi xử lý"), each owned by one module:
 * meetings (absences and substitutes to approve, late-notice requests, minutes to approve, invitations not yet
 * answered), tasks (completions to review, extension requests), documents (to sign), committees (personnel
 * changes to decide).
 */
export const InboxItemKind = z.enum([
  'absenceApproval',
  'lateNotice',
  'minutesApproval',
  'invitation',
  'taskReview',
  'extensionRequest',
  'documentSign',
  'personnelChange',
]);
export type InboxItemKind = z.infer<typeof InboxItemKind>;

/** Where an item opens: the page of its meeting, task, document, or the committee's personnel tab. */
export const InboxTarget = z.object({
  type: z.enum(['meeting', 'task', 'document', 'committeePersonnel']),
  id: Id,
});
export type InboxTarget = z.infer<typeof InboxTarget>;

export const InboxItem = z.object({
  kind: InboxItemKind,
  /** Stable within its kind (the attendee, the request, the meeting, the task, the document, the change). */
  id: Id,
  title: z.string(),
  /** A short line under the title: who asks, the reason, the proposed deadline. */
  detail: z.string().nullable(),
  committeeId: Id,
  committeeName: z.string(),
  /** When it started to wait (newest first). */
  at: z.string(),
  target: InboxTarget,
});
export type InboxItem = z.infer<typeof InboxItem>;

export const Inbox = z.object({
  items: z.array(InboxItem),
  total: z.number().int().min(0),
  counts: z.record(InboxItemKind, z.number().int().min(0)),
});
export type Inbox = z.infer<typeof Inbox>;

/** An item as its owning module gives it: the inbox adds the committee's name. */
export type InboxEntry = Omit<InboxItem, 'committeeName'>;
