import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

/** What a module's job registration receives (see src/wiring.ts). */
export interface JobDeps {
  db: Db;
  config: Config;
  logger: Logger;
}

/**
 * pg-boss queue policies. `short` keeps at most one *queued* job per singleton key, which is what makes
 * "dispatch the same e-mail twice" harmless; `standard` does no de-duplication.
 */
export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

export interface QueueOptions {
  policy?: QueuePolicy;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Double the delay on each retry (with jitter). */
  retryBackoff?: boolean;
  /** How long one attempt may run before pg-boss counts it as failed. */
  expireInSeconds?: number;
}

export interface SendOptions {
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  startAfter?: Date;
}

export interface WorkOptions {
  /** Jobs of this queue run at once in this process (each one its own polling worker). */
  concurrency?: number;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
  /** Attempts already made before this one. */
  retryCount: number;
  retryLimit: number;
}

export interface JobQueue {
  readonly logger: Logger;
  /** Creates the queue, or brings an existing one to these options. */
  createQueue(name: string, options?: QueueOptions): Promise<void>;
  /** The job id, or null when a job with the same singleton key is already queued. */
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` for each job; a throw fails the attempt and pg-boss retries it per the queue's policy. */
  work<T extends object>(
    name: string,
    handler: (job: Job<T>) => Promise<void>,
    options?: WorkOptions,
  ): Promise<void>;
  /** Sends a job on a cron schedule (Vietnamese time), once per slot across every instance. */
  schedule(name: string, cron: string, data?: object): Promise<void>;
  /** Stops fetching, lets running jobs finish (up to a timeout), then closes the connections. */
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  url: string;
  logger: Logger;
  /** False: this process only sends jobs (work() registers nothing); other instances run them. */
  workers: boolean;
  /** How often an idle worker asks for jobs. Jobs sent from this process wake its workers at once. */
  pollingIntervalSeconds?: number;
  /** Graceful stop: how long running jobs may take before they are failed (and retried elsewhere). */
  stopTimeoutMs?: number;
}

// The server has 2 cores: a small pool, and few jobs at once per queue.
const POOL_SIZE = 4;
const DEFAULT_CONCURRENCY = 2;

/**
 * Starts pg-boss on the app's own database, in its own `pgboss` schema. pg-boss installs and upgrades that
 * schema itself under an advisory lock, so several instances may start at once.
 */
export async function startJobQueue(opts: JobQueueOptions): Promise<JobQueue> {
  const logger = opts.logger.child({ component: 'jobs' });
  const boss = new PgBoss({
    connectionString: opts.url,
    schema: 'pgboss',
    application_name: 'steerco-jobs',
    max: POOL_SIZE,
    // Maintenance and cron run only where jobs run; a send-only process stays passive.
    supervise: opts.workers,
    schedule: opts.workers,
    pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2,
  });
  // Without a listener an 'error' event would crash the process; pg-boss retries its own loops.
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  await boss.start();

  const created = new Map<string, Promise<void>>();
  const workerIds = new Map<string, string[]>();

  // pg-boss 10 silently drops jobs sent to a queue that does not exist: make sure it does, once per process.
  const ensureQueue = (name: string) => {
    let done = created.get(name);
    if (!done) {
      done = boss.createQueue(name);
      done.catch(() => created.delete(name));
      created.set(name, done);
    }
    return done;
  };

  const queue: JobQueue = {
    logger,

    async createQueue(name, options = {}) {
      const settings: PgBoss.Queue = defined({
        name,
        policy: options.policy ?? 'standard',
        retryLimit: options.retryLimit,
        retryDelay: options.retryDelaySeconds,
        retryBackoff: options.retryBackoff,
        expireInSeconds: options.expireInSeconds,
      });
      await boss.createQueue(name, settings);
      // createQueue leaves an existing queue alone: apply changed settings (e.g. a new retry limit) too.
      await boss.updateQueue(name, settings);
      created.set(name, Promise.resolve());
    },

    async send(name, data, options = {}) {
      await ensureQueue(name);
      const id = await boss.send(
        name,
        data,
        defined({
          singletonKey: options.singletonKey,
          retryLimit: options.retryLimit,
          retryDelay: options.retryDelaySeconds,
          retryBackoff: options.retryBackoff,
          startAfter: options.startAfter,
        }),
      );
      // A worker of this process for that queue fetches now instead of at its next poll.
      if (id) for (const workerId of workerIds.get(name) ?? []) boss.notifyWorker(workerId);
      return id;
    },

    async work<T extends object>(
      name: string,
      handler: (job: Job<T>) => Promise<void>,
      options: WorkOptions = {},
    ) {
      if (!opts.workers) return;
      await ensureQueue(name);
      const ids = workerIds.get(name) ?? [];
      for (let i = 0; i < (options.concurrency ?? DEFAULT_CONCURRENCY); i++) {
        let id = '';
        id = await boss.work<T>(name, { includeMetadata: true, batchSize: 1 }, async (jobs) => {
          try {
            for (const job of jobs) {
              await handler({
                id: job.id,
                name: job.name,
                data: job.data,
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
              });
            }
          } finally {
            // pg-boss 10 sleeps a polling interval after every job, even with more waiting: a worker that
            // found work asks again at once, so a batch of 30 invitations does not take a minute.
            boss.notifyWorker(id);
          }
        });
        ids.push(id);
      }
      workerIds.set(name, ids);
    },

    async schedule(name, cron, data = {}) {
      await ensureQueue(name);
      // Committee work follows the Vietnamese clock (e.g. "8:00 every working day").
      await boss.schedule(name, cron, data, { tz: 'Asia/Ho_Chi_Minh' });
    },

    async stop() {
      await boss.stop({ graceful: true, wait: true, close: true, timeout: opts.stopTimeoutMs ?? 10_000 });
    },
  };
  return queue;
}

/** pg-boss validates every option *present*, even an undefined one: leave unset options out. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
