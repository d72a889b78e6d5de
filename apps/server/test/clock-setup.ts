import { setClock } from '../src/clock.ts';

/**
 * Every server test runs on the server's clock set to a fixed instant, never on the day the suite happens to
 * run: STEERCO_TEST_NOW (an ISO instant, e.g. `2026-12-31T09:00:00+07:00`) or an ordinary Thursday morning.
 * The clock keeps running from there; a test moves it with `setClock`/`advanceClock` (src/clock.ts).
 */
export const TEST_NOW = process.env.STEERCO_TEST_NOW ?? '2026-10-15T09:00:00+07:00';
setClock(TEST_NOW);
