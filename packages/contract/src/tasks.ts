import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common.ts';
import { StoredFile } from './files.ts';

export {
  DERIVED_STATUS_LABELS,
  TASK_EVENT_LABELS,
  TASK_PRIORITY_LABELS,
  TASK_SOURCE_LABELS,
  TASK_STATUS_LABELS,
} from './labels.ts';

/**
 * Task lifecycle (issue #8): new → inProgress → submittedDone → done; the reviewer may return a completion
 * report (returned → back to work); an extension request waits for the assigner or the head; cancelled ends it.
 */
export const TaskStatus = z.enum([
  'new',
  'inProgress',
  'submittedDone',
  'done',
  'returned',
  'extensionRequested',
  'cancelled',
]);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** Statuses in which the task still has to be worked on. */
export const OPEN_TASK_STATUSES: TaskStatus[] = [
  'new',
  'inProgress',
  'submittedDone',
  'returned',
  'extensionRequested',
];

/** Status shown next to the deadline: computed from today, the deadline and the working-day calendar. */
export const DerivedTaskStatus = z.enum([
  'onTime',
  'dueSoon',
  'overdue',
  'doneOnTime',
  'doneLate',
  'cancelled',
]);
export type DerivedTaskStatus = z.infer<typeof DerivedTaskStatus>;

export const TaskSourceKind = z.enum(['conclusion', 'planItem', 'directive', 'adHoc']);
export type TaskSourceKind = z.infer<typeof TaskSourceKind>;

export const TaskPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type TaskPriority = z.infer<typeof TaskPriority>;

/** The transitions a person may ask for; the server decides whether the task's state and their role allow it. */
export const TaskAction = z.enum([
  'start',
  'submitDone',
  'approveDone',
  'return',
  'requestExtension',
  'decideExtension',
  'cancel',
  'reportProgress',
  'edit',
]);
export type TaskAction = z.infer<typeof TaskAction>;

const leadRule = {
  message: 'Nhiệm vụ phải có đúng một đơn vị hoặc một thành viên chủ trì, không giao cho cả Ban Chỉ đạo',
  path: ['leadUnitId'],
};

export const CreateTaskBody = z
  .object({
    sourceKind: z.enum(['adHoc', 'directive']).default('adHoc'),
    /** For a directive: the incoming document of the higher level. */
    documentId: Id.nullable().optional(),
    title: requiredText(500),
    content: text(20_000).nullable().optional(),
    domain: text(12).nullable().optional(),
    leadUnitId: Id.nullable().optional(),
    leadMembershipId: Id.nullable().optional(),
    responsibleMembershipId: Id.nullable().optional(),
    cooperatingUnitIds: z.array(Id).max(30).default([]),
    cooperatingMembershipIds: z.array(Id).max(30).default([]),
    expectedProduct: text(500).nullable().optional(),
    /** The date the task is counted from (default: today, or the directive's date). */
    sourceDate: IsoDate.nullable().optional(),
    deadline: IsoDate.nullable().optional(),
    /** Instead of a date: N working days from the source date (calendar module). */
    deadlineWorkingDays: z.number().int().min(1).max(500).nullable().optional(),
    priority: TaskPriority.default('normal'),
    dutyId: Id.nullable().optional(),
    parentTaskId: Id.nullable().optional(),
    tags: z.array(requiredText(40)).max(20).default([]),
  })
  .strict()
  .refine((t) => !!t.leadUnitId !== !!t.leadMembershipId, leadRule)
  .refine((t) => !!t.deadline !== !!t.deadlineWorkingDays, {
    message: 'Cần đúng một trong hai: hạn hoàn thành (ngày) hoặc số ngày làm việc',
    path: ['deadline'],
  })
  .refine((t) => t.sourceKind !== 'directive' || !!t.documentId, {
    message: 'Nhiệm vụ theo chỉ đạo cấp trên cần văn bản đến',
    path: ['documentId'],
  });
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

/**
 * Correcting or reassigning an open task, by those who manage the committee's tasks, with the reason (kept in
 * the history). The lead stays one unit or one member (R1); the deadline moves only through an extension.
 */
export const UpdateTaskBody = z
  .object({
    title: requiredText(500).optional(),
    content: text(20_000).nullable().optional(),
    expectedProduct: text(500).nullable().optional(),
    priority: TaskPriority.optional(),
    tags: z.array(requiredText(40)).max(20).optional(),
    /** Give both (one of them null) to change the lead. */
    leadUnitId: Id.nullable().optional(),
    leadMembershipId: Id.nullable().optional(),
    responsibleMembershipId: Id.nullable().optional(),
    cooperatingUnitIds: z.array(Id).max(30).optional(),
    cooperatingMembershipIds: z.array(Id).max(30).optional(),
    reason: requiredText(1000),
  })
  .strict()
  .refine(
    (t) =>
      (t.leadUnitId === undefined && t.leadMembershipId === undefined) ||
      !!t.leadUnitId !== !!t.leadMembershipId,
    leadRule,
  );
export type UpdateTaskBody = z.infer<typeof UpdateTaskBody>;

const Person = z.object({ membershipId: Id, userId: Id, fullName: z.string() });

export const TaskCooperator = z.object({
  unitId: Id.nullable(),
  membershipId: Id.nullable(),
  name: z.string(),
});

export const Task = z.object({
  id: Id,
  committeeId: Id,
  title: z.string(),
  content: z.string().nullable(),
  domain: z.string().nullable(),
  sourceKind: TaskSourceKind,
  conclusionId: Id.nullable(),
  meetingId: Id.nullable(),
  documentId: Id.nullable(),
  planItemId: Id.nullable(),
  sourceDate: IsoDate,
  leadUnit: z.object({ id: Id, name: z.string() }).nullable(),
  leadMember: Person.nullable(),
  responsible: Person.nullable(),
  cooperators: z.array(TaskCooperator),
  expectedProduct: z.string().nullable(),
  deadline: IsoDate,
  originalDeadline: IsoDate,
  priority: TaskPriority,
  dutyId: Id.nullable(),
  parentTaskId: Id.nullable(),
  tags: z.array(z.string()),
  status: TaskStatus,
  derivedStatus: DerivedTaskStatus,
  progress: z.number().int(),
  extensionProposedDeadline: IsoDate.nullable(),
  completedOn: IsoDate.nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof Task>;

/** What a history entry records: a transition, an extension decision, or a hand-over on personnel change (R14). */
export const TaskEventKind = z.enum([
  'created',
  'started',
  'submittedDone',
  'approvedDone',
  'returned',
  'extensionRequested',
  'extensionApproved',
  'extensionRejected',
  'cancelled',
  'handedOver',
  'edited',
]);
export type TaskEventKind = z.infer<typeof TaskEventKind>;

export const TaskEvent = z.object({
  id: Id,
  kind: TaskEventKind,
  fromStatus: TaskStatus.nullable(),
  toStatus: TaskStatus.nullable(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  oldDeadline: IsoDate.nullable(),
  newDeadline: IsoDate.nullable(),
  at: z.string(),
});

export const TaskProgressEntry = z.object({
  id: Id,
  percent: z.number().int(),
  text: z.string(),
  files: z.array(StoredFile),
  authorName: z.string(),
  unitName: z.string().nullable(),
  at: z.string(),
});

export const TaskComment = z.object({
  id: Id,
  text: z.string(),
  authorName: z.string(),
  mentions: z.array(z.object({ userId: Id, fullName: z.string() })),
  at: z.string(),
});

export const TaskDetail = Task.extend({
  events: z.array(TaskEvent),
  progressReports: z.array(TaskProgressEntry),
  comments: z.array(TaskComment),
  /** What the caller may do now (the server checks again on every request). */
  allowedActions: z.array(TaskAction),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const TaskStatusFilter = z.union([TaskStatus, z.literal('open')]);

const listFilters = {
  status: TaskStatusFilter.optional().describe("A status, or 'open' for every status still to be worked on"),
  derived: DerivedTaskStatus.optional(),
  domain: text(12).optional(),
  source: TaskSourceKind.optional(),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
  q: text(200).optional().describe('Words of the title, with or without diacritics'),
};

export const ListTasksQuery = z
  .object({
    ...listFilters,
    leadUnitId: Id.optional(),
    membershipId: Id.optional().describe('Tasks a member leads, answers for or co-operates on'),
    cursor: text(200).optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListTasksQuery = z.infer<typeof ListTasksQuery>;

export const ExportTasksQuery = ListTasksQuery.omit({ cursor: true, limit: true });

export const MyTasksQuery = z
  .object({
    ...listFilters,
    role: z
      .enum(['all', 'responsible', 'cooperating', 'reviewer'])
      .default('all')
      .describe('responsible: I lead or answer for it; reviewer: completion reports waiting for me'),
    cursor: text(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type MyTasksQuery = z.infer<typeof MyTasksQuery>;

export const TaskList = z.object({
  items: z.array(Task),
  total: z.number().int(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const ReasonBody = z.object({ reason: requiredText(2000) }).strict();
export const NoteBody = z.object({ note: text(2000).nullable().optional() }).strict();
export const RequestExtensionBody = z
  .object({ reason: requiredText(2000), proposedDeadline: IsoDate })
  .strict();
export const DecideExtensionBody = z
  .object({ decision: z.enum(['approve', 'reject']), note: text(2000).nullable().optional() })
  .strict();

export const ProgressBody = z
  .object({
    percent: z.number().int().min(0).max(100),
    text: requiredText(10_000),
    /** Evidence uploaded first through POST /committees/{id}/files. */
    fileIds: z.array(Id).max(20).default([]),
  })
  .strict();

export const CommentBody = z
  .object({
    text: requiredText(5000),
    /** People mentioned with @: they are notified. */
    mentions: z.array(Id).max(20).default([]),
  })
  .strict();

export const TaskStatsRow = z.object({
  id: Id,
  name: z.string(),
  assigned: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
});

export const TaskStats = z.object({
  totals: TaskStatsRow.omit({ id: true, name: true }),
  byUnit: z.array(TaskStatsRow),
  byMember: z.array(TaskStatsRow),
});

/** R8: an unfinished task on a periodic meeting's agenda, as it stood when the meeting was prepared. */
export const CarriedTask = z.object({
  taskId: Id,
  title: z.string(),
  leadName: z.string().nullable(),
  deadline: IsoDate,
  status: TaskStatus,
  derivedStatus: DerivedTaskStatus,
  progress: z.number().int(),
});
export type CarriedTask = z.infer<typeof CarriedTask>;
export const CarriedTaskList = z.object({ items: z.array(CarriedTask) });
export const CarryOverBody = z
  .object({
    taskIds: z
      .array(Id)
      .max(300)
      .optional()
      .describe('The tasks to put on the agenda; omitted: every proposed one'),
  })
  .strict();

/** Hierarchy: a task handed down to child committees (a province's directive to its districts or communes). */
export const CascadeBody = z
  .object({
    committeeIds: z
      .array(Id)
      .min(1)
      .max(500)
      .optional()
      .describe('Direct child committees to hand the task to; omitted: all active ones'),
  })
  .strict();
export const CascadeRow = z.object({
  taskId: Id,
  committeeId: Id,
  committeeName: z.string(),
  parentCommitteeId: Id.nullable(),
  unitLevel: z.string(),
  status: TaskStatus,
  derivedStatus: DerivedTaskStatus,
  progress: z.number().int(),
  deadline: IsoDate,
  completedOn: IsoDate.nullable(),
});
export const CascadeRollup = z.object({
  summary: z.record(DerivedTaskStatus, z.number().int()),
  rows: z.array(CascadeRow),
});
export type CascadeRollup = z.infer<typeof CascadeRollup>;
export const CascadeResult = z.object({ created: z.number().int(), rollup: CascadeRollup });
export const StatusCounters = z.object({
  byStatus: z.record(TaskStatus, z.number().int()),
  total: z.number().int(),
  overdue: z.number().int().describe('Open tasks past their deadline today (Viet Nam)'),
});
export type StatusCounters = z.infer<typeof StatusCounters>;
