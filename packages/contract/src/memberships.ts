import { z } from 'zod';
import { DecisionRef } from './committees.ts';
import { Id, IsoDate, requiredText, text } from './common.ts';

export { ROLE_LABELS } from './labels.ts';

/** Roles on a committee (DOMAIN.md glossary). */
export const CommitteeRole = z.enum([
  'head',
  'deputyHead',
  'member',
  'residentialGroupHead',
  'secretary',
  'guest',
]);
export type CommitteeRole = z.infer<typeof CommitteeRole>;

export const Membership = z.object({
  id: Id,
  committeeId: Id,
  userId: Id,
  fullName: z.string(),
  role: CommitteeRole,
  isStanding: z.boolean().describe('Phó Trưởng Ban thường trực'),
  leadDomain: z.string().nullable().describe('Domain a deputy leads'),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  position: z.string().nullable().describe('Position the person sits for, e.g. "Trưởng Công an phường"'),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  appointingDecision: DecisionRef.nullable(),
  endReason: z.string().nullable(),
  replacedById: Id.nullable(),
  active: z.boolean(),
  isSample: z.boolean(),
});
export type Membership = z.infer<typeof Membership>;

export const MembershipList = z.object({ items: z.array(Membership) });

export const ListMembershipsQuery = z
  .object({
    at: IsoDate.optional().describe('Members on this date (default today)'),
    includeEnded: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const CreateMembershipBody = z
  .object({
    userId: Id,
    role: CommitteeRole,
    isStanding: z.boolean().optional(),
    leadDomain: text(12).nullable().optional(),
    unitId: Id.nullable().optional(),
    position: text(200).nullable().optional(),
    startDate: IsoDate,
    endDate: IsoDate.nullable().optional(),
    appointingDecision: DecisionRef.nullable().optional(),
    duties: z
      .array(z.object({ domain: text(12).nullable(), text: requiredText(4000) }).strict())
      .max(100)
      .optional(),
  })
  .strict();
export type CreateMembershipBody = z.infer<typeof CreateMembershipBody>;

export const UpdateMembershipBody = CreateMembershipBody.omit({ userId: true, duties: true })
  .partial()
  .strict();
export type UpdateMembershipBody = z.infer<typeof UpdateMembershipBody>;

export const EndMembershipBody = z.object({ endDate: IsoDate, reason: requiredText(500) }).strict();

/** R7: a member's standing duties, one item per line, each with a stable id tasks can link to. */
export const Duty = z.object({
  id: Id,
  domain: z.string().nullable(),
  text: z.string(),
  position: z.number().int(),
});
export type Duty = z.infer<typeof Duty>;

export const DutyRevision = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  decision: DecisionRef.nullable(),
  note: z.string().nullable(),
  items: z.array(Duty),
});

export const DutyList = z.object({
  membershipId: Id,
  version: z.number().int(),
  items: z.array(Duty),
  history: z.array(DutyRevision),
});

export const ReplaceDutiesBody = z
  .object({
    items: z
      .array(
        z
          .object({
            id: Id.optional().describe('Keep an existing item (its id stays)'),
            domain: text(12).nullable(),
            text: requiredText(4000),
          })
          .strict(),
      )
      .max(100),
    decision: DecisionRef.nullable().optional(),
    note: text(500).nullable().optional(),
    /** Optimistic concurrency: the version the editor started from. */
    baseVersion: z.number().int().min(0),
  })
  .strict();
export type ReplaceDutiesBody = z.infer<typeof ReplaceDutiesBody>;

/** People a committee manager may pick (to seat, to replace a member, to put in a working group). */
export const Candidate = z.object({
  id: Id,
  username: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  unitName: z.string().nullable(),
  isSample: z.boolean().describe('Demo data with an invented name'),
  currentRole: CommitteeRole.nullable().describe('Seat held on this committee today, if any'),
});
export type Candidate = z.infer<typeof Candidate>;
export const CandidateList = z.object({ items: z.array(Candidate) });
export const CandidateQuery = z.object({ q: text(100).optional() }).strict();
