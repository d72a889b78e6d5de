import { PERIODS_PER_YEAR } from '@steerco/contract/indicators';
import type { DbOrTx } from '../../db/client.ts';
import {
  aggregateOf,
  type Components,
  clampToUnit,
  lightOf,
  meetsTarget,
  projectYearEnd,
  single,
} from './calc.ts';
import {
  findByCodeInFramework,
  findIndicator,
  findIndicatorInYear,
  findWeightedBy,
  type IndicatorRow,
} from './catalogue.repo.ts';
import {
  findApprovedValues,
  findChildComponents,
  findCommitteeChain,
  findSummarySeries,
  findTargetValue,
  replaceSummaryRows,
  type SummaryInsert,
} from './summary.repo.ts';

// The indicator summary (R19) is written in the transaction of every change that moves a figure: an approved
// value, an import, a correction, a target, a finalised PAR INDEX. Reads never aggregate raw values.

/** Committees whose summaries are written: id, parent and unit level, each after the committees below it. */
export type SummaryCommittee = { id: string; parentId: string | null; level: string };
type Chain = SummaryCommittee[];

/**
 * Recomputes the summary rows of the indicators for the committee and every committee above it, nearest
 * first, in the caller's transaction. Indicators weighted by one of them are recomputed too.
 */
export async function refreshSummaries(tx: DbOrTx, committeeId: string, indicatorIds: string[]) {
  await refreshSummariesOf(tx, await findCommitteeChain(tx, committeeId), indicatorIds);
}

/**
 * Recomputes the summary rows of the indicators for exactly `committees`, in their order (a committee after
 * every committee below it that is in the list), in the caller's transaction: many committees at once, each
 * once (the computed indicators' daily run).
 */
export async function refreshSummariesOf(tx: DbOrTx, committees: Chain, indicatorIds: string[]) {
  const done = new Set<string>();
  const queue = [...indicatorIds];
  while (queue.length) {
    const id = queue.shift()!;
    if (done.has(id)) continue;
    done.add(id);
    const found = await findIndicator(tx, id);
    if (!found) continue;
    await refreshChain(tx, committees, found.i, found.f.code, found.f.year);
    for (const w of await findWeightedBy(tx, found.i.frameworkId, found.i.code)) queue.push(w.id);
  }
}

async function refreshChain(
  tx: DbOrTx,
  chain: Chain,
  ind: IndicatorRow,
  frameworkCode: string,
  year: number,
) {
  const weight = ind.weightCode
    ? await findByCodeInFramework(tx, ind.frameworkId, ind.weightCode)
    : undefined;
  const lastYearId = await findIndicatorInYear(tx, frameworkCode, ind.code, year - 1);
  for (const c of chain) await refreshOne(tx, c, ind, weight?.id, lastYearId);
}

async function refreshOne(
  tx: DbOrTx,
  c: Chain[number],
  ind: IndicatorRow,
  weightId: string | undefined,
  lastYearId: string | undefined,
) {
  // One after another: the transaction's connection runs one query at a time.
  const own = await findApprovedValues(tx, c.id, ind.id);
  const kids = await findChildComponents(tx, c.id, ind.id);
  const target = await findTargetValue(tx, c.id, ind.id);
  const weights = weightId ? await findApprovedValues(tx, c.id, weightId) : new Map<number, number>();
  const lastYear = lastYearId ? await findSummarySeries(tx, c.id, lastYearId) : undefined;
  const periods = [
    ...new Set([...own.keys(), ...[...kids.values()].filter((k) => k.count).map((k) => k.period)]),
  ];
  periods.sort((a, b) => a - b);
  const perYear = PERIODS_PER_YEAR[ind.frequency];
  const series: { period: number; value: number }[] = [];
  const rows: SummaryInsert[] = [];
  for (const period of periods) {
    const k = kids.get(period);
    const below: Components | null = k?.count ? k : null;
    const aggregate = below ? aggregateOf(ind.aggregation, below) : null;
    const ownValue = own.get(period) ?? null;
    const value = ownValue ?? aggregate;
    if (value !== null) series.push({ period, value });
    // R19: the projection never leaves the unit's range (a percentage at most 100).
    const projection = clampToUnit(
      projectYearEnd(series, perYear, lastYear?.size ? lastYear : undefined),
      ind.unit,
      ind.maxPoints,
    );
    const { light, warning, meets } = lightOf(value, target, projection, ind.direction);
    const up: Components | null =
      below ??
      (ownValue === null
        ? null
        : single(
            ownValue,
            weights.get(period) ?? null,
            target === null ? false : meetsTarget(ownValue, target, ind.direction),
          ));
    rows.push({
      committeeId: c.id,
      indicatorId: ind.id,
      period,
      parentId: c.parentId,
      level: c.level,
      ownValue,
      aggregate,
      value,
      target,
      light,
      projection,
      warning,
      meets,
      reporting: k?.reporting ?? 0,
      eCount: up?.count ?? 0,
      eSum: up?.sum ?? 0,
      eWeightedSum: up?.weightedSum ?? 0,
      eWeight: up?.weight ?? 0,
      eMin: up?.min ?? null,
      eMax: up?.max ?? null,
      eMeeting: up?.meeting ?? 0,
    });
  }
  await replaceSummaryRows(tx, c.id, ind.id, rows);
}
