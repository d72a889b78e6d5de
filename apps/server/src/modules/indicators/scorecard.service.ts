import type {
  NationalView,
  Ranking,
  Scorecard,
  ScorecardRow,
  TrafficLight,
} from '@steerco/contract/indicators';
import * as clock from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { aggregateOf, combine } from './calc.ts';
import { toFrameworkSummary, toIndicatorDto } from './catalogue.repo.ts';
import { accessAbove, enteringRule, mayApprove } from './indicators.policy.ts';
import {
  findChildRows,
  findLatestProvincePeriod,
  findProvinceRows,
  findScorecardRows,
  findSeries,
} from './scorecard.repo.ts';
import { loadIndicator } from './values.service.ts';

const thisYear = () => Number(clock.today().slice(0, 4));

/**
 * The committee's scorecard for a year: every indicator with its target, latest value (its own, or the
 * aggregate of the units below), trend, traffic light and year-end projection with the early warning.
 */
export async function getScorecard(db: DbOrTx, actor: Actor, committeeId: string, year = thisYear()) {
  const { committee, access } = await loadCommitteeAccess(db, actor, committeeId);
  const [rows, mayEnterDomain, above] = await Promise.all([
    findScorecardRows(db, committeeId, year),
    enteringRule(db, actor, access),
    accessAbove(db, actor, committee.parentId),
  ]);
  const frameworks: Scorecard['frameworks'] = [];
  const byIndicator = new Map<string, ScorecardRow>();
  for (const r of rows) {
    let fw = frameworks.find((f) => f.id === r.f.id);
    if (!fw) {
      fw = { ...toFrameworkSummary(r.f, 0), groups: [] };
      frameworks.push(fw);
    }
    let group = fw.groups.find((g) => g.id === r.i.groupId);
    if (!group) {
      group = { id: r.i.groupId, code: r.groupCode, name: r.groupName, rows: [] };
      fw.groups.push(group);
    }
    let row = byIndicator.get(r.i.id);
    if (!row) {
      row = {
        indicator: toIndicatorDto(r.i),
        target: r.target,
        latest: null,
        trend: [],
        light: r.target === null ? 'noTarget' : 'noData',
        projection: null,
        warning: false,
        reporting: 0,
        pending: r.pending,
        canEnter: r.i.source !== 'computed' && mayEnterDomain(r.i.domain),
      };
      byIndicator.set(r.i.id, row);
      group.rows.push(row);
      fw.indicatorCount += 1;
    }
    if (r.period === null) continue;
    row.trend.push({ period: r.period, value: r.value });
    if (r.value !== null) {
      row.latest = { period: r.period, value: r.value, aggregated: r.ownValue === null };
      row.light = r.light as TrafficLight;
      row.projection = r.projection;
      row.warning = !!r.warning;
      row.reporting = r.reporting ?? 0;
    }
  }
  const steering = mayApprove(access);
  return {
    committeeId,
    committeeName: committee.name,
    year,
    frameworks,
    canApprove: steering,
    canImport: steering,
    // R19: the committee above sets the targets; the committee itself only in its annual work plan.
    targetFrom: above ? 'committeeAbove' : steering ? 'ownPlan' : null,
  } satisfies Scorecard;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Five equal bands between the lowest and the highest value, with how many units fall in each. */
function distributionOf(values: number[]) {
  if (!values.length) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo === hi) return [{ from: lo, to: hi, count: values.length }];
  const width = (hi - lo) / 5;
  return Array.from({ length: 5 }, (_, b) => ({
    from: round(lo + b * width),
    to: round(b === 4 ? hi : lo + (b + 1) * width),
    count: values.filter((v) => Math.min(4, Math.floor((v - lo) / width)) === b).length,
  }));
}

/**
 * One indicator across the committee's child units in a period (default: the latest with a value): the
 * ranking, the spread, the aggregate per the indicator's rule and the committee's trend.
 */
export async function getRanking(
  db: DbOrTx,
  actor: Actor,
  committeeId: string,
  indicatorId: string,
  period?: number,
): Promise<Ranking> {
  await loadCommitteeAccess(db, actor, committeeId);
  const { i: ind, f } = await loadIndicator(db, indicatorId);
  const series = await findSeries(db, committeeId, indicatorId);
  const at = period ?? series.filter((p) => p.value !== null).at(-1)?.period ?? null;
  const children = at === null ? [] : await findChildRows(db, committeeId, indicatorId, at, ind.direction);
  let rank = 0;
  return {
    indicator: toIndicatorDto(ind),
    year: f.year,
    period: at,
    aggregate: series.find((p) => p.period === at)?.aggregate ?? null,
    items: children.map((c) => ({
      committeeId: c.committeeId,
      name: c.name,
      value: c.value,
      target: c.target,
      light: (c.light ?? 'noData') as TrafficLight,
      rank: c.value === null ? null : ++rank,
    })),
    distribution: distributionOf(children.flatMap((c) => (c.value === null ? [] : [c.value]))),
    trend: series.map((p) => ({ period: p.period, value: p.value })),
  };
}

/** The nation's view of one indicator: each province's value and the national aggregate per the rule. */
export async function getNational(db: DbOrTx, indicatorId: string, period?: number): Promise<NationalView> {
  const { i: ind } = await loadIndicator(db, indicatorId);
  const at = period ?? (await findLatestProvincePeriod(db, indicatorId));
  const rows = at === null ? [] : await findProvinceRows(db, indicatorId, at);
  const total = combine(
    rows.map((r) => ({
      count: r.eCount,
      sum: r.eSum,
      weightedSum: r.eWeightedSum,
      weight: r.eWeight,
      min: r.eMin,
      max: r.eMax,
      meeting: r.eMeeting,
    })),
  );
  const sorted = [...rows].sort((a, b) =>
    a.value === null
      ? 1
      : b.value === null
        ? -1
        : ind.direction === 'higher'
          ? b.value - a.value
          : a.value - b.value,
  );
  let rank = 0;
  return {
    indicator: toIndicatorDto(ind),
    period: at,
    aggregate: aggregateOf(ind.aggregation, total),
    reporting: total.count,
    provinces: sorted.map((r) => ({
      committeeId: r.committeeId,
      name: r.name,
      value: r.value,
      target: r.target,
      light: r.light as TrafficLight,
      rank: r.value === null ? null : ++rank,
    })),
  };
}
