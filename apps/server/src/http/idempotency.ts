import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import * as clock from '../clock.ts';
import { type Db, withTransactionStart } from '../db/client.ts';
import type { JobDeps, JobQueue } from '../jobs/queue.ts';
import { AppError } from './errors.ts';
import {
  deleteKeysBefore,
  findKey,
  insertKey,
  markApplied,
  releaseUnapplied,
  restartExpiredKey,
  saveAnswer,
  takeOverAbandonedKey,
} from './idempotency.repo.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A creating write: a retry with the same `Idempotency-Key` returns the first answer and writes nothing. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key is remembered. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A request still unapplied after this long has died (requests answer within seconds): a retry may run. */
const ABANDONED_AFTER_MS = 60 * 1000;
const KEY = /^[\x21-\x7e]{8,200}$/;

/**
 * `Idempotency-Key` on creating writes (issue #17): a client that lost the answer to a create (a dropped
 * connection, a server killed after its commit) retries with the same key and gets the first answer back,
 * across instances, for 24 hours, without a second record. The key is claimed before the handler runs, marked
 * applied inside the handler's transaction, and the answer kept when sent.
 */
export function registerIdempotency(app: FastifyInstance, db: Db) {
  app.decorateRequest('idempotency', null);
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function (this: FastifyInstance, request, reply) {
      const key = request.headers[IDEMPOTENCY_HEADER];
      if (key === undefined || !request.actor) return handler.call(this, request, reply);
      if (typeof key !== 'string' || !KEY.test(key)) throw new AppError('request.idempotencyKey');
      const owner = { userId: request.actor.userId, key };
      const claim = await claimKey(db, owner, fingerprintOf(request));
      if (claim !== 'new') return claim(reply);
      request.idempotency = owner;
      return withTransactionStart(
        (tx) => markApplied(tx, owner, clock.now()),
        () => handler.call(this, request, reply),
      );
    } as RouteHandlerMethod;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const owner = request.idempotency;
    if (!owner) return payload;
    request.idempotency = null;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : '';
    const answer = {
      statusCode: reply.statusCode,
      contentType: stringHeader(reply.getHeader('content-type')),
      body,
    };
    // A failed request that wrote nothing frees its key; an applied one keeps its answer for the retries.
    if (reply.statusCode >= 400 && (await releaseUnapplied(db, owner))) return payload;
    await saveAnswer(db, owner, answer);
    return payload;
  });
}

type Replay = (reply: FastifyReply) => FastifyReply;

async function claimKey(
  db: Db,
  owner: { userId: string; key: string },
  fingerprint: string,
  attempt = 1,
): Promise<'new' | Replay> {
  const now = clock.now();
  const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS);
  if (await insertKey(db, owner, fingerprint, now)) return 'new';
  if (await restartExpiredKey(db, owner, fingerprint, now, expiredBefore)) return 'new';
  const row = await findKey(db, owner);
  // Freed meanwhile by a request that failed: claim it again (once).
  if (!row) {
    if (attempt === 1) return claimKey(db, owner, fingerprint, 2);
    throw new AppError('request.idempotencyInFlight', { headers: { 'retry-after': '1' } });
  }
  if (row.fingerprint !== fingerprint) throw new AppError('request.idempotencyMismatch');
  if (row.statusCode !== null) {
    const { statusCode, contentType, body } = row;
    return (reply) => {
      if (contentType) reply.header('content-type', contentType);
      return reply
        .code(statusCode)
        .header('idempotent-replayed', 'true')
        .send(body ?? '');
    };
  }
  // Committed, but its answer was lost (the server stopped before sending it): never write it twice.
  if (row.appliedAt) throw new AppError('request.alreadyApplied');
  const abandonedBefore = new Date(now.getTime() - ABANDONED_AFTER_MS);
  if (await takeOverAbandonedKey(db, owner, fingerprint, now, abandonedBefore)) return 'new';
  throw new AppError('request.idempotencyInFlight', { headers: { 'retry-after': '2' } });
}

/** The request a key stands for: method, path and body (an upload by its type and size). */
function fingerprintOf(request: FastifyRequest): string {
  const body = request.isMultipart()
    ? `${request.headers['content-type']?.split(';')[0]}:${request.headers['content-length'] ?? ''}`
    : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n${body}`).digest('hex');
}

const stringHeader = (v: ReturnType<FastifyReply['getHeader']>) => (typeof v === 'string' ? v : null);

/** Forgets keys past the retention (run daily with the other sweeps). */
export async function forgetOldIdempotencyKeys(db: Db): Promise<number> {
  return deleteKeysBefore(db, new Date(clock.now().getTime() - IDEMPOTENCY_RETENTION_MS));
}

export const IDEMPOTENCY_SWEEP_JOB = 'platform.forget-idempotency-keys';

/** Once a day, one instance forgets the keys past their 24 hours. */
export async function registerIdempotencyJobs(queue: JobQueue, { db, logger }: JobDeps): Promise<void> {
  await queue.createQueue(IDEMPOTENCY_SWEEP_JOB, {
    policy: 'singleton',
    retryLimit: 2,
    expireInSeconds: 1800,
  });
  await queue.work(
    IDEMPOTENCY_SWEEP_JOB,
    async () => {
      const forgotten = await forgetOldIdempotencyKeys(db);
      if (forgotten) logger.info({ forgotten }, 'idempotency keys forgotten');
    },
    { concurrency: 1 },
  );
  await queue.schedule(IDEMPOTENCY_SWEEP_JOB, '40 2 * * *');
}
