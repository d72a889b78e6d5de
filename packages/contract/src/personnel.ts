import { z } from 'zod';
import { Id, IsoDate, requiredText } from './common.ts';
import { StoredFile } from './files.ts';

/** R14: the member's unit reports a change and proposes a replacement; the head decides. */
export const PersonnelChangeStatus = z.enum(['proposed', 'approved', 'rejected']);

export const PersonnelChange = z.object({
  id: Id,
  committeeId: Id,
  membershipId: Id,
  outgoingName: z.string(),
  replacementUserId: Id,
  replacementName: z.string(),
  reportNumber: z.string().nullable(),
  reportDate: IsoDate,
  reportFile: StoredFile.nullable(),
  reason: z.string(),
  effectiveDate: IsoDate,
  status: PersonnelChangeStatus,
  proposedBy: z.string().nullable(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  newMembershipId: Id.nullable(),
  movedItems: z.record(z.string(), z.number()).nullable().describe('What moved to the replacement, by kind'),
});
export const PersonnelChangeList = z.object({ items: z.array(PersonnelChange) });

export const ProposePersonnelChangeBody = z
  .object({
    membershipId: Id,
    replacementUserId: Id,
    reportNumber: requiredText(60).nullable().optional().describe('Số văn bản báo cáo của đơn vị'),
    reportDate: IsoDate,
    reportFileId: Id.nullable().optional().describe('The uploaded report (POST /committees/{id}/files)'),
    reason: requiredText(2000),
    effectiveDate: IsoDate,
  })
  .strict();

export const DecidePersonnelChangeBody = z
  .object({ decision: z.enum(['approve', 'reject']), note: requiredText(2000).optional() })
  .strict();
