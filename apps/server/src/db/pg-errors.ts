import { TransactionRollbackError } from 'drizzle-orm';
/** True when `err` is PostgreSQL's unique_violation (23505), optionally on the named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { cause?: unknown }).cause ?? err;
  const pgErr = e as { code?: string; constraint?: string };
  return pgErr.code === '23505' && (!constraint || pgErr.constraint === constraint);
}

/** A transaction ended by `tx.rollback()` (a deliberate, quiet rollback). */
export const isRollback = (err: unknown) => err instanceof TransactionRollbackError;
