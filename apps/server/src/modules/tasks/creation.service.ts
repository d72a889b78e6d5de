import { todayInVietnam } from '@steerco/contract/datetime';
import type { CreateTaskBody } from '@steerco/contract/tasks';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { emit } from '../../events/bus.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { assertCommittee, loadCommitteeAccess } from '../committees/access.service.ts';
import { assertDomains } from '../committees/committees.service.ts';
import { assertSeatsInForce, isDutyOf, soleSeatOfUnit } from '../committees/seats.service.ts';
import { findIncomingDocument } from '../documents/registry.service.ts';
import { assertUnitsExist } from '../units/units.service.ts';
import { getTask } from './detail.service.ts';
import { insertTaskEvents } from './history.repo.ts';
import {
  type Cooperator,
  insertCooperators,
  insertTaskRow,
  isParentTaskOf,
  type TaskRow,
} from './tasks.repo.ts';

/** R1: the lead and the people answering for the task are seats of the committee in force today. */
export async function assertTaskPeople(
  tx: DbOrTx,
  committeeId: string,
  p: {
    leadMembershipId?: string | null;
    responsibleMembershipId?: string | null;
    cooperatingMembershipIds: string[];
  },
) {
  const today = clock.today();
  await assertSeatsInForce(
    tx,
    committeeId,
    [
      ...(p.leadMembershipId ? [p.leadMembershipId] : []),
      ...(p.responsibleMembershipId ? [p.responsibleMembershipId] : []),
    ],
    today,
    'Thành viên chủ trì hoặc người chịu trách nhiệm',
  );
  await assertSeatsInForce(tx, committeeId, p.cooperatingMembershipIds, today, 'Thành viên phối hợp');
}

export const assertTaskUnits = (tx: DbOrTx, ids: string[]) =>
  assertUnitsExist(tx, ids, 'Đơn vị chủ trì hoặc phối hợp không tồn tại.');

/** The one seat of the lead unit on the committee, when there is exactly one: it answers for the task. */
export const responsibleOfUnit = (tx: DbOrTx, committeeId: string, unitId: string) =>
  soleSeatOfUnit(tx, committeeId, unitId, clock.today());

/** The co-operator rows of a task: each unit and seat once, never the lead itself. */
export function cooperatorsOf(
  unitIds: string[],
  membershipIds: string[],
  leadUnitId: string | null | undefined,
  leadMembershipId: string | null | undefined,
): Cooperator[] {
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
 * it by the calendar), the creation event, and the `task.created` event (its people are told). Returns the id.
 * Every source of tasks goes through it: ad hoc and directives, conclusions, plan items, cascades.
 */
export async function insertTask(tx: DbOrTx, actor: Actor, input: NewTask, reason: string) {
  if (!!input.leadUnitId === !!input.leadMembershipId) throw new AppError('task.invalidLead');
  await assertTaskUnits(tx, [...(input.leadUnitId ? [input.leadUnitId] : []), ...input.cooperatingUnitIds]);
  await assertTaskPeople(tx, input.committeeId, input);
  if (input.dutyId && !(await isDutyOf(tx, input.dutyId, input.committeeId)))
    throw new AppError('task.invalidReference', {
      detail: 'Nhiệm vụ được phân công của thành viên không thuộc Ban Chỉ đạo.',
    });
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
  const created = await insertTaskRow(tx, {
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
  });
  await insertCooperators(
    tx,
    id,
    cooperatorsOf(
      input.cooperatingUnitIds,
      input.cooperatingMembershipIds,
      input.leadUnitId,
      input.leadMembershipId,
    ),
  );
  await insertTaskEvents(tx, [
    { taskId: id, kind: 'created', toStatus: 'new', actorId: actor.userId, reason, newDeadline: deadline },
  ]);
  await emit(tx, 'task.created', { actor, task: created });
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
    const doc = await findIncomingDocument(db, committeeId, body.documentId!);
    if (!doc) throw new AppError('task.invalidReference', { detail: 'Văn bản đến không thuộc Ban Chỉ đạo.' });
    sourceDate = body.sourceDate ?? doc.issuedOn ?? todayInVietnam(doc.createdAt);
  }
  // A breakdown of a task of this committee, or a copy of a task of a committee above (a directive).
  if (body.parentTaskId && !(await isParentTaskOf(db, body.parentTaskId, committeeId)))
    throw new AppError('task.invalidReference', { detail: 'Nhiệm vụ cấp trên không hợp lệ.' });
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
