import type { DecisionRef } from '@steerco/contract/committees';
import type { RuleSettings } from '@steerco/contract/regulation';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** Ban Chỉ đạo. `path` is the materialised committee hierarchy (ward → district → province → national). */
export const committees = pgTable(
  'committees',
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    shortName: text(),
    unitId: uuid()
      .notNull()
      .references(() => administrativeUnits.id),
    parentId: uuid().references((): AnyPgColumn => committees.id),
    path: text().notNull(),
    status: text().notNull().default('active').$type<'active' | 'merged' | 'dissolved'>(),
    foundingDecision: jsonb().$type<DecisionRef>(),
    mergedIntoId: uuid().references((): AnyPgColumn => committees.id),
    mergeDecision: jsonb().$type<DecisionRef>(),
    isSample: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    check('committees_status_check', sql`${t.status} in ('active','merged','dissolved')`),
    index('committees_unit_idx').on(t.unitId),
    index('committees_parent_idx').on(t.parentId),
    index('committees_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('committees_merged_into_idx').on(t.mergedIntoId),
  ],
);

export const committeeDomains = pgTable(
  'committee_domains',
  {
    committeeId: uuid()
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    name: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.code] })],
);

/** The rule settings read from the committee's regulation (R21). */
export const committeeSettings = pgTable('committee_settings', {
  committeeId: uuid()
    .primaryKey()
    .references(() => committees.id, { onDelete: 'cascade' }),
  settings: jsonb().$type<RuleSettings>().notNull(),
  updatedAt: createdAt(),
  updatedBy: uuid().references(() => users.id),
});

/**
 * A person's seat on a committee for a period. Two exclusion constraints (migration 0003) make "two heads at
 * once" and "the same person twice at once" impossible even under concurrent writes.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: text()
      .notNull()
      .$type<'head' | 'deputyHead' | 'member' | 'residentialGroupHead' | 'secretary' | 'guest'>(),
    isStanding: boolean().notNull().default(false),
    leadDomain: text(),
    unitId: uuid().references(() => administrativeUnits.id),
    position: text(),
    startDate: date().notNull(),
    endDate: date(),
    appointingDecision: jsonb().$type<DecisionRef>(),
    endReason: text(),
    replacedById: uuid().references((): AnyPgColumn => memberships.id),
    isSample: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    check(
      'memberships_role_check',
      sql`${t.role} in ('head','deputyHead','member','residentialGroupHead','secretary','guest')`,
    ),
    check('memberships_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    index('memberships_committee_idx').on(t.committeeId, t.startDate),
    index('memberships_user_idx').on(t.userId),
  ],
);

/** R7: current duty items; retired items stay (tasks may still point at them). */
export const duties = pgTable(
  'duties',
  {
    id: uuid().primaryKey(),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    domain: text(),
    text: text().notNull(),
    position: integer().notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('duties_membership_idx').on(t.membershipId).where(sql`${t.retiredAt} is null`)],
);

/** Every version of a member's duty list, as it stood, with who changed it and under which decision. */
export const dutyRevisions = pgTable(
  'duty_revisions',
  {
    id: uuid().primaryKey(),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    version: integer().notNull(),
    items: jsonb().$type<{ id: string; domain: string | null; text: string; position: number }[]>().notNull(),
    decision: jsonb().$type<DecisionRef>(),
    note: text(),
    changedBy: uuid().references(() => users.id),
    changedAt: createdAt(),
  },
  (t) => [unique('duty_revisions_version_key').on(t.membershipId, t.version)],
);

/** R3/R4: the head's delegation to a deputy (or a member chairing a meeting). */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    fromMembershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    toMembershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    scopes: text().array().notNull(),
    domains: text().array().notNull().default(sql`'{}'::text[]`),
    validFrom: date().notNull(),
    validTo: date().notNull(),
    document: jsonb().$type<DecisionRef>(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid().references(() => users.id),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('delegations_dates_check', sql`${t.validTo} >= ${t.validFrom}`),
    index('delegations_to_idx').on(t.toMembershipId),
    index('delegations_committee_idx').on(t.committeeId),
  ],
);

export const standingAgencies = pgTable(
  'standing_agencies',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    unitId: uuid()
      .notNull()
      .references(() => administrativeUnits.id),
    domains: text().array().notNull(),
    responsibilities: text(),
    createdAt: createdAt(),
  },
  (t) => [unique('standing_agencies_unit_key').on(t.committeeId, t.unitId)],
);

export const workingGroups = pgTable(
  'working_groups',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    parentGroupId: uuid().references((): AnyPgColumn => workingGroups.id),
    name: text().notNull(),
    domain: text(),
    purpose: text(),
    leaderUserId: uuid().references(() => users.id),
    startDate: date(),
    endDate: date(),
    establishingDecision: jsonb().$type<DecisionRef>(),
    createdAt: createdAt(),
  },
  (t) => [index('working_groups_committee_idx').on(t.committeeId)],
);

export const workingGroupMembers = pgTable(
  'working_group_members',
  {
    groupId: uuid()
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('working_group_members_user_idx').on(t.userId),
  ],
);

/** R21: the regulation text in versions. */
export const regulationVersions = pgTable(
  'regulation_versions',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    version: integer().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    decision: jsonb().$type<DecisionRef>(),
    effectiveFrom: date().notNull(),
    changeNote: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique('regulation_versions_version_key').on(t.committeeId, t.version)],
);

/** R14: a unit's report of a personnel change with the proposed replacement, and the head's decision. */
export const personnelChanges = pgTable(
  'personnel_changes',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id),
    replacementUserId: uuid()
      .notNull()
      .references(() => users.id),
    reportNumber: text(),
    reportDate: date().notNull(),
    /** The unit's written report (R14), uploaded as a file. */
    reportFileId: uuid(),
    reason: text().notNull(),
    effectiveDate: date().notNull(),
    status: text().notNull().default('proposed').$type<'proposed' | 'approved' | 'rejected'>(),
    proposedBy: uuid().references(() => users.id),
    proposedAt: createdAt(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    newMembershipId: uuid().references(() => memberships.id),
    movedItems: jsonb().$type<Record<string, number>>(),
  },
  (t) => [
    check('personnel_changes_status_check', sql`${t.status} in ('proposed','approved','rejected')`),
    index('personnel_changes_committee_idx').on(t.committeeId),
  ],
);
