import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, can } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { getSettings } from '../committees/committees.service.ts';
import { findSeatUnit } from '../committees/seats.service.ts';
import type { TaskStanding } from './tasks.policy.ts';
import { cooperates, type DeadlineWindow, deadlineWindow, findTaskRow } from './tasks.repo.ts';

/** The display-status window of a committee: "due soon" within its configured working days (default 3). */
export async function windowOf(db: DbOrTx, committeeId: string): Promise<DeadlineWindow> {
  const settings = await getSettings(db, committeeId);
  return deadlineWindow(await getWorkingCalendar(db), settings.taskDueSoonWorkingDays ?? 3);
}

/**
 * Loads a task and the actor's standing on it. A task is seen by whoever sees its committee (members, the
 * committees above); anyone else gets 404, as if it did not exist. `lock` locks the row for a change.
 */
export async function loadTask(
  db: DbOrTx,
  actor: Actor,
  taskId: string,
  lock = false,
): Promise<TaskStanding> {
  const task = await findTaskRow(db, taskId, lock);
  if (!task) throw new AppError('task.notFound');
  const { access } = await loadCommitteeAccess(db, actor, task.committeeId).catch((err) => {
    if (err instanceof AppError && err.code === 'committee.notFound') throw new AppError('task.notFound');
    throw err;
  });
  const seat = access.membership ? ((await findSeatUnit(db, access.membership.id)) ?? null) : null;
  const mayUpdateOwn = can(actor, 'task.updateOwn', { committee: access });
  const isAssignee =
    !!seat &&
    mayUpdateOwn &&
    (seat.id === task.leadMembershipId ||
      seat.id === task.responsibleMembershipId ||
      (!!task.leadUnitId && seat.unitId === task.leadUnitId));
  const isCooperator = seat && mayUpdateOwn ? await cooperates(db, taskId, seat) : false;
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
