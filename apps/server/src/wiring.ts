// The one place where modules meet at start-up (STYLE §10, §11): every cross-module reaction to a domain event,
// and every background job. Read it as the map of what reacts to what; `app.ts` and `main.ts` call it.
import { type EventBus, events } from './events/bus.ts';
import { registerIdempotencyJobs } from './http/idempotency.ts';
import { registerPolicy } from './http/permissions.ts';
import type { JobDeps, JobQueue } from './jobs/queue.ts';
import { COMMITTEE_ACTIONS, canOnCommittee } from './modules/committees/committees.policy.ts';
import { committeeFigureSource } from './modules/committees/report-figures.service.ts';
import { registerDocumentJobs } from './modules/documents/documents.jobs.ts';
import { documentFigureSource } from './modules/documents/report-figures.service.ts';
import { registerFileJobs } from './modules/files/files.jobs.ts';
import { registerIndicatorJobs } from './modules/indicators/indicators.jobs.ts';
import { indicatorFigureSource } from './modules/indicators/report-figures.service.ts';
import { registerMailJobs } from './modules/mail/mail.jobs.ts';
import { registerMeetingJobs } from './modules/meetings/meetings.jobs.ts';
import { meetingFigureSource } from './modules/meetings/report-figures.service.ts';
import { registerFigureSource } from './modules/reports/figures.service.ts';
import { registerReportJobs } from './modules/reports/reports.jobs.ts';
import { createTasksFromConclusions } from './modules/tasks/from-conclusions.service.ts';
import { moveOpenTasks } from './modules/tasks/hand-over.service.ts';
import { taskFigureSource } from './modules/tasks/report-figures.service.ts';
import {
  notifyTaskCommented,
  notifyTaskCreated,
  notifyTaskEdited,
  notifyTaskTransitioned,
} from './modules/tasks/task-notifications.service.ts';
import { registerTaskJobs } from './modules/tasks/tasks.jobs.ts';

/** Registers every reaction on `bus` and seals it. */
export function wireReactions(bus: EventBus): void {
  bus
    // R13/R5: approved conclusions become follow-up tasks, in the approval's transaction.
    .on('conclusions.approved', 'tasks', createTasksFromConclusions)
    // R14: a replaced seat hands its open tasks to the replacement (counted in the change's moved items).
    .on('seat.replaced', 'tasks', moveOpenTasks)
    // Task events tell the people concerned, in the app.
    .on('task.created', 'notifications', notifyTaskCreated)
    .on('task.transitioned', 'notifications', notifyTaskTransitioned)
    .on('task.edited', 'notifications', notifyTaskEdited)
    .on('task.commented', 'notifications', notifyTaskCommented);
  bus.seal();
}

/** The module policies the HTTP layer's `can` consults, by action. */
export function wirePolicies(): void {
  // Committee actions (members, meetings, documents, tasks, plans): the actor's standing on the committee.
  registerPolicy(COMMITTEE_ACTIONS, canOnCommittee);
}

/**
 * Where reports' pre-filled figures come from (R16): each module's own figures for a cut-off window, and the
 * Indicators module's approved values of the period (R19).
 */
export function wireFigureSources(): void {
  registerFigureSource(meetingFigureSource);
  registerFigureSource(taskFigureSource);
  registerFigureSource(documentFigureSource);
  registerFigureSource(committeeFigureSource);
  // R19 → R16: a regime's field `indicators.<code>` takes the committee's approved value of the period.
  registerFigureSource(indicatorFigureSource);
}

/** Wires the process's modules once (the app, the CLI and the tests may each ask). */
export function wireModules(): void {
  if (events.sealed) return;
  wirePolicies();
  wireFigureSources();
  wireReactions(events);
}

/** Every module's queues, workers and schedules: the one list main and the tests start. */
export async function registerJobs(queue: JobQueue, deps: JobDeps): Promise<void> {
  wireModules();
  await registerMailJobs(queue, deps);
  await registerMeetingJobs(queue, deps);
  await registerDocumentJobs(queue, deps);
  await registerTaskJobs(queue, deps);
  await registerReportJobs(queue, deps);
  await registerFileJobs(queue, deps);
  await registerIdempotencyJobs(queue, deps);
  await registerIndicatorJobs(queue, deps);
}
