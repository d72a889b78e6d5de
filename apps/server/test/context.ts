import { Problem } from '@steerco/contract/problem';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { expect } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { connectDatabase, type Db } from '../src/db/client.ts';
import { type JobQueue, startJobQueue } from '../src/jobs/queue.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { registerJobs } from '../src/wiring.ts';
import { createTestDatabase } from './db.ts';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  config: Config;
  url: string;
  /** The job queue with workers on this database, when asked for with `jobs: true`. */
  jobs: JobQueue | null;
  close(): Promise<void>;
}

/** pg-boss polls this often in tests (its minimum), so retries and the sweeper show up quickly. */
export const TEST_POLLING_SECONDS = 0.5;

/**
 * An app on its own fresh database. `seed` loads the Phúc La demo data. `jobs` starts a job queue with the
 * mail workers on that database; `smtpUrl` is where they deliver (see test/smtp.ts), otherwise mail is off.
 */
export async function createTestContext(
  opts: { env?: Record<string, string>; seed?: boolean; jobs?: boolean; smtpUrl?: string } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    WEB_DIST_DIR: '/nonexistent',
    JOBS_ENABLED: opts.jobs ? 'true' : 'false',
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    // One quick retry, so a test of a failed delivery does not wait a minute.
    MAIL_RETRY_DELAY_SECONDS: '1',
    ...opts.env,
  });
  const connection = connectDatabase(database.url, 5);
  if (opts.seed) await seedDemo(connection.db);
  const logger = pino({ level: 'silent' });
  let jobs: JobQueue | null = null;
  if (config.JOBS_ENABLED) {
    jobs = await startJobQueue({
      url: database.url,
      logger,
      workers: true,
      pollingIntervalSeconds: TEST_POLLING_SECONDS,
      stopTimeoutMs: 2_000,
    });
    await registerJobs(jobs, { db: connection.db, config, logger });
  }
  const app = await buildApp({ db: connection.db, config, logger, jobs });
  await app.ready();
  return {
    app,
    db: connection.db,
    config,
    url: database.url,
    jobs,
    close: async () => {
      await app.close();
      await jobs?.stop();
      await connection.close();
      await database.drop();
    },
  };
}

/** Asserts an RFC 9457 problem response with the given status and stable code, and returns its body. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = Problem.parse(res.json());
  expect(body.code).toBe(code);
  expect(body.type).toBe(`urn:steerco:problem:${code}`);
  expect(body.status).toBe(status);
  expect(body.title).toMatch(/[À-ỹ]/); // a Vietnamese title, with diacritics
  return body;
}
