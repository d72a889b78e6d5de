import { sql } from 'drizzle-orm';
import {
  check,
  date,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { committees, delegations, memberships } from '../committees/committees.schema.ts';
import { documents } from '../documents/documents.schema.ts';
import { tasks } from '../tasks/tasks.schema.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';

const at = () => timestamp({ withTimezone: true });

/**
 * Kế hoạch công tác năm (R5): drafted by the standing agency, approved by the head (or a deputy who signs
 * documents under a delegation, R4). Approval locks it and turns every item into a task. One plan per committee
 * and year, unless cancelled.
 */
export const workPlans = pgTable(
  'work_plans',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    year: smallint().notNull(),
    title: text().notNull(),
    /** "Mục đích, yêu cầu": the opening section of the plan document. */
    purpose: text(),
    status: text().notNull().default('draft').$type<'draft' | 'approved' | 'cancelled'>(),
    approvedBy: uuid().references(() => users.id),
    approvedAt: at(),
    /** The Viet Nam date of the approval: the tasks' source date. */
    approvedOn: date(),
    /** Set when a deputy approved under a delegation to sign documents (R4). */
    approvedUnderDelegationId: uuid().references(() => delegations.id),
    /** The latest Kế hoạch draft made from the plan through the documents module. */
    documentId: uuid().references(() => documents.id),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    check('work_plans_status_check', sql`${t.status} in ('draft','approved','cancelled')`),
    check('work_plans_year_check', sql`${t.year} between 2000 and 2100`),
    check(
      'work_plans_approved_check',
      sql`(${t.status} = 'approved') = (${t.approvedAt} is not null and ${t.approvedOn} is not null)`,
    ),
    uniqueIndex('work_plans_committee_year_key')
      .on(t.committeeId, t.year)
      .where(sql`${t.status} <> 'cancelled'`),
  ],
);

/**
 * One line of the plan's table: what, in which domain and quarter, led by one unit or one seat of the committee
 * (R1: never the committee itself), with co-operating units, the expected product and the deadline. `taskId` is
 * the task approval created from it.
 */
export const workPlanItems = pgTable(
  'work_plan_items',
  {
    id: uuid().primaryKey(),
    planId: uuid()
      .notNull()
      .references(() => workPlans.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    domain: text().notNull(),
    quarter: smallint().notNull(),
    title: text().notNull(),
    content: text(),
    leadUnitId: uuid().references(() => administrativeUnits.id),
    leadMembershipId: uuid().references(() => memberships.id),
    cooperatingUnitIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    expectedProduct: text(),
    deadline: date().notNull(),
    taskId: uuid().references(() => tasks.id),
  },
  (t) => [
    // R1: exactly one lead, a unit or a member — never the committee.
    check('work_plan_items_one_lead_check', sql`num_nonnulls(${t.leadUnitId}, ${t.leadMembershipId}) = 1`),
    check('work_plan_items_quarter_check', sql`${t.quarter} between 1 and 4`),
    uniqueIndex('work_plan_items_position_key').on(t.planId, t.position),
    uniqueIndex('work_plan_items_task_key').on(t.taskId).where(sql`${t.taskId} is not null`),
  ],
);
