import { OPEN_TASK_STATUSES, type TaskAction, type TaskStatus } from '@steerco/contract/tasks';
import type { CommitteeAccess } from '../committees/access.service.ts';
import type { TaskRow } from './tasks.repo.ts';

// Who may do what on one task: the state machine and the rights each step needs (issue #8).

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

export type Transition = Exclude<TaskAction, 'reportProgress' | 'edit'>;

/** The state machine: from which statuses each transition may start, and who may ask for it. */
export const TRANSITIONS: Record<
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

/** A progress report is taken while the task is still being worked on (or awaits review). */
export const PROGRESS_STATUSES: TaskStatus[] = [
  'new',
  'inProgress',
  'returned',
  'extensionRequested',
  'submittedDone',
];

export function mayReportProgress(s: TaskStanding) {
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
