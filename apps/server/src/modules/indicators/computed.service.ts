import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { Actor } from '../../http/permissions.ts';
import { loadCommitteeAccess } from '../committees/access.service.ts';
import { meetingReportFigures } from '../meetings/report-figures.service.ts';
import { reportTimeliness } from '../reports/timeliness.service.ts';
import { taskReportFigures } from '../tasks/report-figures.service.ts';
import {
  type ComputedValue,
  deleteValues,
  findApprovedOf,
  findCommitteesForRefresh,
  findComputedIndicators,
  lockComputedRefresh,
  upsertComputedValues,
} from './computed.repo.ts';
import { COMPUTED_FORMULAS, isComputable, type OwnFigures, periodWindow } from './computed.ts';
import { assertMayApprove } from './indicators.policy.ts';
import { refreshSummariesOf, type SummaryCommittee } from './summary.service.ts';

// R19: the indicators computed from steerco's own records — tasks done on time, overdue tasks, meetings whose
// notice went out on time (R9), reports sent on time (R16) — per committee and period, from the tasks, meetings
// and reports modules' public figures. Refreshed by the daily job (src/wiring.ts) and on a committee's request;
// written as the period's approved value, and the summaries of the committees concerned and those above them
// are rewritten in the same transaction, so scorecards, rankings and reports read them like any other value.

const CHUNK = 1000;

type Window = { from: string; to: string };

/** The three modules' figures for the window, per committee, in a few statements per chunk of committees. */
async function ownFigures(db: DbOrTx, ids: string[], w: Window, today: string) {
  const out = new Map<string, OwnFigures>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    // One after another: inside the run's transaction the connection runs one statement at a time.
    const tasks = await taskReportFigures(db, chunk, w.from, w.to);
    const meetings = await meetingReportFigures(db, chunk, w.from, w.to);
    const reports = await reportTimeliness(db, chunk, { ...w, today });
    for (const id of chunk) {
      const t = tasks.get(id) ?? {};
      const m = meetings.get(id) ?? {};
      const r = reports.get(id) ?? { due: 0, onTime: 0 };
      out.set(id, {
        tasksDoneOnTime: t['tasks.doneOnTime'] ?? 0,
        tasksDoneLate: t['tasks.doneLate'] ?? 0,
        tasksOverdue: t['tasks.overdue'] ?? 0,
        meetingsNoticed: m['meetings.noticed'] ?? 0,
        meetingsNoticeOnTime: m['meetings.noticeOnTime'] ?? 0,
        reportsDue: r.due,
        reportsOnTime: r.onTime,
      });
    }
  }
  return out;
}

/** The committees to re-summarise: those changed and every committee above them, deepest first. */
function affectedChain(changed: Set<string>, all: Map<string, { path: string } & SummaryCommittee>) {
  const ids = new Set<string>();
  for (const id of changed) {
    const c = all.get(id);
    if (!c) continue;
    for (const a of c.path.split('/').filter(Boolean)) ids.add(a);
    ids.add(id);
  }
  return [...ids]
    .flatMap((id) => {
      const c = all.get(id);
      return c ? [c] : [];
    })
    .sort((a, b) => b.path.length - a.path.length);
}

/**
 * Recomputes the computed indicators of `committeeIds` (every active committee when omitted) for every period
 * of this year's and last year's framework versions that has started by `today` (the running period up to
 * today), and rewrites the summaries of those whose values changed and of the committees above them. Runs
 * under an advisory lock in one transaction: two instances, or the job and a request, never interleave.
 */
export async function refreshComputedIndicators(
  db: Db,
  opts: { today?: string; committeeIds?: string[] } = {},
) {
  const today = opts.today ?? clock.today();
  const year = Number(today.slice(0, 4));
  return db.transaction(async (tx) => {
    await lockComputedRefresh(tx);
    const inds = (await findComputedIndicators(tx, [year - 1, year])).filter((i) => isComputable(i.code));
    const targets = await findCommitteesForRefresh(tx, opts.committeeIds ?? null);
    const ids = targets.map((c) => c.id);
    const desired = new Map<string, ComputedValue>();
    const windows = new Map<string, { w: Window; inds: typeof inds; period: number }>();
    for (const ind of inds) {
      const periods = ind.frequency === 'monthly' ? 12 : ind.frequency === 'quarterly' ? 4 : 1;
      for (let period = 1; period <= periods; period++) {
        const w = periodWindow(ind.frequency, ind.year, period, today);
        if (!w) continue;
        const key = `${w.from}|${w.to}|${period}`;
        const entry = windows.get(key) ?? { w, inds: [], period };
        entry.inds.push(ind);
        windows.set(key, entry);
      }
    }
    for (const { w, inds: these, period } of windows.values()) {
      const figures = await ownFigures(tx, ids, w, today);
      for (const [committeeId, f] of figures)
        for (const ind of these) {
          const value = COMPUTED_FORMULAS[ind.code]!(f);
          if (value !== null)
            desired.set(`${committeeId}|${ind.id}|${period}`, {
              id: uuidv7(),
              committeeId,
              indicatorId: ind.id,
              period,
              value,
            });
        }
    }
    const existing = await findApprovedOf(
      tx,
      inds.map((i) => i.id),
      ids,
    );
    const seen = new Set<string>();
    const changed = new Map<string, Set<string>>();
    const mark = (committeeId: string, indicatorId: string) =>
      changed.set(committeeId, (changed.get(committeeId) ?? new Set()).add(indicatorId));
    const removed: string[] = [];
    for (const e of existing) {
      const key = `${e.committeeId}|${e.indicatorId}|${e.period}`;
      const want = desired.get(key);
      seen.add(key);
      if (!want) {
        removed.push(e.id);
        mark(e.committeeId, e.indicatorId);
      } else if (want.value !== e.value) mark(e.committeeId, e.indicatorId);
      else desired.delete(key);
    }
    for (const [key, v] of desired) if (!seen.has(key)) mark(v.committeeId, v.indicatorId);
    const written = [...desired.values()];
    await upsertComputedValues(tx, written, clock.now());
    await deleteValues(tx, removed);
    if (changed.size) {
      const chain = affectedChain(new Set(changed.keys()), await committeesWithAncestors(tx, targets));
      const indicatorIds = [...new Set([...changed.values()].flatMap((s) => [...s]))];
      await refreshSummariesOf(tx, chain, indicatorIds);
    }
    return { asOf: today, written: written.length, removed: removed.length, committees: changed.size };
  });
}

/** The refreshed committees and every active committee above them, by id. */
async function committeesWithAncestors(
  tx: DbOrTx,
  targets: Awaited<ReturnType<typeof findCommitteesForRefresh>>,
) {
  const all = new Map(targets.map((c) => [c.id, c]));
  const missing = [...new Set(targets.flatMap((c) => c.path.split('/').filter((id) => id && !all.has(id))))];
  for (const c of await findCommitteesForRefresh(tx, missing)) all.set(c.id, c);
  return all;
}

/**
 * A committee's standing agency or head recomputes its computed indicators now (R19), rather than waiting for
 * the daily run: e.g. after closing the quarter's tasks.
 */
export async function refreshCommitteeComputed(db: Db, actor: Actor, committeeId: string) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertMayApprove(access);
  const result = await refreshComputedIndicators(db, { committeeIds: [committeeId] });
  await recordAudit(db, {
    actorId: actor.userId,
    action: 'indicator.computedRefreshed',
    entityType: 'committee',
    entityId: committeeId,
    data: { written: result.written, removed: result.removed },
  });
  return { asOf: result.asOf, written: result.written, removed: result.removed };
}
