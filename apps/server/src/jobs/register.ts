import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { registerDocumentJobs } from '../modules/documents/documents.jobs.ts';
import { registerMailJobs } from '../modules/mail/mail.jobs.ts';
import { registerMeetingJobs } from '../modules/meetings/meetings.jobs.ts';
import { registerTaskJobs } from '../modules/tasks/tasks.jobs.ts';
import type { JobQueue } from './queue.ts';

export interface JobDeps {
  db: Db;
  config: Config;
  logger: Logger;
}

/** Every module's queues, workers and schedules: the one list main and the tests start. */
export async function registerJobs(queue: JobQueue, deps: JobDeps): Promise<void> {
  await registerMailJobs(queue, deps);
  await registerMeetingJobs(queue, deps);
  await registerDocumentJobs(queue, deps);
  await registerTaskJobs(queue, deps);
}
