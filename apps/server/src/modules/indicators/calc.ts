import type {
  AggregationKind,
  IndicatorDirection,
  IndicatorUnit,
  TrafficLight,
} from '@steerco/contract/indicators';

// The arithmetic of indicators (R19), pure: aggregation up the hierarchy, the year-end projection, the light.

/** What a subtree passes up to the committee above: enough to compute every aggregation rule. */
export interface Components {
  count: number;
  sum: number;
  weightedSum: number;
  weight: number;
  min: number | null;
  max: number | null;
  meeting: number;
}

export const EMPTY: Components = {
  count: 0,
  sum: 0,
  weightedSum: 0,
  weight: 0,
  min: null,
  max: null,
  meeting: 0,
};

/** One reported value as components; `weight` is the weighting indicator's value (weighted averages). */
export function single(value: number, weight: number | null, meets: boolean | null): Components {
  return {
    count: 1,
    sum: value,
    weightedSum: value * (weight ?? 0),
    weight: weight ?? 0,
    min: value,
    max: value,
    meeting: meets ? 1 : 0,
  };
}

export function combine(parts: Components[]): Components {
  const out = { ...EMPTY };
  for (const p of parts) {
    if (!p.count) continue;
    out.count += p.count;
    out.sum += p.sum;
    out.weightedSum += p.weightedSum;
    out.weight += p.weight;
    out.meeting += p.meeting;
    if (p.min !== null) out.min = out.min === null ? p.min : Math.min(out.min, p.min);
    if (p.max !== null) out.max = out.max === null ? p.max : Math.max(out.max, p.max);
  }
  return out;
}

/** The aggregate per the indicator's rule; null when no unit below reported (or weights sum to zero). */
export function aggregateOf(kind: AggregationKind, c: Components): number | null {
  if (!c.count) return null;
  switch (kind) {
    case 'sum':
      return c.sum;
    case 'average':
      return c.sum / c.count;
    case 'weightedAverage':
      return c.weight > 0 ? c.weightedSum / c.weight : null;
    case 'min':
      return c.min;
    case 'max':
      return c.max;
    case 'shareMeeting':
      // Percentage of the reporting units that meet their own target.
      return (100 * c.meeting) / c.count;
  }
}

export const meetsTarget = (value: number, target: number, direction: IndicatorDirection) =>
  direction === 'higher' ? value >= target : value <= target;

/**
 * The year-end value projected from the periods so far (values are levels: the year's figure is the last
 * period's). With last year's series at the same and the final period, the rest of the year moves as it did
 * last year (seasonal); otherwise a least-squares line through this year's points, read at the last period;
 * one point stays flat. Null without any point.
 */
export function projectYearEnd(
  points: { period: number; value: number }[],
  periodsPerYear: number,
  lastYear?: Map<number, number>,
): number | null {
  if (!points.length) return null;
  const sorted = [...points].sort((a, b) => a.period - b.period);
  const last = sorted[sorted.length - 1]!;
  if (last.period >= periodsPerYear) return last.value;
  const then = lastYear?.get(last.period);
  const end = lastYear?.get(periodsPerYear);
  if (then !== undefined && end !== undefined) return last.value + (end - then);
  if (sorted.length === 1) return last.value;
  const n = sorted.length;
  const mx = sorted.reduce((s, p) => s + p.period, 0) / n;
  const my = sorted.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of sorted) {
    sxy += (p.period - mx) * (p.value - my);
    sxx += (p.period - mx) ** 2;
  }
  const slope = sxx ? sxy / sxx : 0;
  return my + slope * (periodsPerYear - mx);
}

/**
 * A projected value kept inside what the unit allows: a percentage between 0 and 100, a yes/no between 0 and 1,
 * counts and points never negative and points never above the indicator's maximum. A straight line through a
 * fast-rising series would otherwise promise 112 % activation.
 */
export function clampToUnit(value: number | null, unit: IndicatorUnit, maxPoints?: number | null) {
  if (value === null) return null;
  const hi =
    unit === 'percent' ? 100 : unit === 'boolean' ? 1 : unit === 'points' ? (maxPoints ?? null) : null;
  const low = Math.max(0, value);
  return hi === null ? low : Math.min(hi, low);
}

/** How far short of the target the projection may fall and still be "at risk" rather than "off track". */
export const AT_RISK_MARGIN = 0.1;

/**
 * The traffic light of a value against the year's target: met (or on course to be met by the year end) is
 * "meets"; projected short by at most 10 % of the target is "at risk"; further short is "off track". The early
 * warning is raised while the target is not yet met and the projection misses it.
 */
export function lightOf(
  value: number | null,
  target: number | null,
  projection: number | null,
  direction: IndicatorDirection,
): { light: TrafficLight; warning: boolean; meets: boolean | null } {
  if (value === null) return { light: 'noData', warning: false, meets: null };
  if (target === null) return { light: 'noTarget', warning: false, meets: null };
  const meets = meetsTarget(value, target, direction);
  if (meets) return { light: 'meets', warning: false, meets };
  const expected = projection ?? value;
  if (meetsTarget(expected, target, direction)) return { light: 'meets', warning: false, meets };
  const gap = Math.abs(expected - target);
  const margin = Math.abs(target) * AT_RISK_MARGIN;
  return { light: gap <= margin ? 'atRisk' : 'offTrack', warning: true, meets };
}
