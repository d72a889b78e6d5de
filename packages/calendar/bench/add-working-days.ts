/**
 * Benchmark of `addWorkingDays` on random (date in 2024–2027, n in −60..60) pairs.
 * Run: `node --import tsx packages/calendar/bench/add-working-days.ts [count]`
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromDayNumber, toDayNumber } from '../src/iso-date.ts';
import { WorkingCalendar } from '../src/working-calendar.ts';

/** Small seeded PRNG (mulberry32), so every run times the same inputs. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Times `count` calls of `addWorkingDays` on a fresh calendar (its year tables are built during the run,
 * as in a fresh server process). Inputs are generated before timing starts.
 */
export function benchAddWorkingDays(count = 1_000_000): { ops: number; ms: number; opsPerSec: number } {
  const random = mulberry32(20_260_217);
  const firstDay = toDayNumber('2024-01-01');
  const span = toDayNumber('2027-12-31') - firstDay + 1;
  const dates = new Array<string>(count);
  const offsets = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    dates[index] = fromDayNumber(firstDay + Math.floor(random() * span));
    offsets[index] = Math.floor(random() * 121) - 60;
  }

  const calendar = new WorkingCalendar();
  let checksum = 0; // keeps the results alive so the loop cannot be optimised away
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    checksum += calendar.addWorkingDays(dates[index]!, offsets[index]!).charCodeAt(9);
  }
  const ms = performance.now() - started;
  if (checksum < 0) throw new Error('unreachable');
  return { ops: count, ms, opsPerSec: Math.round((count / ms) * 1000) };
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const count = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  const { ops, ms, opsPerSec } = benchAddWorkingDays(count);
  console.log(
    `addWorkingDays: ${ops.toLocaleString('en-US')} ops in ${ms.toFixed(0)} ms (${opsPerSec.toLocaleString('en-US')} ops/s)`,
  );
}
