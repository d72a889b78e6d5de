import { todayInVietnam } from '@steerco/contract/datetime';

/**
 * The one clock of the server: every business rule that depends on the time (a meeting is held from its start,
 * a task is overdue after its deadline, a notice is late) reads it here, never `Date.now()` or SQL `now()`, so
 * that tests can set it (STYLE §12). Technical timestamps (sessions, lockouts, the mail outbox, `updated_at`)
 * stay on the real time.
 *
 * Production never moves it: `setClock` is called by the test setup, and by the test-only clock route that the
 * server mounts only with NODE_ENV=test and TEST_CLOCK=true (see config).
 */
let offsetMs = 0;
let frozenAt: number | null = null;

/** The current instant. */
export function now(): Date {
  return new Date(frozenAt ?? Date.now() + offsetMs);
}

/** Today's calendar date in Viet Nam (`YYYY-MM-DD`). */
export function today(): string {
  return todayInVietnam(now());
}

/**
 * Tests only: moves the clock to `at`. By default it keeps running from there (durations stay real);
 * `frozen` stops it at that instant. `null` goes back to the real time.
 */
export function setClock(at: Date | string | null, opts: { frozen?: boolean } = {}): void {
  if (at === null) {
    offsetMs = 0;
    frozenAt = null;
    return;
  }
  const target = new Date(at).getTime();
  if (Number.isNaN(target)) throw new Error(`setClock: not a date: ${String(at)}`);
  frozenAt = opts.frozen ? target : null;
  offsetMs = opts.frozen ? 0 : target - Date.now();
}

/** Tests only: moves the clock forward (or back, with a negative amount) by `ms`. */
export function advanceClock(ms: number): void {
  if (frozenAt !== null) frozenAt += ms;
  else offsetMs += ms;
}
