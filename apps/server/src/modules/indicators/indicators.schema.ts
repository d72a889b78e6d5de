import type { EvidenceRef } from '@steerco/contract/indicators';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { committees } from '../committees/committees.schema.ts';
import { users } from '../users/users.schema.ts';

const at = () => timestamp({ withTimezone: true });

/** A framework (bộ chỉ số) in the version of one year: its structure may change between years (R19). */
export const indicatorFrameworks = pgTable(
  'indicator_frameworks',
  {
    id: uuid().primaryKey(),
    code: text().notNull(),
    name: text().notNull(),
    year: smallint().notNull(),
    basis: text(),
    isSample: boolean().notNull().default(true),
    unconfirmed: boolean().notNull().default(false),
    scored: boolean().notNull().default(false),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_frameworks_code_year_key').on(t.code, t.year)],
);

/** Lĩnh vực / trụ cột of a framework. */
export const indicatorGroups = pgTable(
  'indicator_groups',
  {
    id: uuid().primaryKey(),
    frameworkId: uuid()
      .notNull()
      .references(() => indicatorFrameworks.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    name: text().notNull(),
    maxPoints: doublePrecision(),
    position: integer().notNull(),
  },
  (t) => [uniqueIndex('indicator_groups_code_key').on(t.frameworkId, t.code)],
);

/** Tiêu chí (parentId null) and tiêu chí thành phần (parentId set) of one framework version. */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid().primaryKey(),
    frameworkId: uuid()
      .notNull()
      .references(() => indicatorFrameworks.id, { onDelete: 'cascade' }),
    groupId: uuid()
      .notNull()
      .references(() => indicatorGroups.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => indicators.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    name: text().notNull(),
    unit: text().notNull().$type<'percent' | 'count' | 'points' | 'boolean'>(),
    direction: text().notNull().$type<'higher' | 'lower'>(),
    aggregation: text()
      .notNull()
      .$type<'sum' | 'average' | 'weightedAverage' | 'min' | 'max' | 'shareMeeting'>(),
    weightCode: text(),
    frequency: text().notNull().$type<'monthly' | 'quarterly' | 'yearly'>(),
    source: text().notNull().$type<'entered' | 'computed' | 'imported'>(),
    domain: text().notNull(),
    ownerAgency: text(),
    maxPoints: doublePrecision(),
    position: integer().notNull(),
  },
  (t) => [
    uniqueIndex('indicators_code_key').on(t.frameworkId, t.code),
    check('indicators_direction_check', sql`${t.direction} in ('higher','lower')`),
    check(
      'indicators_aggregation_check',
      sql`${t.aggregation} in ('sum','average','weightedAverage','min','max','shareMeeting')`,
    ),
    check(
      'indicators_weight_check',
      sql`(${t.aggregation} = 'weightedAverage') = (${t.weightCode} is not null)`,
    ),
  ],
);

/** The year's target of a committee for an indicator: set by the committee above, or in its own annual plan. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id),
    value: doublePrecision().notNull(),
    note: text(),
    setFrom: text().notNull().$type<'committeeAbove' | 'ownPlan'>(),
    planItemId: uuid(),
    setBy: uuid().references(() => users.id),
    setAt: at().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.indicatorId] })],
);

/**
 * Actual values per period, with evidence and approval. A correction is a new row that supersedes the approved
 * one when it is approved: nothing is overwritten, the history is the rows.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id),
    period: smallint().notNull(),
    value: doublePrecision().notNull(),
    note: text(),
    evidenceFileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    status: text().notNull().$type<'submitted' | 'approved' | 'rejected' | 'superseded'>(),
    source: text().notNull().$type<'entered' | 'imported' | 'computed' | 'appraised'>(),
    correctsId: uuid().references((): AnyPgColumn => indicatorValues.id),
    enteredBy: uuid().references(() => users.id),
    enteredAt: at().notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: at(),
    decisionNote: text(),
  },
  (t) => [
    check(
      'indicator_values_status_check',
      sql`${t.status} in ('submitted','approved','rejected','superseded')`,
    ),
    // One approved value per committee, indicator and period.
    uniqueIndex('indicator_values_approved_key')
      .on(t.committeeId, t.indicatorId, t.period)
      .where(sql`${t.status} = 'approved'`),
    index('indicator_values_committee_idx').on(t.committeeId, t.indicatorId, t.period),
    index('indicator_values_pending_idx').on(t.committeeId).where(sql`${t.status} = 'submitted'`),
  ],
);

/**
 * The read side of indicators, kept in the writing transaction (approval, import, correction, target, PAR
 * INDEX finalisation): per committee × indicator × period, the display value (own approved value, else the
 * aggregate of the units below), target, traffic light and year-end projection, and the subtree's aggregation
 * components. Scorecards, rankings and the national view are single index scans on it.
 */
export const indicatorSummaries = pgTable(
  'indicator_summaries',
  {
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id),
    period: smallint().notNull(),
    /** The committee's parent and unit level when the row was written: rankings and the national view. */
    parentId: uuid(),
    level: text().notNull(),
    ownValue: doublePrecision(),
    /** The aggregate per the indicator's rule over the units below (null when none reported). */
    aggregate: doublePrecision(),
    /** ownValue ?? aggregate: what the scorecard and rankings show. */
    value: doublePrecision(),
    target: doublePrecision(),
    light: text().notNull(),
    projection: doublePrecision(),
    warning: boolean().notNull().default(false),
    meets: boolean(),
    /** Units below with a value (for the aggregate). */
    reporting: integer().notNull().default(0),
    // What this subtree passes up: its own value when it has no units reporting below, else the units' sums.
    eCount: integer().notNull().default(0),
    eSum: doublePrecision().notNull().default(0),
    eWeightedSum: doublePrecision().notNull().default(0),
    eWeight: doublePrecision().notNull().default(0),
    eMin: doublePrecision(),
    eMax: doublePrecision(),
    eMeeting: integer().notNull().default(0),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.committeeId, t.indicatorId, t.period] }),
    // Rankings of a committee's children (INCLUDE columns added in the migration by hand).
    index('indicator_summaries_parent_idx').on(t.parentId, t.indicatorId, t.period),
    // The national view: the provinces' rows of one indicator.
    index('indicator_summaries_level_idx').on(t.indicatorId, t.period, t.level),
  ],
);

/** A PAR INDEX self-assessment of a committee's unit for one framework version (year). */
export const parAssessments = pgTable(
  'par_assessments',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    frameworkId: uuid()
      .notNull()
      .references(() => indicatorFrameworks.id),
    status: text().notNull().default('draft').$type<'draft' | 'submitted' | 'appraised' | 'final'>(),
    submittedBy: uuid().references(() => users.id),
    submittedAt: at(),
    finalisedBy: uuid().references(() => users.id),
    finalisedAt: at(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('par_assessments_committee_key').on(t.committeeId, t.frameworkId),
    check('par_assessments_status_check', sql`${t.status} in ('draft','submitted','appraised','final')`),
  ],
);

/** One tiêu chí / tiêu chí thành phần of an assessment: the unit's score, evidence, the appraised score. */
export const parScores = pgTable(
  'par_scores',
  {
    assessmentId: uuid()
      .notNull()
      .references(() => parAssessments.id, { onDelete: 'cascade' }),
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id),
    selfScore: doublePrecision(),
    explanation: text(),
    evidence: jsonb().$type<EvidenceRef[]>().notNull().default([]),
    appraisedScore: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.indicatorId] })],
);

/** The appraisal history the unit sees: each accepted or adjusted score, with its reason. */
export const parAppraisals = pgTable(
  'par_appraisals',
  {
    id: uuid().primaryKey(),
    assessmentId: uuid()
      .notNull()
      .references(() => parAssessments.id, { onDelete: 'cascade' }),
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id),
    fromScore: doublePrecision(),
    toScore: doublePrecision().notNull(),
    reason: text(),
    appraisedBy: uuid().references(() => users.id),
    appraisedAt: at().notNull().defaultNow(),
  },
  (t) => [index('par_appraisals_assessment_idx').on(t.assessmentId)],
);
