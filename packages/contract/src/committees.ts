import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, requiredText, text } from './common.ts';

/** Lĩnh vực: the three default domains; a committee may add its own codes. */
export const DEFAULT_DOMAINS = [
  { code: 'CCHC', name: 'Cải cách hành chính' },
  { code: 'CDS', name: 'Chuyển đổi số' },
  { code: 'DA06', name: 'Đề án 06' },
] as const;

export const DomainCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_]{2,12}$/, 'Mã lĩnh vực gồm 2–12 chữ in hoa không dấu hoặc số');

export const Domain = z.object({ code: z.string(), name: z.string() });

export const CommitteeStatus = z.enum(['active', 'merged', 'dissolved']);

/** A decision (quyết định) referenced by a record: number and symbol, date, signer. */
export const DecisionRef = z
  .object({
    number: requiredText(60).describe('Số, ký hiệu, e.g. "51/QĐ-UBND"'),
    date: IsoDate,
    signer: text(120).nullable().optional(),
  })
  .strict();
export type DecisionRef = z.infer<typeof DecisionRef>;

export const Committee = z.object({
  id: Id,
  name: z.string(),
  shortName: z.string().nullable(),
  unitId: Id,
  unitName: z.string(),
  unitLevel: z.string(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  status: CommitteeStatus,
  foundingDecision: DecisionRef.nullable(),
  domains: z.array(Domain),
  memberCount: z.number().int(),
  childCount: z.number().int(),
  isSample: z.boolean(),
});
export type Committee = z.infer<typeof Committee>;

export const Predecessor = z.object({
  id: Id,
  name: z.string(),
  status: CommitteeStatus,
  mergeDecision: DecisionRef.nullable(),
});

export const CommitteeDetail = Committee.extend({
  predecessors: z.array(Predecessor),
  successor: z.object({ id: Id, name: z.string() }).nullable(),
  /** What the signed-in person may do on this committee (the UI hides what the server would refuse). */
  myRole: z.string().nullable(),
  myPermissions: z.array(z.string()),
});
export type CommitteeDetail = z.infer<typeof CommitteeDetail>;

export const ListCommitteesQuery = z
  .object({
    parentId: Id.optional().describe('Children of this committee'),
    unitId: Id.optional(),
    q: text(100).optional(),
    mine: z.enum(['true', 'false']).optional().describe('Only committees I sit on'),
    status: CommitteeStatus.optional(),
  })
  .strict();

export const CommitteeList = z.object({ items: z.array(Committee) });

export const CreateCommitteeBody = z
  .object({
    name: requiredText(300),
    shortName: text(120).nullable().optional(),
    unitId: Id,
    parentId: Id.nullable().optional(),
    foundingDecision: DecisionRef.nullable().optional(),
    domains: z
      .array(z.object({ code: DomainCode, name: requiredText(120) }).strict())
      .max(20)
      .optional(),
    isSample: z.boolean().optional(),
  })
  .strict();
export type CreateCommitteeBody = z.infer<typeof CreateCommitteeBody>;

export const UpdateCommitteeBody = CreateCommitteeBody.omit({ unitId: true }).partial().strict();
export type UpdateCommitteeBody = z.infer<typeof UpdateCommitteeBody>;

/** Merges committees into a new or existing one (seed 000: decision 51/QĐ-UBND merged three into one). */
export const MergeCommitteesBody = z
  .object({ predecessorIds: z.array(Id).min(1).max(10), decision: DecisionRef })
  .strict();

export const CommitteeAt = z.object({ committeeId: Id, at: IsoDateTime });
