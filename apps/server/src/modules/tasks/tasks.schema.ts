import type { TaskEventKind } from '@steerco/contract/tasks';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
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
import { committees, duties, memberships } from '../committees/committees.schema.ts';
import { documents } from '../documents/documents.schema.ts';
import { conclusions, meetings } from '../meetings/meetings.schema.ts';
import { workPlanItems } from '../plans/plans.schema.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';

const at = () => timestamp({ withTimezone: true });

/**
 * Nhiệm vụ: one piece of follow-up work with a single lead (R1: a unit or a member, never the committee), from a
 * meeting conclusion, an annual-plan item, a higher-level directive (an incoming document; a parent committee's
 * task copied to a child committee points at it with `parentTaskId`) or ad hoc. Sized for a national deployment
 * (~1.7 M rows): every list reads through one of the indexes below and pages by (deadline, id).
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    title: text().notNull(),
    content: text(),
    domain: text(),
    sourceKind: text().notNull().$type<'conclusion' | 'planItem' | 'directive' | 'adHoc'>(),
    conclusionId: uuid().references(() => conclusions.id),
    meetingId: uuid().references(() => meetings.id),
    /** The incoming document of a directive. */
    documentId: uuid().references(() => documents.id),
    /** The annual work plan item (modules/plans). */
    planItemId: uuid().references((): AnyPgColumn => workPlanItems.id),
    /** The date the source was decided (meeting, document, plan): deadlines are counted from it. */
    sourceDate: date().notNull(),
    leadUnitId: uuid().references(() => administrativeUnits.id),
    leadMembershipId: uuid().references(() => memberships.id),
    /** The member who answers for the task (the lead member, or the lead unit's member on the committee). */
    responsibleMembershipId: uuid().references(() => memberships.id),
    expectedProduct: text(),
    deadline: date().notNull(),
    originalDeadline: date().notNull(),
    priority: text().notNull().default('normal').$type<'low' | 'normal' | 'high' | 'urgent'>(),
    /** R7: the member duty this task serves. */
    dutyId: uuid().references(() => duties.id),
    parentTaskId: uuid().references((): AnyPgColumn => tasks.id),
    /**
     * A directive cascaded down the committee tree (province → district → commune): the task at the top, on the
     * top task itself and on every copy. One copy per committee; the rollup reads the copies through it.
     */
    cascadeRootId: uuid().references((): AnyPgColumn => tasks.id),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    status: text()
      .notNull()
      .default('new')
      .$type<
        'new' | 'inProgress' | 'submittedDone' | 'done' | 'returned' | 'extensionRequested' | 'cancelled'
      >(),
    /** Latest reported progress, 0–100. */
    progress: smallint().notNull().default(0),
    /** While an extension is pending: the proposed date and the status to go back to after the decision. */
    extensionProposedDeadline: date(),
    extensionPreviousStatus: text(),
    /** Viet Nam date of the accepted completion report: "done late" compares it with the deadline. */
    completedOn: date(),
    doneAt: at(),
    assignedBy: uuid().references(() => users.id),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    // R1: exactly one lead, a unit or a member of the committee — never "the committee" itself.
    check('tasks_one_lead_check', sql`num_nonnulls(${t.leadUnitId}, ${t.leadMembershipId}) = 1`),
    check(
      'tasks_status_check',
      sql`${t.status} in ('new','inProgress','submittedDone','done','returned','extensionRequested','cancelled')`,
    ),
    check('tasks_source_kind_check', sql`${t.sourceKind} in ('conclusion','planItem','directive','adHoc')`),
    check(
      'tasks_source_link_check',
      sql`(${t.sourceKind} <> 'conclusion' or ${t.conclusionId} is not null)
        and (${t.sourceKind} <> 'directive' or ${t.documentId} is not null or ${t.parentTaskId} is not null)
        and (${t.sourceKind} <> 'planItem' or ${t.planItemId} is not null)`,
    ),
    check('tasks_priority_check', sql`${t.priority} in ('low','normal','high','urgent')`),
    check(
      'tasks_deadline_check',
      sql`${t.deadline} >= ${t.sourceDate} and ${t.originalDeadline} >= ${t.sourceDate}`,
    ),
    check('tasks_progress_check', sql`${t.progress} between 0 and 100`),
    // Committee list: status filter, ordered and keyset-paged by (deadline, id).
    index('tasks_committee_status_deadline_idx').on(t.committeeId, t.status, t.deadline, t.id),
    index('tasks_committee_deadline_idx').on(t.committeeId, t.deadline, t.id),
    // The header's search and the list's "q" (issue 19): accent-folded title, trigram GIN (LIKE '%word%').
    index('tasks_title_search_idx').using('gin', sql`steerco_fold(${t.title}) gin_trgm_ops`),
    // My tasks: as the responsible member or the lead member.
    index('tasks_responsible_idx').on(t.responsibleMembershipId, t.status, t.deadline),
    index('tasks_lead_membership_idx')
      .on(t.leadMembershipId, t.status, t.deadline)
      .where(sql`${t.leadMembershipId} is not null`),
    index('tasks_lead_unit_idx').on(t.leadUnitId, t.status).where(sql`${t.leadUnitId} is not null`),
    // The reminder / overdue scan over the whole country, and overdue counters of a province or the country
    // answered from the index alone (status and completion date included, so "reported in time" is told apart
    // without reading rows). The predicate lists OPEN_TASK_STATUSES (contract) in the same order as the
    // queries' `status in (…)`, so the planner matches it.
    index('tasks_open_deadline_idx')
      .on(t.deadline, t.committeeId, t.status, t.completedOn)
      .where(sql`${t.status} in ('new','inProgress','submittedDone','returned','extensionRequested')`),
    index('tasks_conclusion_idx').on(t.conclusionId).where(sql`${t.conclusionId} is not null`),
    index('tasks_document_idx').on(t.documentId).where(sql`${t.documentId} is not null`),
    // Rollup of a directive's copies in child committees, and task breakdowns.
    index('tasks_parent_idx')
      .on(t.parentTaskId)
      .where(sql`${t.parentTaskId} is not null`),
    uniqueIndex('tasks_cascade_committee_key')
      .on(t.cascadeRootId, t.committeeId)
      .where(sql`${t.cascadeRootId} is not null`),
  ],
);

/**
 * How many tasks of each status a committee has, kept by a trigger on `tasks` (migration 0017): national and
 * provincial counters add up a few thousand of these rows instead of counting millions of tasks.
 */
export const taskStatusCounts = pgTable(
  'task_status_counts',
  {
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    status: text().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.status] })],
);

/** Co-operating units and members (Phối hợp): exactly one of the two per row. */
export const taskCooperators = pgTable(
  'task_cooperators',
  {
    id: uuid().primaryKey(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid().references(() => administrativeUnits.id),
    membershipId: uuid().references(() => memberships.id),
  },
  (t) => [
    check('task_cooperators_one_check', sql`num_nonnulls(${t.unitId}, ${t.membershipId}) = 1`),
    // Not partial, so they also serve "the co-operators of this task" (a task's page, every list row, the
    // cascade of a deleted task): NULLs are distinct, so a unit row and a member row never collide.
    uniqueIndex('task_cooperators_unit_key').on(t.taskId, t.unitId),
    uniqueIndex('task_cooperators_member_key').on(t.taskId, t.membershipId),
    index('task_cooperators_membership_idx').on(t.membershipId).where(sql`${t.membershipId} is not null`),
    index('task_cooperators_unit_idx').on(t.unitId).where(sql`${t.unitId} is not null`),
  ],
);

/**
 * The task's history: every transition (who, when, why), extension requests and decisions with the old and
 * new deadline, and hand-overs on personnel change (R14). Append-only.
 */
export const taskEvents = pgTable(
  'task_events',
  {
    id: uuid().primaryKey(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    kind: text().notNull().$type<TaskEventKind>(),
    fromStatus: text(),
    toStatus: text(),
    actorId: uuid().references(() => users.id),
    reason: text(),
    oldDeadline: date(),
    newDeadline: date(),
    data: jsonb(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.createdAt)],
);

/** Progress reports with evidence files (tài liệu minh chứng), by the lead or a co-operating unit/member. */
export const taskProgress = pgTable(
  'task_progress',
  {
    id: uuid().primaryKey(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    percent: smallint().notNull(),
    text: text().notNull(),
    fileIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    membershipId: uuid().references(() => memberships.id),
    /** The unit the report speaks for (the lead unit or a co-operating unit). */
    unitId: uuid().references(() => administrativeUnits.id),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    check('task_progress_percent_check', sql`${t.percent} between 0 and 100`),
    index('task_progress_task_idx').on(t.taskId, t.createdAt),
  ],
);

/** Discussion on a task; mentioned people are notified. */
export const taskComments = pgTable(
  'task_comments',
  {
    id: uuid().primaryKey(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    text: text().notNull(),
    mentions: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [index('task_comments_task_idx').on(t.taskId, t.createdAt)],
);
