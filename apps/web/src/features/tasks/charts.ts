/*
 * Pure helpers of the task charts (dashboard bars, the rollup of a task handed down to lower committees): the
 * bars in a fixed reading order with each one's share of the longest, so that a count of 0 still shows its row.
 */

export interface BarRow<K extends string> {
  key: K;
  value: number;
  /** Length of the bar, 0–100, relative to the largest value (the largest fills the track). */
  percent: number;
}

/** One bar per key in `order` (missing counts are 0), scaled to the largest; all zero → all empty bars. */
export function barRows<K extends string>(
  order: readonly K[],
  counts: Partial<Record<K, number | undefined>>,
): BarRow<K>[] {
  const values = order.map((key) => ({ key, value: Math.max(0, counts[key] ?? 0) }));
  const max = Math.max(0, ...values.map((v) => v.value));
  return values.map(({ key, value }) => ({
    key,
    value,
    percent: max === 0 ? 0 : Math.round((value / max) * 1000) / 10,
  }));
}

/** The sum of the counts (the total shown under a chart). */
export const totalOf = (counts: Partial<Record<string, number | undefined>>) =>
  Object.values(counts).reduce<number>((sum, v) => sum + (v ?? 0), 0);

/** The non-zero entries of a summary in the given order (the rollup's badges show only what is there). */
export function presentEntries<K extends string>(
  order: readonly K[],
  counts: Partial<Record<K, number>>,
): { key: K; value: number }[] {
  return order.map((key) => ({ key, value: counts[key] ?? 0 })).filter((e) => e.value > 0);
}
