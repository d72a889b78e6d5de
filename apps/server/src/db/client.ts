import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import { isConnectionLost } from './pg-errors.ts';

/** Queries are built from each module's tables (no relational query API, so no schema is registered here). */
export type Db = NodePgDatabase;
/** A transaction handle; repositories take it (or the db) as their first argument. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

// DATE columns stay 'YYYY-MM-DD' strings: a calendar date has no time zone.
pg.types.setTypeParser(1082, (v) => v);
// BIGINT counts fit in a JS number for our sizes.
pg.types.setTypeParser(20, (v) => Number(v));

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

/**
 * A pool that survives the database going away. `pg` emits 'error' on a client whose connection dies (a
 * restart, a fail-over, `pg_terminate_backend`): the pool listens on *idle* clients only, and an 'error'
 * event nobody listens to ends the process. Every client gets a listener from the moment it connects, so a
 * client checked out by a running request only fails that request's query (answered 503, see
 * db/pg-errors.ts); the pool discards the broken client and connects a new one for the next request.
 */
export function createPool(url: string, poolSize = 10, log?: Pick<Logger, 'warn'>): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'steerco',
    // No connection timeout: it also counts the wait for a free client, and a busy instance would answer 503
    // to requests merely queued behind others (50 concurrent issues on a pool of 5 did).
  });
  const onError = (err: Error) => log?.warn({ err: err.message }, 'database connection lost');
  pool.on('error', onError); // idle clients
  pool.on('connect', (client) => client.on('error', onError)); // clients in use, too
  releaseBrokenClients(pool);
  return pool;
}

/**
 * A transaction's client (checked out with `pool.connect()`) goes back to the pool, as broken, as soon as one of
 * its queries meets a lost connection. Drizzle releases it in a `finally` that its `begin` is outside of: a
 * `begin` on a dead connection would keep the client checked out for ever, and a few outages would exhaust
 * the pool (and hang `pool.end()`). Release is made idempotent, so drizzle's own release is harmless after ours.
 */
function releaseBrokenClients(pool: pg.Pool) {
  const connect = pool.connect.bind(pool) as (cb?: unknown) => Promise<pg.PoolClient> | undefined;
  (pool as { connect: unknown }).connect = (cb?: unknown) => {
    // pool.query() checks out with a callback and releases on error itself.
    if (typeof cb === 'function') return connect(cb);
    return connect()!.then((client) => {
      const release = client.release.bind(client);
      let released = false;
      client.release = (err?: Error | boolean) => {
        if (released) return;
        released = true;
        release(err);
      };
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const result = query(...args);
        if (result && typeof (result as Promise<unknown>).catch === 'function') {
          (result as Promise<unknown>).catch((err: unknown) => {
            if (isConnectionLost(err)) client.release(err as Error);
          });
        }
        return result;
      };
      return client;
    });
  };
}

export function connectDatabase(url: string, poolSize = 10, log?: Pick<Logger, 'warn'>): Database {
  const pool = createPool(url, poolSize, log);
  const db = drizzle(pool, { casing: 'snake_case' });
  runStartHookInTransactions(db);
  return { pool, db, close: () => pool.end() };
}

type TransactionStartHook = (tx: Tx) => Promise<void>;
const transactionStart = new AsyncLocalStorage<TransactionStartHook>();

/**
 * Runs `fn` so that every transaction it opens first runs `hook` inside that transaction: a request's own record
 * (e.g. its idempotency key marked as applied) commits or rolls back with whatever the request writes.
 */
export function withTransactionStart<T>(hook: TransactionStartHook, fn: () => T): T {
  return transactionStart.run(hook, fn);
}

function runStartHookInTransactions(db: Db) {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) =>
    transaction(async (tx) => {
      await transactionStart.getStore()?.(tx);
      return fn(tx);
    }, config)) as Db['transaction'];
}

/** One round trip to the database (the health checks): resolves when it answers. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
