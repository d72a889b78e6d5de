import type { DeadlineRule, ReportField } from '@steerco/contract/reports';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { documents } from '../documents/documents.schema.ts';
import { users } from '../users/users.schema.ts';

const at = () => timestamp({ withTimezone: true });

/** Chế độ báo cáo (R16, Decree 09/2019): issued by a committee to the committees directly below it. */
export const reportRegimes = pgTable(
  'report_regimes',
  {
    id: uuid().primaryKey(),
    /** The issuing committee, which receives the reports. */
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    name: text().notNull(),
    frequency: text().notNull().$type<'monthly' | 'quarterly' | 'halfYear' | 'annual'>(),
    outline: jsonb().$type<string[]>().notNull(),
    fields: jsonb().$type<ReportField[]>().notNull(),
    cutoffDay: smallint().notNull().default(15),
    deadline: jsonb().$type<DeadlineRule>().notNull(),
    fromYear: smallint().notNull(),
    isSample: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    check(
      'report_regimes_frequency_check',
      sql`${t.frequency} in ('monthly','quarterly','halfYear','annual')`,
    ),
    check('report_regimes_cutoff_check', sql`${t.cutoffDay} between 1 and 28`),
    index('report_regimes_committee_idx').on(t.committeeId),
  ],
);

/** Who reports under a regime: the committees below the issuer at the time of issue. */
export const reportRegimeReporters = pgTable(
  'report_regime_reporters',
  {
    regimeId: uuid()
      .notNull()
      .references(() => reportRegimes.id, { onDelete: 'cascade' }),
    reporterCommitteeId: uuid()
      .notNull()
      .references(() => committees.id),
  },
  (t) => [
    primaryKey({ columns: [t.regimeId, t.reporterCommitteeId] }),
    index('report_regime_reporters_reporter_idx').on(t.reporterCommitteeId),
  ],
);

/** One period of a regime (or an ad hoc request): its cut-off window, deadline and opening day. */
export const reportPeriods = pgTable(
  'report_periods',
  {
    id: uuid().primaryKey(),
    regimeId: uuid()
      .notNull()
      .references(() => reportRegimes.id, { onDelete: 'cascade' }),
    kind: text().notNull().$type<'periodic' | 'adHoc'>(),
    code: text().notNull(),
    label: text().notNull(),
    fromDate: date().notNull(),
    toDate: date().notNull(),
    deadline: date().notNull(),
    opensOn: date().notNull(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    check('report_periods_kind_check', sql`${t.kind} in ('periodic','adHoc')`),
    check('report_periods_window_check', sql`${t.toDate} >= ${t.fromDate} and ${t.deadline} >= ${t.toDate}`),
    uniqueIndex('report_periods_code_key').on(t.regimeId, t.code),
    index('report_periods_deadline_idx').on(t.deadline),
  ],
);

/** A reporter's report for one period: its figures, overrides with notes, narrative, state and version. */
export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey(),
    periodId: uuid()
      .notNull()
      .references(() => reportPeriods.id, { onDelete: 'cascade' }),
    reporterCommitteeId: uuid()
      .notNull()
      .references(() => committees.id),
    status: text().notNull().default('drafting').$type<'drafting' | 'submitted' | 'returned' | 'accepted'>(),
    /** 0 until the first submission; each submission is a new version. */
    version: integer().notNull().default(0),
    /** The figures computed from the records for the window when the draft was opened or refreshed. */
    computed: jsonb().$type<Record<string, number | null>>().notNull().default({}),
    overrides: jsonb().$type<Record<string, { value: number | null; note: string }>>().notNull().default({}),
    /** The values the recipient rolls up: the computed figure or its override. */
    values: jsonb().$type<Record<string, number | null>>().notNull().default({}),
    narrative: jsonb().$type<{ heading: string; text: string }[]>().notNull().default([]),
    returnComment: text(),
    submittedAt: at(),
    /** The first submission: whether the report came in late is judged on it. */
    firstSubmittedAt: at(),
    submittedBy: uuid().references(() => users.id),
    decidedAt: at(),
    decidedBy: uuid().references(() => users.id),
    /** The Báo cáo drafted through the documents module at submission. */
    documentId: uuid().references(() => documents.id),
    createdBy: uuid().references(() => users.id),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    check('reports_status_check', sql`${t.status} in ('drafting','submitted','returned','accepted')`),
    uniqueIndex('reports_period_reporter_key').on(t.periodId, t.reporterCommitteeId),
    index('reports_reporter_idx').on(t.reporterCommitteeId, t.periodId),
  ],
);

/** Every submitted version, as sent, and what the recipient decided on it. */
export const reportVersions = pgTable(
  'report_versions',
  {
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    snapshot: jsonb().notNull(),
    submittedAt: at().notNull(),
    submittedBy: uuid().references(() => users.id),
    outcome: text().$type<'accepted' | 'returned'>(),
    comment: text(),
    decidedAt: at(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] })],
);

/** Each reminder or escalation of a period to a reporter, once (several instances, re-runs). */
export const reportReminders = pgTable(
  'report_reminders',
  {
    periodId: uuid()
      .notNull()
      .references(() => reportPeriods.id, { onDelete: 'cascade' }),
    reporterCommitteeId: uuid()
      .notNull()
      .references(() => committees.id),
    /** As the follow-up's reminders: `before:N`, `due`, `overdue`, `escalation`. */
    kind: text().notNull(),
    sentOn: date().notNull(),
    sentAt: at().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.reporterCommitteeId, t.kind] })],
);
