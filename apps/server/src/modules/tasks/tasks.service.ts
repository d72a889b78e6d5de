import { todayInVietnam } from '@steerco/contract/datetime';
import type { CommitteeRole } from '@steerco/contract/memberships';
import {
  type CreateTaskBody,
  OPEN_TASK_STATUSES,
  type ProgressBody,
  TASK_STATUS_LABELS,
  type TaskAction,
  type TaskDetail,
  type TaskEventKind,
  type TaskStatus,
  type UpdateTaskBody,
} from '@steerco/contract/tasks';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { assertCommittee, loadCommitteeAccess, seatInForce } from '../committees/committees.access.ts';
import type { CommitteeAccess } from '../committees/committees.policy.ts';
import { committees, duties, memberships } from '../committees/committees.schema.ts';
import { assertDomains, getSettings } from '../committees/committees.service.ts';
import { documents } from '../documents/documents.schema.ts';
import { files } from '../files/files.schema.ts';
import { toFileDto } from '../files/files.service.ts';
import { type NewNotification, notify } from '../notifications/notifications.service.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import { type DeadlineWindow, deadlineWindow, selectTasks, type TaskRow, toTaskDto } from './tasks.repo.ts';
import { taskComments, taskCooperators, taskEvents, taskProgress, tasks } from './tasks.schema.ts';

/** The display-status window of a committee: "due soon" within its configured working days (default 3). */
export async function windowOf(db: DbOrTx, committeeId: string): Promise<DeadlineWindow> {
  const settings = await getSettings(db, committeeId);
  return deadlineWindow(await getWorkingCalendar(db), settings.taskDueSoonWorkingDays ?? 3);
}

// ——— Who may do what on one task ———

export interface TaskStanding {
  task: TaskRow;
  access: CommitteeAccess;
  /** The actor's seat on the task's committee today (with its unit), if any. */
  seat: { id: string; unitId: string | null } | null;
  /** Leads or answers for the task: the lead or responsible member, or a member of the lead unit. */
  isAssignee: boolean;
  isCooperator: boolean;
  mayReview: boolean;
  mayManage: boolean;
  mayDecideExtension: boolean;
}

/**
 * Loads a task and the actor's standing on it. A task is seen by whoever sees its committee (members, the
 * committees above); anyone else gets 404, as if it did not exist.
 */
export async function loadTask(
  db: DbOrTx,
  actor: Actor,
  taskId: string,
  lock = false,
): Promise<TaskStanding> {
  const query = db.select().from(tasks).where(eq(tasks.id, taskId));
  const [task] = lock ? await query.for('update') : await query;
  if (!task) throw new AppError('task.notFound');
  const { access } = await loadCommitteeAccess(db, actor, task.committeeId).catch((err) => {
    if (err instanceof AppError && err.code === 'committee.notFound') throw new AppError('task.notFound');
    throw err;
  });
  let seat: TaskStanding['seat'] = null;
  let isCooperator = false;
  if (access.membership) {
    const [row] = await db
      .select({ id: memberships.id, unitId: memberships.unitId })
      .from(memberships)
      .where(eq(memberships.id, access.membership.id));
    seat = row ?? null;
  }
  const isAssignee =
    !!seat &&
    can(actor, 'task.updateOwn', { committee: access }) &&
    (seat.id === task.leadMembershipId ||
      seat.id === task.responsibleMembershipId ||
      (!!task.leadUnitId && seat.unitId === task.leadUnitId));
  if (seat && can(actor, 'task.updateOwn', { committee: access })) {
    const [coop] = await db
      .select({ id: taskCooperators.id })
      .from(taskCooperators)
      .where(
        and(
          eq(taskCooperators.taskId, taskId),
          seat.unitId
            ? sql`(${taskCooperators.membershipId} = ${seat.id} or ${taskCooperators.unitId} = ${seat.unitId})`
            : eq(taskCooperators.membershipId, seat.id),
        ),
      )
      .limit(1);
    isCooperator = !!coop;
  }
  const resource = { committee: access, domain: task.domain };
  return {
    task,
    access,
    seat,
    isAssignee,
    isCooperator,
    mayReview: can(actor, 'task.review', resource),
    mayManage: can(actor, 'task.manage', resource),
    // The assigner decides on an extension, or the head (a deputy only by delegation in scope: R4).
    mayDecideExtension:
      (!!seat && task.assignedBy === actor.userId) || can(actor, 'task.decideExtension', resource),
  };
}

type Transition = Exclude<TaskAction, 'reportProgress' | 'edit'>;

/** The state machine: from which statuses each transition may start, and who may ask for it. */
const TRANSITIONS: Record<
  Transition,
  { from: TaskStatus[]; allowed: (s: TaskStanding) => boolean; who: string }
> = {
  start: {
    from: ['new', 'returned'],
    allowed: (s) => s.isAssignee,
    who: 'Chỉ đơn vị, thành viên chủ trì nhận thực hiện nhiệm vụ.',
  },
  submitDone: {
    from: ['new', 'inProgress', 'returned'],
    allowed: (s) => s.isAssignee,
    who: 'Chỉ đơn vị, thành viên chủ trì báo cáo hoàn thành.',
  },
  approveDone: {
    from: ['submittedDone'],
    allowed: (s) => s.mayReview,
    who: 'Chỉ Trưởng Ban, Phó Trưởng Ban hoặc cơ quan thường trực xác nhận hoàn thành.',
  },
  return: {
    from: ['submittedDone'],
    allowed: (s) => s.mayReview,
    who: 'Chỉ Trưởng Ban, Phó Trưởng Ban hoặc cơ quan thường trực trả lại báo cáo.',
  },
  requestExtension: {
    from: ['new', 'inProgress', 'returned'],
    allowed: (s) => s.isAssignee,
    who: 'Chỉ đơn vị, thành viên chủ trì đề nghị gia hạn.',
  },
  decideExtension: {
    from: ['extensionRequested'],
    allowed: (s) => s.mayDecideExtension,
    who: 'Chỉ người giao nhiệm vụ hoặc Trưởng Ban (người được ủy quyền) quyết định gia hạn.',
  },
  cancel: {
    from: ['new', 'inProgress', 'submittedDone', 'returned', 'extensionRequested'],
    allowed: (s) => s.mayManage,
    who: 'Chỉ Trưởng Ban, Phó Trưởng Ban hoặc cơ quan thường trực hủy nhiệm vụ.',
  },
};

const PROGRESS_STATUSES: TaskStatus[] = [
  'new',
  'inProgress',
  'returned',
  'extensionRequested',
  'submittedDone',
];

function mayReportProgress(s: TaskStanding) {
  return s.isAssignee || s.isCooperator;
}

export function allowedActions(s: TaskStanding): TaskAction[] {
  const status = s.task.status as TaskStatus;
  const out: TaskAction[] = (Object.keys(TRANSITIONS) as Transition[]).filter(
    (a) => TRANSITIONS[a].from.includes(status) && TRANSITIONS[a].allowed(s),
  );
  if (PROGRESS_STATUSES.includes(status) && mayReportProgress(s)) out.push('reportProgress');
  if (OPEN_TASK_STATUSES.includes(status) && s.mayManage) out.push('edit');
  return out;
}

/** Who the people answering for a task are (to notify them). */
async function assigneeUserIds(db: DbOrTx, t: TaskRow) {
  const seatIds = [t.leadMembershipId, t.responsibleMembershipId].filter((x): x is string => !!x);
  const rows = seatIds.length
    ? await db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(inArray(memberships.id, seatIds))
    : [];
  if (!rows.length && t.leadUnitId) {
    rows.push(
      ...(await db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.committeeId, t.committeeId),
            eq(memberships.unitId, t.leadUnitId),
            seatInForce(clock.today()),
          ),
        )),
    );
  }
  return [...new Set(rows.map((r) => r.userId))];
}

/** The standing agency's staff and the heads/deputies: they review completion reports. */
async function reviewerUserIds(
  db: DbOrTx,
  t: TaskRow,
  roles: CommitteeRole[] = ['secretary', 'head', 'deputyHead'],
) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.committeeId, t.committeeId),
        inArray(memberships.role, roles),
        seatInForce(clock.today()),
      ),
    );
  return [...new Set([...rows.map((r) => r.userId), ...(t.assignedBy ? [t.assignedBy] : [])])];
}

const taskLink = (id: string) => `/nhiem-vu/${id}`;

function notifyAll(db: DbOrTx, userIds: string[], actor: Actor, n: Omit<NewNotification, 'userId'>) {
  return notify(
    db,
    userIds.filter((u) => u !== actor.userId).map((userId) => ({ userId, ...n })),
  );
}

// ——— Creating ———

/** Seats of the committee in force today, among `ids`: all must exist (R1: a lead or co-operating member). */
async function assertSeats(db: DbOrTx, committeeId: string, ids: string[], what: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        inArray(memberships.id, unique),
        eq(memberships.committeeId, committeeId),
        sql`${memberships.role} <> 'guest'`,
        seatInForce(clock.today()),
      ),
    );
  if (found.length !== unique.length)
    throw new AppError('membership.notFound', { detail: `${what} không phải thành viên Ban Chỉ đạo.` });
}

async function assertUnits(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await db
    .select({ id: administrativeUnits.id })
    .from(administrativeUnits)
    .where(inArray(administrativeUnits.id, unique));
  if (found.length !== unique.length)
    throw new AppError('unit.notFound', { detail: 'Đơn vị chủ trì hoặc phối hợp không tồn tại.' });
}

/** The one seat of the lead unit on the committee, when there is exactly one: it answers for the task. */
async function responsibleOfUnit(db: DbOrTx, committeeId: string, unitId: string) {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.committeeId, committeeId),
        eq(memberships.unitId, unitId),
        sql`${memberships.role} <> 'guest'`,
        seatInForce(clock.today()),
      ),
    )
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

/** The co-operator rows of a task: each unit and seat once, never the lead itself. */
function cooperatorsOf(
  unitIds: string[],
  membershipIds: string[],
  leadUnitId: string | null | undefined,
  leadMembershipId: string | null | undefined,
) {
  return [
    ...[...new Set(unitIds.filter((u) => u !== leadUnitId))].map((unitId) => ({
      unitId,
      membershipId: null,
    })),
    ...[...new Set(membershipIds.filter((m) => m !== leadMembershipId))].map((membershipId) => ({
      unitId: null,
      membershipId,
    })),
  ];
}

export interface NewTask {
  committeeId: string;
  title: string;
  content?: string | null;
  domain?: string | null;
  sourceKind: TaskRow['sourceKind'];
  conclusionId?: string | null;
  meetingId?: string | null;
  documentId?: string | null;
  planItemId?: string | null;
  parentTaskId?: string | null;
  sourceDate: string;
  leadUnitId?: string | null;
  leadMembershipId?: string | null;
  responsibleMembershipId?: string | null;
  cooperatingUnitIds: string[];
  cooperatingMembershipIds: string[];
  expectedProduct?: string | null;
  deadline?: string | null;
  deadlineWorkingDays?: number | null;
  priority?: TaskRow['priority'];
  dutyId?: string | null;
  tags?: string[];
}

/**
 * Validates and inserts one task inside the caller's transaction: R1 lead (exactly one unit or one seat of the
 * committee), existing units and seats, a deadline on or after the source date (a date, or N working days from
 * it by the calendar), the creation event and notifications. Returns the new id.
 */
export async function insertTask(tx: DbOrTx, actor: Actor, input: NewTask, reason: string) {
  if (!!input.leadUnitId === !!input.leadMembershipId) throw new AppError('task.invalidLead');
  await assertUnits(tx, [...(input.leadUnitId ? [input.leadUnitId] : []), ...input.cooperatingUnitIds]);
  await assertSeats(
    tx,
    input.committeeId,
    [
      ...(input.leadMembershipId ? [input.leadMembershipId] : []),
      ...(input.responsibleMembershipId ? [input.responsibleMembershipId] : []),
    ],
    'Thành viên chủ trì hoặc người chịu trách nhiệm',
  );
  await assertSeats(tx, input.committeeId, input.cooperatingMembershipIds, 'Thành viên phối hợp');
  if (input.dutyId) {
    const [duty] = await tx
      .select({ id: duties.id })
      .from(duties)
      .innerJoin(memberships, eq(memberships.id, duties.membershipId))
      .where(and(eq(duties.id, input.dutyId), eq(memberships.committeeId, input.committeeId)));
    if (!duty)
      throw new AppError('task.invalidReference', {
        detail: 'Nhiệm vụ được phân công của thành viên không thuộc Ban Chỉ đạo.',
      });
  }
  let deadline = input.deadline ?? null;
  if (!deadline) {
    if (!input.deadlineWorkingDays)
      throw new AppError('request.validation', { detail: 'Thiếu hạn hoàn thành.' });
    deadline = (await getWorkingCalendar(tx)).addWorkingDays(input.sourceDate, input.deadlineWorkingDays);
  }
  if (deadline < input.sourceDate) {
    throw new AppError('task.deadlineBeforeSource', {
      detail: `“${input.title}”: hạn ${deadline.split('-').reverse().join('/')} trước ngày giao ${input.sourceDate.split('-').reverse().join('/')}.`,
    });
  }
  const responsible =
    input.responsibleMembershipId ??
    input.leadMembershipId ??
    (input.leadUnitId ? await responsibleOfUnit(tx, input.committeeId, input.leadUnitId) : null);
  const id = uuidv7();
  const row = {
    id,
    committeeId: input.committeeId,
    title: input.title,
    content: input.content ?? null,
    domain: input.domain ?? null,
    sourceKind: input.sourceKind,
    conclusionId: input.conclusionId ?? null,
    meetingId: input.meetingId ?? null,
    documentId: input.documentId ?? null,
    planItemId: input.planItemId ?? null,
    parentTaskId: input.parentTaskId ?? null,
    sourceDate: input.sourceDate,
    leadUnitId: input.leadUnitId ?? null,
    leadMembershipId: input.leadMembershipId ?? null,
    responsibleMembershipId: responsible,
    expectedProduct: input.expectedProduct ?? null,
    deadline,
    originalDeadline: deadline,
    priority: input.priority ?? 'normal',
    dutyId: input.dutyId ?? null,
    tags: input.tags ?? [],
    assignedBy: actor.userId,
  } satisfies typeof tasks.$inferInsert;
  await tx.insert(tasks).values(row);
  const coops = cooperatorsOf(
    input.cooperatingUnitIds,
    input.cooperatingMembershipIds,
    input.leadUnitId,
    input.leadMembershipId,
  );
  if (coops.length)
    await tx.insert(taskCooperators).values(coops.map((c) => ({ id: uuidv7(), taskId: id, ...c })));
  await tx.insert(taskEvents).values({
    id: uuidv7(),
    // The history keeps the server clock's time (the approval's, for a conclusion's task), as its dates do.
    createdAt: clock.now(),
    taskId: id,
    kind: 'created',
    toStatus: 'new',
    actorId: actor.userId,
    reason,
    newDeadline: deadline,
  });
  await notifyAll(tx, await assigneeUserIds(tx, row as TaskRow), actor, {
    kind: 'task.assigned',
    title: `Nhiệm vụ mới: ${input.title}`,
    body: `Hạn hoàn thành: ${deadline.split('-').reverse().join('/')}`,
    link: taskLink(id),
  });
  return id;
}

/**
 * Creates an ad-hoc task, or one from a higher-level directive (an incoming document of the committee), by the
 * head, a deputy or the standing agency (R3, R5).
 */
export async function createTask(db: Db, actor: Actor, committeeId: string, body: CreateTaskBody) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'task.manage', access, body.domain);
  await assertDomains(db, committeeId, [body.domain]);
  let sourceDate = body.sourceDate ?? clock.today();
  if (body.sourceKind === 'directive') {
    const [doc] = await db
      .select({ issuedOn: documents.issuedOn, createdAt: documents.createdAt })
      .from(documents)
      .where(
        and(
          eq(documents.id, body.documentId!),
          eq(documents.committeeId, committeeId),
          eq(documents.direction, 'incoming'),
        ),
      );
    if (!doc) throw new AppError('task.invalidReference', { detail: 'Văn bản đến không thuộc Ban Chỉ đạo.' });
    sourceDate = body.sourceDate ?? doc.issuedOn ?? todayInVietnam(doc.createdAt);
  }
  if (body.parentTaskId) {
    // A breakdown of a task of this committee, or a copy of a task of a committee above (a directive).
    const [parent] = await db
      .select({ committeeId: tasks.committeeId })
      .from(tasks)
      .innerJoin(committees, eq(committees.id, committeeId))
      .where(
        and(
          eq(tasks.id, body.parentTaskId),
          sql`(${tasks.committeeId} = ${committeeId} or ${committees.path} like '%/' || ${tasks.committeeId}::text || '/%')`,
        ),
      );
    if (!parent) throw new AppError('task.invalidReference', { detail: 'Nhiệm vụ cấp trên không hợp lệ.' });
  }
  const id = await db.transaction(async (tx) => {
    const newId = await insertTask(
      tx,
      actor,
      {
        ...body,
        committeeId,
        sourceKind: body.sourceKind,
        documentId: body.sourceKind === 'directive' ? body.documentId : null,
        sourceDate,
      },
      body.sourceKind === 'directive' ? 'Giao theo chỉ đạo của cấp trên' : 'Giao nhiệm vụ đột xuất',
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'task.created',
      entityType: 'task',
      entityId: newId,
      data: { committeeId, sourceKind: body.sourceKind },
    });
    return newId;
  });
  return getTask(db, actor, id);
}

// ——— Reading ———

export async function getTask(db: DbOrTx, actor: Actor, taskId: string): Promise<TaskDetail> {
  const standing = await loadTask(db, actor, taskId);
  const [row] = await selectTasks(db).where(eq(tasks.id, taskId));
  const window = await windowOf(db, standing.task.committeeId);
  const [events, progress, comments] = await Promise.all([
    db
      .select({ e: taskEvents, actorName: users.fullName })
      .from(taskEvents)
      .leftJoin(users, eq(users.id, taskEvents.actorId))
      .where(eq(taskEvents.taskId, taskId))
      .orderBy(asc(taskEvents.createdAt), asc(taskEvents.id)),
    db
      .select({ p: taskProgress, authorName: users.fullName, unitName: administrativeUnits.name })
      .from(taskProgress)
      .innerJoin(users, eq(users.id, taskProgress.userId))
      .leftJoin(administrativeUnits, eq(administrativeUnits.id, taskProgress.unitId))
      .where(eq(taskProgress.taskId, taskId))
      .orderBy(asc(taskProgress.createdAt), asc(taskProgress.id)),
    db
      .select({ c: taskComments, authorName: users.fullName })
      .from(taskComments)
      .innerJoin(users, eq(users.id, taskComments.userId))
      .where(eq(taskComments.taskId, taskId))
      .orderBy(asc(taskComments.createdAt), asc(taskComments.id)),
  ]);
  const fileIds = [...new Set(progress.flatMap((p) => p.p.fileIds))];
  const fileRows = fileIds.length ? await db.select().from(files).where(inArray(files.id, fileIds)) : [];
  const mentionIds = [...new Set(comments.flatMap((c) => c.c.mentions))];
  const mentioned = mentionIds.length
    ? await db
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, mentionIds))
    : [];
  return {
    ...toTaskDto(row!, window),
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
    progressReports: progress.map(({ p, authorName, unitName }) => ({
      id: p.id,
      percent: p.percent,
      text: p.text,
      files: p.fileIds.flatMap((fid) => {
        const f = fileRows.find((x) => x.id === fid);
        return f ? [toFileDto(f)] : [];
      }),
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
        fullName: mentioned.find((m) => m.id === uid)?.fullName ?? '',
      })),
      at: c.createdAt.toISOString(),
    })),
    allowedActions: allowedActions(standing),
  };
}

// ——— Transitions ———

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
    await tx
      .update(tasks)
      .set({ ...set, status: to, updatedAt: sql`now()` })
      .where(eq(tasks.id, taskId));
    await tx.insert(taskEvents).values({
      id: uuidv7(),
      createdAt: clock.now(),
      taskId,
      kind: eventKind,
      fromStatus: from,
      toStatus: to,
      actorId: actor.userId,
      reason,
      oldDeadline,
      newDeadline,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: `task.${eventKind}`,
      entityType: 'task',
      entityId: taskId,
      data: { from, to, reason, oldDeadline, newDeadline },
    });
    const title = t.title;
    const link = taskLink(taskId);
    if (body.action === 'submitDone') {
      await notifyAll(tx, await reviewerUserIds(tx, t), actor, {
        kind: 'task.submittedDone',
        title: `Báo cáo hoàn thành nhiệm vụ: ${title}`,
        link,
      });
    } else if (body.action === 'requestExtension') {
      await notifyAll(tx, await reviewerUserIds(tx, t, ['head']), actor, {
        kind: 'task.extensionRequested',
        title: `Đề nghị gia hạn nhiệm vụ: ${title}`,
        body: `Đề nghị hạn mới ${body.proposedDeadline.split('-').reverse().join('/')}: ${body.reason}`,
        link,
      });
    } else if (body.action !== 'start') {
      const what = {
        approveDone: 'Nhiệm vụ đã được xác nhận hoàn thành',
        return: 'Báo cáo hoàn thành bị trả lại',
        decideExtension:
          'decision' in body && body.decision === 'approve'
            ? 'Đề nghị gia hạn được chấp thuận'
            : 'Đề nghị gia hạn không được chấp thuận',
        cancel: 'Nhiệm vụ đã bị hủy',
      }[body.action];
      await notifyAll(tx, await assigneeUserIds(tx, t), actor, {
        kind: `task.${eventKind}`,
        title: `${what}: ${title}`,
        body: reason,
        link,
      });
    }
  });
  return getTask(db, actor, taskId);
}

// ——— Editing ———

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
    await assertUnits(tx, [
      ...(leadChanged && leadUnitId ? [leadUnitId] : []),
      ...(cooperatingUnitIds ?? []),
    ]);
    await assertSeats(
      tx,
      t.committeeId,
      [
        ...(leadChanged && leadMembershipId ? [leadMembershipId] : []),
        ...(body.responsibleMembershipId ? [body.responsibleMembershipId] : []),
      ],
      'Thành viên chủ trì hoặc người chịu trách nhiệm',
    );
    await assertSeats(tx, t.committeeId, cooperatingMembershipIds ?? [], 'Thành viên phối hợp');
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
      const kept = await tx.select().from(taskCooperators).where(eq(taskCooperators.taskId, taskId));
      const units = cooperatingUnitIds ?? kept.flatMap((c) => (c.unitId ? [c.unitId] : []));
      const seats = cooperatingMembershipIds ?? kept.flatMap((c) => (c.membershipId ? [c.membershipId] : []));
      const rows = cooperatorsOf(units, seats, leadUnitId, leadMembershipId);
      const key = (c: { unitId: string | null; membershipId: string | null }) =>
        `${c.unitId}|${c.membershipId}`;
      const before = new Set(kept.map(key));
      if (rows.length !== kept.length || rows.some((r) => !before.has(key(r)))) {
        changed.push('cooperators');
        await tx.delete(taskCooperators).where(eq(taskCooperators.taskId, taskId));
        if (rows.length)
          await tx.insert(taskCooperators).values(rows.map((c) => ({ id: uuidv7(), taskId, ...c })));
      }
    }
    // Nothing differs: nothing to record.
    if (!changed.length) return;
    await tx
      .update(tasks)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(tasks.id, taskId));
    await tx.insert(taskEvents).values({
      id: uuidv7(),
      createdAt: clock.now(),
      taskId,
      kind: 'edited',
      fromStatus: status,
      toStatus: status,
      actorId: actor.userId,
      reason: body.reason,
      data: { changed },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'task.edited',
      entityType: 'task',
      entityId: taskId,
      data: { changed, reason: body.reason },
    });
    const before = new Set(await assigneeUserIds(tx, t));
    const after = await assigneeUserIds(tx, { ...t, ...set } as TaskRow);
    await notifyAll(
      tx,
      after.filter((u) => !before.has(u)),
      actor,
      {
        kind: 'task.assigned',
        title: `Nhiệm vụ được giao lại: ${set.title ?? t.title}`,
        body: `Hạn hoàn thành: ${t.deadline.split('-').reverse().join('/')}. ${body.reason}`,
        link: taskLink(taskId),
      },
    );
  });
  return getTask(db, actor, taskId);
}

// ——— Progress and comments ———

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
    if (fileIds.length) {
      const found = await tx
        .select({ id: files.id })
        .from(files)
        .where(and(inArray(files.id, fileIds), eq(files.committeeId, s.task.committeeId)));
      if (found.length !== fileIds.length)
        throw new AppError('task.invalidReference', {
          detail: 'Tệp minh chứng không thuộc Ban Chỉ đạo này.',
        });
    }
    await tx.insert(taskProgress).values({
      id: uuidv7(),
      createdAt: clock.now(),
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
      await tx
        .update(tasks)
        .set({
          progress: body.percent,
          ...(starting ? { status: 'inProgress' as const } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(tasks.id, taskId));
      if (starting) {
        await tx.insert(taskEvents).values({
          id: uuidv7(),
          createdAt: clock.now(),
          taskId,
          kind: 'started',
          fromStatus: 'new',
          toStatus: 'inProgress',
          actorId: actor.userId,
          reason: 'Báo cáo tiến độ lần đầu',
        });
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
    if (mentions.length) {
      const found = await tx
        .selectDistinct({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.committeeId, s.task.committeeId),
            inArray(memberships.userId, mentions),
            seatInForce(clock.today()),
          ),
        );
      if (found.length !== mentions.length) throw new AppError('task.mentionNotMember');
    }
    await tx.insert(taskComments).values({
      id: uuidv7(),
      taskId,
      userId: actor.userId,
      text: body.text,
      mentions,
      createdAt: clock.now(),
    });
    await notifyAll(tx, mentions, actor, {
      kind: 'task.mentioned',
      title: `${actor.fullName} nhắc đến bạn trong nhiệm vụ: ${s.task.title}`,
      body: body.text.slice(0, 500),
      link: taskLink(taskId),
    });
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
