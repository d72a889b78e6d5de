import { Problem } from '@steerco/contract/problem';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { expect } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { connectDatabase, type Db } from '../src/db/client.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { createTestDatabase } from './db.ts';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  config: Config;
  url: string;
  close(): Promise<void>;
}

/** An app on its own fresh database. `seed` loads the Phúc La demo data. */
export async function createTestContext(
  opts: { env?: Record<string, string>; seed?: boolean } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    WEB_DIST_DIR: '/nonexistent',
    ...opts.env,
  });
  const connection = connectDatabase(database.url, 5);
  if (opts.seed) await seedDemo(connection.db);
  const app = await buildApp({ db: connection.db, config, logger: pino({ level: 'silent' }) });
  await app.ready();
  return {
    app,
    db: connection.db,
    config,
    url: database.url,
    close: async () => {
      await app.close();
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
