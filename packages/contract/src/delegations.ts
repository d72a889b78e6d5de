import { z } from 'zod';
import { DecisionRef } from './committees.ts';
import { Id, IsoDate } from './common.ts';

export { SCOPE_LABELS } from './labels.ts';

/** What the head may delegate (R3, R4): chairing meetings, signing documents, approving absences, task extensions. */
export const DelegationScope = z.enum([
  'chairMeetings',
  'signDocuments',
  'approveAbsences',
  'decideTaskExtensions',
]);
export type DelegationScope = z.infer<typeof DelegationScope>;

export const Delegation = z.object({
  id: Id,
  committeeId: Id,
  fromMembershipId: Id,
  fromName: z.string(),
  toMembershipId: Id,
  toName: z.string(),
  scopes: z.array(DelegationScope),
  domains: z.array(z.string()).describe('Empty: every domain'),
  validFrom: IsoDate,
  validTo: IsoDate,
  document: DecisionRef.nullable(),
  revokedAt: z.string().nullable(),
  active: z.boolean().describe('In force today'),
});
export type Delegation = z.infer<typeof Delegation>;

export const DelegationList = z.object({ items: z.array(Delegation) });

export const CreateDelegationBody = z
  .object({
    toMembershipId: Id,
    scopes: z.array(DelegationScope).min(1).max(4),
    domains: z.array(z.string().max(12)).max(20).default([]),
    validFrom: IsoDate,
    validTo: IsoDate,
    document: DecisionRef.nullable().optional(),
  })
  .strict();
export type CreateDelegationBody = z.infer<typeof CreateDelegationBody>;

/** "May X act for the head on action A in domain D on date T?" */
export const ActingQuery = z
  .object({
    userId: Id,
    scope: DelegationScope,
    domain: z.string().max(12).optional(),
    date: IsoDate.optional(),
  })
  .strict();
export const ActingAnswer = z.object({
  allowed: z.boolean(),
  as: z.enum(['head', 'delegate']).nullable(),
  delegationId: Id.nullable(),
  reason: z.string(),
});
