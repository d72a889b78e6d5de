import { z } from 'zod';
import { DecisionRef } from './committees.ts';
import { Id, IsoDate, requiredText, text } from './common.ts';

/** Cơ quan thường trực (R2): any number per committee, each for one or more domains. */
export const StandingAgency = z.object({
  id: Id,
  committeeId: Id,
  unitId: Id,
  unitName: z.string(),
  domains: z.array(z.string()),
  responsibilities: z.string().nullable(),
});
export const StandingAgencyList = z.object({ items: z.array(StandingAgency) });
export const StandingAgencyBody = z
  .object({
    unitId: Id,
    domains: z.array(z.string().max(12)).min(1).max(20),
    responsibilities: text(4000).nullable().optional(),
  })
  .strict();

/** Tổ giúp việc (R6) and its sub-groups (Nhóm công tác). */
export const WorkingGroupMember = z.object({
  userId: Id,
  fullName: z.string(),
  position: z.string().nullable(),
  isLeader: z.boolean(),
});
export const WorkingGroup = z.object({
  id: Id,
  committeeId: Id,
  parentGroupId: Id.nullable(),
  name: z.string(),
  domain: z.string().nullable(),
  purpose: z.string().nullable(),
  leaderUserId: Id.nullable(),
  leaderName: z.string().nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  establishingDecision: DecisionRef.nullable(),
  members: z.array(WorkingGroupMember),
});
export const WorkingGroupList = z.object({ items: z.array(WorkingGroup) });
export const WorkingGroupBody = z
  .object({
    name: requiredText(300),
    parentGroupId: Id.nullable().optional(),
    domain: text(12).nullable().optional(),
    purpose: text(4000).nullable().optional(),
    leaderUserId: Id.nullable().optional(),
    memberUserIds: z.array(Id).max(500).default([]),
    startDate: IsoDate.nullable().optional(),
    endDate: IsoDate.nullable().optional(),
    establishingDecision: DecisionRef.nullable().optional(),
  })
  .strict();
