import type { TaskEventKind } from '@steerco/contract/tasks';
import type { Actor } from '../../http/permissions.ts';
import type { TaskRow } from './tasks.repo.ts';

/** A task was assigned: created from any source (ad hoc, directive, conclusion, plan item, breakdown). */
export interface TaskCreated {
  actor: Actor;
  task: TaskRow;
}

/** A task moved through its state machine. */
export interface TaskTransitioned {
  actor: Actor;
  task: TaskRow;
  action:
    | 'start'
    | 'submitDone'
    | 'approveDone'
    | 'return'
    | 'requestExtension'
    | 'decideExtension'
    | 'cancel';
  /** The history event recorded (an extension's decision: approved or rejected). */
  kind: TaskEventKind;
  reason: string | null;
  /** For an extension request: the deadline asked for. */
  proposedDeadline: string | null;
}

/** An open task was corrected or reassigned. */
export interface TaskEdited {
  actor: Actor;
  before: TaskRow;
  after: TaskRow;
  reason: string;
}

/** A comment on a task, mentioning members of its committee. */
export interface TaskCommented {
  actor: Actor;
  task: TaskRow;
  text: string;
  mentions: string[];
}

declare module '../../events/bus.ts' {
  interface DomainEvents {
    'task.created': TaskCreated;
    'task.transitioned': TaskTransitioned;
    'task.edited': TaskEdited;
    'task.commented': TaskCommented;
  }
}
