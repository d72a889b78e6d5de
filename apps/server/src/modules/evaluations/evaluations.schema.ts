import type {
  EvaluationLevel,
  EvaluationScheme,
  MemberFigures,
  TaskScore,
} from '@steerco/contract/evaluations';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { committees } from '../committees/committees.schema.ts';
import { users } from '../users/users.schema.ts';

const at = () => timestamp({ withTimezone: true });

/**
 * An evaluation scheme as data (R17): the levels with their names and thresholds, the general criteria, the task
 * part's weights and penalties, the cap. Migration 0027 seeds Decree 335/2025's; an administrator may correct
 * the rows (what the research marks unconfirmed) without a code change.
 */
export const evaluationSchemes = pgTable('evaluation_schemes', {
  code: text().primaryKey(),
  definition: jsonb().$type<Omit<EvaluationScheme, 'code'>>().notNull(),
  validFromYear: smallint().notNull(),
  updatedAt: at().notNull().defaultNow(),
});

/** A committee's evaluation of its members for one year, opened by the standing agency (R17). */
export const evaluationCycles = pgTable(
  'evaluation_cycles',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    year: smallint().notNull(),
    schemeCode: text()
      .notNull()
      .references(() => evaluationSchemes.code),
    deadline: date().notNull(),
    status: text().notNull().default('open').$type<'open' | 'decided'>(),
    /** Set when the head decided: the records are counted up to this day from then on. */
    asOf: date(),
    capOverrideReason: text(),
    openedBy: uuid().references(() => users.id),
    openedAt: at().notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: at(),
  },
  (t) => [
    check('evaluation_cycles_status_check', sql`${t.status} in ('open','decided')`),
    unique('evaluation_cycles_year_key').on(t.committeeId, t.year),
  ],
);

/** One person's evaluation in a cycle: self and reviewed scores, the proposal and the decision. */
export const evaluationMembers = pgTable(
  'evaluation_members',
  {
    id: uuid().primaryKey(),
    cycleId: uuid()
      .notNull()
      .references(() => evaluationCycles.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    selfScores: jsonb().$type<Record<string, number>>(),
    selfScoredAt: at(),
    reviewedScores: jsonb().$type<Record<string, number>>(),
    proposedLevel: text().$type<EvaluationLevel>(),
    proposalNote: text(),
    proposedBy: uuid().references(() => users.id),
    proposedAt: at(),
    decidedLevel: text().$type<EvaluationLevel>(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: at(),
    /** Frozen at the decision: the figures and task score the level was decided on. */
    figures: jsonb().$type<MemberFigures>(),
    taskScore: jsonb().$type<TaskScore>(),
  },
  (t) => [unique('evaluation_members_person_key').on(t.cycleId, t.userId)],
);

/**
 * What the committee recorded about a task for the evaluation: an objective cause that exempts its delay, or
 * a return for rework the reviewer judged minor (not a major error). With the reason, who and when.
 */
export const evaluationTaskNotes = pgTable(
  'evaluation_task_notes',
  {
    id: uuid().primaryKey(),
    cycleId: uuid()
      .notNull()
      .references(() => evaluationCycles.id, { onDelete: 'cascade' }),
    taskId: uuid().notNull(),
    eventId: uuid(),
    kind: text().notNull().$type<'exemptDelay' | 'minorReturn'>(),
    reason: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    check('evaluation_task_notes_kind_check', sql`${t.kind} in ('exemptDelay','minorReturn')`),
    check('evaluation_task_notes_event_check', sql`${t.kind} <> 'minorReturn' or ${t.eventId} is not null`),
    index('evaluation_task_notes_cycle_idx').on(t.cycleId),
  ],
);
