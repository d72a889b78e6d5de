import type {
  EvaluationLevel,
  EvaluationScheme,
  MemberFigures,
  TaskScore,
} from '@steerco/contract/evaluations';

// R17, the Decree 335/2025 method on a member's year of tasks, as pure functions of the records and the scheme
// (the scheme is data: thresholds, penalties and weights are read from it, never written here).

export interface TaskInput {
  id: string;
  title: string;
  role: 'lead' | 'cooperate';
  deadline: string;
  originalDeadline: string;
  status: string;
  completedOn: string | null;
  returns: { eventId: string; at: string; reason: string | null }[];
  extensions: number;
}

export interface TaskNotes {
  /** taskId → the objective cause the committee confirmed (its delay is exempt). */
  exempt: Map<string, string>;
  /** Return events the reviewer judged minor (not a major error). */
  minorReturns: Set<string>;
}

type Outcome = MemberFigures['tasks']['records'][number]['outcome'];

/** A task's outcome on `asOf`: done by its (possibly extended) deadline, done after it, overdue, or not yet due. */
export function outcomeOf(t: Pick<TaskInput, 'status' | 'completedOn' | 'deadline'>, asOf: string): Outcome {
  if (t.status === 'done' && t.completedOn) return t.completedOn <= t.deadline ? 'doneOnTime' : 'doneLate';
  return t.deadline < asOf ? 'overdue' : 'open';
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The task figures and the 70-point task part. Only the tasks the member led or answered for count in the
 * points; co-operation is shown. A task counts once it is done or its deadline has passed (one not yet due is
 * listed, not scored); an overdue task whose delay the committee exempted (objective cause) is left out.
 * - Quantity % = completed / counted.
 * - Quality % = over the completed tasks, each worth 1 less `errorPenalty` per major error — a return for
 *   rework is one, unless the reviewer marked it minor — never below 0.
 * - Timeliness % = over the counted tasks: on time 1; done late 1 less `delayPenalty` (0 delay when exempted);
 *   overdue 0.
 * - Points = taskMax × the weighted mean of the three percentages (equal weights: our inference).
 * No counted task: 0 points (nothing to measure), shown as such for the proposer to judge.
 */
export function scoreTasks(
  scheme: Pick<EvaluationScheme, 'taskMax' | 'weights' | 'errorPenalty' | 'delayPenalty'>,
  tasks: TaskInput[],
  notes: TaskNotes,
  asOf: string,
): { figures: MemberFigures['tasks']; score: TaskScore } {
  const records: MemberFigures['tasks']['records'] = [];
  let counted = 0;
  let completed = 0;
  let quality = 0;
  let timeliness = 0;
  const f = { doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, returned: 0, majorErrors: 0, extensions: 0 };
  let exempted = 0;
  let cooperated = 0;
  for (const t of tasks) {
    const outcome = outcomeOf(t, asOf);
    const exemption = notes.exempt.get(t.id) ?? null;
    const returns = t.returns.map((r) => ({ ...r, minor: notes.minorReturns.has(r.eventId) }));
    const lead = t.role === 'lead';
    const isCounted = lead && outcome !== 'open' && !(outcome === 'overdue' && exemption);
    records.push({
      taskId: t.id,
      title: t.title,
      role: t.role,
      deadline: t.deadline,
      originalDeadline: t.originalDeadline,
      status: t.status,
      completedOn: t.completedOn,
      outcome,
      returns,
      extensions: t.extensions,
      exemption,
      counted: isCounted,
    });
    if (!lead) {
      cooperated++;
      continue;
    }
    f[outcome]++;
    f.returned += returns.length;
    f.extensions += t.extensions;
    if (exemption && (outcome === 'doneLate' || outcome === 'overdue')) exempted++;
    if (!isCounted) continue;
    counted++;
    const errors = returns.filter((r) => !r.minor).length;
    f.majorErrors += errors;
    if (outcome === 'doneOnTime' || outcome === 'doneLate') {
      completed++;
      quality += Math.max(0, 1 - scheme.errorPenalty * errors);
      const delays = outcome === 'doneLate' && !exemption ? 1 : 0;
      timeliness += Math.max(0, 1 - scheme.delayPenalty * delays);
    }
  }
  const pct = (n: number, of: number) => (of ? (100 * n) / of : 0);
  const quantityPct = pct(completed, counted);
  const qualityPct = pct(quality, completed);
  const timelinessPct = pct(timeliness, counted);
  const w = scheme.weights;
  const mean =
    (w.quantity * quantityPct + w.quality * qualityPct + w.timeliness * timelinessPct) /
    (w.quantity + w.quality + w.timeliness);
  return {
    figures: { assigned: counted, ...f, exempted, cooperated, records },
    score: {
      quantityPct: round2(quantityPct),
      qualityPct: round2(qualityPct),
      timelinessPct: round2(timelinessPct),
      points: round2((scheme.taskMax * mean) / 100),
    },
  };
}

/** The general criteria's points (each item capped at its maximum), or null before anyone scored them. */
export function generalPoints(
  scheme: Pick<EvaluationScheme, 'generalCriteria'>,
  scores: Record<string, number> | null,
) {
  if (!scores) return null;
  let sum = 0;
  for (const c of scheme.generalCriteria) sum += Math.min(c.maxPoints, scores[c.code] ?? 0);
  return round2(sum);
}

/** The level a total reaches: the best level whose threshold it meets (90 / 70 / 50 in Decree 335). */
export function levelOf(scheme: Pick<EvaluationScheme, 'levels'>, total: number): EvaluationLevel {
  const sorted = [...scheme.levels].sort((a, b) => b.minPoints - a.minPoints);
  return (sorted.find((l) => round2(total) >= l.minPoints) ?? sorted[sorted.length - 1]!).code;
}

/**
 * The cap (Decree 335: "Hoàn thành xuất sắc" at most 20% of those rated "Hoàn thành tốt"), on the levels given.
 */
export function capCheck(scheme: Pick<EvaluationScheme, 'cap'>, levels: (EvaluationLevel | null)[]) {
  const { level, ofLevel, share } = scheme.cap;
  const count = levels.filter((l) => l === level).length;
  const ofCount = levels.filter((l) => l === ofLevel).length;
  // 1e-9: 0.2 × 5 must allow 1, not 0.9999….
  const allowed = Math.floor(share * ofCount + 1e-9);
  return { level, ofLevel, share, count, ofCount, allowed, exceeded: count > allowed };
}
