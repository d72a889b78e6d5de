import { TransactionRollbackError } from 'drizzle-orm';

const pgCode = (err: unknown): string | undefined => {
  const e = ((err as { cause?: unknown })?.cause ?? err) as { code?: unknown };
  return typeof e?.code === 'string' ? e.code : undefined;
};

/** The SQLSTATE of a PostgreSQL error, also when drizzle wrapped it ("Failed query: …"). */
export function pgSqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    const severity = (e as { severity?: unknown }).severity;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && severity !== undefined) return code;
  }
  return undefined;
}

/** True when `err` is PostgreSQL's unique_violation (23505), optionally on the named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { cause?: unknown }).cause ?? err;
  const pgErr = e as { code?: string; constraint?: string };
  return pgErr.code === '23505' && (!constraint || pgErr.constraint === constraint);
}

/** A transaction ended by `tx.rollback()` (a deliberate, quiet rollback). */
export const isRollback = (err: unknown) => err instanceof TransactionRollbackError;

// Class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now), 53300 (too many
// connections), 57P05 (idle session timeout), and the socket errors of a server that went away.
const LOST_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '57P05',
  '53300',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
const LOST_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed and is not queryable|terminating connection|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect/i;

/**
 * True when `err` says the database is unreachable or dropped the connection (a restart, a fail-over, a
 * terminated backend), as opposed to a query that failed on its own: the request may simply be retried.
 */
export function isConnectionLost(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = pgCode(e) ?? (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('08') || LOST_CODES.has(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && LOST_MESSAGES.test(message)) return true;
  }
  return false;
}
