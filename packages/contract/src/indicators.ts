import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, requiredText, text } from './common.ts';

export {
  AGGREGATION_LABELS,
  PAR_STATUS_LABELS,
  TRAFFIC_LIGHT_LABELS,
  VALUE_STATUS_LABELS,
} from './labels.ts';

/**
 * Chỉ số (R19): frameworks (bộ chỉ số, versioned by year) → groups (lĩnh vực / trụ cột) → indicators (tiêu chí)
 * → sub-indicators (tiêu chí thành phần). Values are tied to the indicator (hence the framework version) they
 * were entered under.
 */
export const IndicatorUnit = z.enum(['percent', 'count', 'points', 'boolean']);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;
export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, string> = {
  percent: '%',
  count: 'số lượng',
  points: 'điểm',
  boolean: 'có/không',
};

export const IndicatorDirection = z.enum(['higher', 'lower']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

/** How the values of the units below add up at a committee above them. */
export const AggregationKind = z.enum(['sum', 'average', 'weightedAverage', 'min', 'max', 'shareMeeting']);
export type AggregationKind = z.infer<typeof AggregationKind>;

export const IndicatorFrequency = z.enum(['monthly', 'quarterly', 'yearly']);
export type IndicatorFrequency = z.infer<typeof IndicatorFrequency>;
export const PERIODS_PER_YEAR: Record<IndicatorFrequency, number> = { monthly: 12, quarterly: 4, yearly: 1 };

export const IndicatorSource = z.enum(['entered', 'computed', 'imported']);
export type IndicatorSource = z.infer<typeof IndicatorSource>;

/** Meets the target / at risk (projected to miss by a little) / off track / no target set / no value yet. */
export const TrafficLight = z.enum(['meets', 'atRisk', 'offTrack', 'noTarget', 'noData']);
export type TrafficLight = z.infer<typeof TrafficLight>;

export const periodLabel = (frequency: IndicatorFrequency, period: number, year?: number) => {
  const y = year ? `/${year}` : '';
  if (frequency === 'monthly') return `Tháng ${period}${y}`;
  if (frequency === 'quarterly') return `Quý ${['I', 'II', 'III', 'IV'][period - 1] ?? period}${y}`;
  return year ? `Năm ${year}` : 'Năm';
};

const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'Mã chỉ số chỉ gồm chữ, số, dấu chấm, gạch');

const IndicatorFields = {
  code: Code,
  name: requiredText(500),
  unit: IndicatorUnit,
  direction: IndicatorDirection.default('higher'),
  aggregation: AggregationKind.default('average'),
  /** For a weighted average: the code of the indicator (same framework) whose value is the weight. */
  weightCode: Code.nullable().optional(),
  frequency: IndicatorFrequency.default('quarterly'),
  source: IndicatorSource.default('entered'),
  /** The committee's domain whose standing agency owns the figure (CCHC, CDS, DA06). */
  domain: requiredText(12),
  /** Who enters it, as the framework names it (e.g. "Công an cấp xã"). */
  ownerAgency: text(200).nullable().optional(),
  maxPoints: z.number().min(0).max(1000).nullable().optional(),
};

export const SubIndicatorInput = z.object(IndicatorFields).strict();
export const IndicatorInput = z
  .object({ ...IndicatorFields, subIndicators: z.array(SubIndicatorInput).max(50).default([]) })
  .strict();
export const GroupInput = z
  .object({
    code: Code,
    name: requiredText(500),
    maxPoints: z.number().min(0).max(1000).nullable().optional(),
    indicators: z.array(IndicatorInput).max(100),
  })
  .strict();

export const CreateFrameworkBody = z
  .object({
    code: Code,
    name: requiredText(500),
    year: z.number().int().min(2000).max(2100),
    /** The decision it follows, e.g. "QĐ 876/QĐ-BNV ngày 10/11/2022". */
    basis: text(500).nullable().optional(),
    isSample: z.boolean().default(true),
    /** The structure is not confirmed by a published source (shown as such). */
    unconfirmed: z.boolean().default(false),
    /** Scored frameworks (PAR INDEX) have a self-assessment and appraisal. */
    scored: z.boolean().default(false),
    groups: z.array(GroupInput).min(1).max(30),
  })
  .strict();
export type CreateFrameworkBody = z.infer<typeof CreateFrameworkBody>;

export const Indicator = z.object({
  id: Id,
  frameworkId: Id,
  groupId: Id,
  parentId: Id.nullable(),
  code: z.string(),
  name: z.string(),
  unit: IndicatorUnit,
  direction: IndicatorDirection,
  aggregation: AggregationKind,
  weightCode: z.string().nullable(),
  frequency: IndicatorFrequency,
  source: IndicatorSource,
  domain: z.string(),
  ownerAgency: z.string().nullable(),
  maxPoints: z.number().nullable(),
  position: z.number().int(),
});
export type Indicator = z.infer<typeof Indicator>;

export const FrameworkSummary = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  basis: z.string().nullable(),
  isSample: z.boolean(),
  unconfirmed: z.boolean(),
  scored: z.boolean(),
  indicatorCount: z.number().int(),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

export const FrameworkGroup = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  maxPoints: z.number().nullable(),
  position: z.number().int(),
  /** Top-level indicators first, each followed by its sub-indicators (parentId set). */
  indicators: z.array(Indicator),
});
export const FrameworkDetail = FrameworkSummary.extend({ groups: z.array(FrameworkGroup) });
export type FrameworkDetail = z.infer<typeof FrameworkDetail>;
export const FrameworkList = z.object({ items: z.array(FrameworkSummary) });
export const FrameworkQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

// ——— Targets and actual values ———

export const SetTargetBody = z
  .object({
    indicatorId: Id,
    value: z.number().finite(),
    note: text(1000).nullable().optional(),
    /** The annual work plan item the target serves, when it was set in the plan. */
    planItemId: Id.nullable().optional(),
  })
  .strict();
export type SetTargetBody = z.infer<typeof SetTargetBody>;

export const IndicatorTarget = z.object({
  committeeId: Id,
  indicatorId: Id,
  year: z.number().int(),
  value: z.number(),
  note: z.string().nullable(),
  setByName: z.string().nullable(),
  /** Set by the committee above, or by the committee itself in its annual work plan. */
  setFrom: z.enum(['committeeAbove', 'ownPlan']),
  planItemId: Id.nullable(),
  setAt: IsoDateTime,
});

export const EnterValueBody = z
  .object({
    indicatorId: Id,
    /** 1–12 (monthly), 1–4 (quarterly), 1 (yearly), in the framework's year. */
    period: z.number().int().min(1).max(12),
    value: z.number().finite(),
    note: text(2000).nullable().optional(),
    /** Evidence: files uploaded to the committee. */
    evidenceFileIds: z.array(Id).max(20).default([]),
  })
  .strict();
export type EnterValueBody = z.infer<typeof EnterValueBody>;

export const ValueStatus = z.enum(['submitted', 'approved', 'rejected', 'superseded']);
export type ValueStatus = z.infer<typeof ValueStatus>;

export const IndicatorValue = z.object({
  id: Id,
  committeeId: Id,
  indicatorId: Id,
  indicatorCode: z.string(),
  indicatorName: z.string(),
  frequency: IndicatorFrequency,
  year: z.number().int(),
  period: z.number().int(),
  value: z.number(),
  note: z.string().nullable(),
  status: ValueStatus,
  source: z.enum(['entered', 'imported', 'computed', 'appraised']),
  evidence: z.array(z.object({ id: Id, name: z.string() })),
  enteredByName: z.string().nullable(),
  enteredAt: IsoDateTime,
  decidedByName: z.string().nullable(),
  decidedAt: IsoDateTime.nullable(),
  decisionNote: z.string().nullable(),
  /** The approved value this one corrects (history is kept). */
  correctsId: Id.nullable(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;
export const IndicatorValueList = z.object({ items: z.array(IndicatorValue) });
export const RejectValueBody = z.object({ reason: requiredText(1000) }).strict();
export const ValuesQuery = z.object({
  indicatorId: Id.optional(),
  status: ValueStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ImportResult = z.object({ imported: z.number().int() });

// ——— Scorecards, rankings, national view ———

export const TrendPoint = z.object({ period: z.number().int(), value: z.number().nullable() });

export const ScorecardRow = z.object({
  indicator: Indicator,
  target: z.number().nullable(),
  /** The latest period with a value: the committee's own approved value, or the aggregate of the units below. */
  latest: z.object({ period: z.number().int(), value: z.number(), aggregated: z.boolean() }).nullable(),
  trend: z.array(TrendPoint),
  light: TrafficLight,
  /** The year-end value projected from the trend so far. */
  projection: z.number().nullable(),
  /** Early warning: the target will likely be missed (shown before it is). */
  warning: z.boolean(),
  /** Units below with a value in the latest period. */
  reporting: z.number().int(),
  /** A value waits for the standing agency's approval. */
  pending: z.boolean(),
  /** The actor may enter this indicator's values for the committee. */
  canEnter: z.boolean(),
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;

/** A recomputation of the computed indicators (R19): as of which day, values written and removed. */
export const ComputedRefreshResult = z.object({
  asOf: IsoDate,
  written: z.number().int(),
  removed: z.number().int(),
});
export type ComputedRefreshResult = z.infer<typeof ComputedRefreshResult>;

export const Scorecard = z.object({
  committeeId: Id,
  committeeName: z.string(),
  year: z.number().int(),
  frameworks: z.array(
    FrameworkSummary.extend({
      groups: z.array(z.object({ id: Id, code: z.string(), name: z.string(), rows: z.array(ScorecardRow) })),
    }),
  ),
  /** May approve values and set targets of the committee (standing agency, head). */
  canApprove: z.boolean(),
  canImport: z.boolean(),
  /**
   * How the signed-in person may set the committee's yearly targets: as the committee above (its head or
   * standing agency), in the committee's own annual work plan (naming the plan item), or not at all.
   */
  targetFrom: z.enum(['committeeAbove', 'ownPlan']).nullable(),
});
export type Scorecard = z.infer<typeof Scorecard>;
export const ScorecardQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const RankingQuery = z.object({ period: z.coerce.number().int().min(1).max(12).optional() });
export const RankingItem = z.object({
  committeeId: Id,
  name: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  light: TrafficLight,
  rank: z.number().int().nullable(),
});
export const Ranking = z.object({
  indicator: Indicator,
  year: z.number().int(),
  period: z.number().int().nullable(),
  /** The committee's aggregate per the indicator's rule over the units below. */
  aggregate: z.number().nullable(),
  items: z.array(RankingItem),
  /** How the units' values spread: five equal bands between the lowest and the highest. */
  distribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  trend: z.array(TrendPoint),
});
export type Ranking = z.infer<typeof Ranking>;

export const NationalView = z.object({
  indicator: Indicator,
  period: z.number().int().nullable(),
  aggregate: z.number().nullable(),
  reporting: z.number().int(),
  provinces: z.array(RankingItem),
});
export type NationalView = z.infer<typeof NationalView>;

// ——— PAR INDEX self-assessment and appraisal ———

export const EvidenceRef = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('document'), documentId: Id, section: text(200).nullable().optional() })
    .strict(),
  z.object({ kind: z.literal('file'), fileId: Id, section: text(200).nullable().optional() }).strict(),
  z
    .object({ kind: z.literal('link'), url: z.url().max(1000), section: text(200).nullable().optional() })
    .strict(),
]);
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const ParStatus = z.enum(['draft', 'submitted', 'appraised', 'final']);
export type ParStatus = z.infer<typeof ParStatus>;

export const SaveParScoresBody = z
  .object({
    scores: z
      .array(
        z
          .object({
            indicatorId: Id,
            score: z.number().min(0).nullable(),
            explanation: text(4000).nullable().optional(),
            evidence: z.array(EvidenceRef).max(20).default([]),
          })
          .strict(),
      )
      .max(300),
  })
  .strict();
export type SaveParScoresBody = z.infer<typeof SaveParScoresBody>;

export const AppraiseBody = z
  .object({
    scores: z
      .array(
        z
          .object({ indicatorId: Id, score: z.number().min(0), reason: text(2000).nullable().optional() })
          .strict(),
      )
      .min(1)
      .max(300),
  })
  .strict();
export type AppraiseBody = z.infer<typeof AppraiseBody>;

export const ParItem = z.object({
  indicator: Indicator,
  selfScore: z.number().nullable(),
  explanation: z.string().nullable(),
  evidence: z.array(
    z.object({
      kind: z.enum(['document', 'file', 'link']),
      id: z.string().nullable(),
      url: z.string().nullable(),
      label: z.string(),
      section: z.string().nullable(),
    }),
  ),
  appraisedScore: z.number().nullable(),
  history: z.array(
    z.object({
      from: z.number().nullable(),
      to: z.number(),
      reason: z.string().nullable(),
      byName: z.string().nullable(),
      at: IsoDateTime,
    }),
  ),
});
export const ParAssessment = z.object({
  id: Id,
  committeeId: Id,
  committeeName: z.string(),
  framework: FrameworkSummary,
  year: z.number().int(),
  status: ParStatus,
  selfTotal: z.number(),
  finalTotal: z.number().nullable(),
  maxTotal: z.number(),
  submittedAt: IsoDateTime.nullable(),
  submittedByName: z.string().nullable(),
  finalisedAt: IsoDateTime.nullable(),
  groups: z.array(z.object({ id: Id, code: z.string(), name: z.string(), items: z.array(ParItem) })),
  allowedActions: z.array(z.enum(['score', 'submit', 'appraise', 'finalise'])),
});
export type ParAssessment = z.infer<typeof ParAssessment>;
export const OpenParBody = z.object({ frameworkId: Id }).strict();
export const ParList = z.object({
  items: z.array(
    z.object({
      id: Id,
      committeeId: Id,
      committeeName: z.string(),
      year: z.number().int(),
      frameworkName: z.string(),
      status: ParStatus,
      selfTotal: z.number(),
      finalTotal: z.number().nullable(),
    }),
  ),
});
