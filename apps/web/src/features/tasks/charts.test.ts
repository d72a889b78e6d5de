import { describe, expect, it } from 'vitest';
import { barRows, presentEntries, totalOf } from './charts.ts';

describe('barRows', () => {
  it('keeps the given order, fills missing counts with 0 and scales to the largest', () => {
    const rows = barRows(['onTime', 'dueSoon', 'overdue'] as const, { onTime: 8, overdue: 2 });
    expect(rows).toEqual([
      { key: 'onTime', value: 8, percent: 100 },
      { key: 'dueSoon', value: 0, percent: 0 },
      { key: 'overdue', value: 2, percent: 25 },
    ]);
  });

  it('draws empty bars when every count is zero (no division by zero)', () => {
    expect(barRows(['a', 'b'] as const, {}).map((r) => r.percent)).toEqual([0, 0]);
  });

  it('rounds the share to one decimal', () => {
    expect(barRows(['a', 'b'] as const, { a: 3, b: 1 })[1]?.percent).toBe(33.3);
  });
});

describe('totalOf / presentEntries', () => {
  it('adds the counts, ignoring undefined', () => {
    expect(totalOf({ a: 2, b: undefined, c: 5 })).toBe(7);
  });

  it('lists only the non-zero entries, in order', () => {
    expect(presentEntries(['x', 'y', 'z'] as const, { z: 1, x: 0, y: 4 })).toEqual([
      { key: 'y', value: 4 },
      { key: 'z', value: 1 },
    ]);
  });
});
