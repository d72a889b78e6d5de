import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common.ts';
import { DerivedTaskStatus, TaskStatus } from './tasks.ts';

export { PLAN_STATUS_LABELS } from './labels.ts';

/**
 * Kế hoạch công tác năm (R5): the standing agency drafts it, the head approves it (or a deputy under a delegation
 * to sign documents, R4); approval turns every item into a task. Cancelled plans free the year for a new one.
 */
export const PlanStatus = z.enum(['draft', 'approved', 'cancelled']);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const Quarter = z.number().int().min(1).max(4);

export const CreatePlanBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Default: "Kế hoạch công tác năm <year> của <committee>". */
    title: text(1000).optional(),
    purpose: text(20_000).nullable().optional().describe('Mục đích, yêu cầu'),
  })
  .strict();
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

/**
 * One item as the editor sends it. Lead: exactly one unit or one seat of the committee (R1). Deadline: a date
 * in the plan year, not before the item's quarter starts; without one, the last day of the quarter.
 */
export const PlanItemInput = z
  .object({
    domain: requiredText(12),
    quarter: Quarter,
    title: requiredText(1000),
    content: text(20_000).nullable().optional(),
    leadUnitId: Id.nullable().optional(),
    leadMembershipId: Id.nullable().optional(),
    cooperatingUnitIds: z.array(Id).max(30).default([]),
    expectedProduct: text(500).nullable().optional(),
    deadline: IsoDate.nullable().optional(),
  })
  .strict()
  .refine((i) => !!i.leadUnitId !== !!i.leadMembershipId, {
    message:
      'Mỗi nhiệm vụ phải có đúng một đơn vị hoặc một thành viên chủ trì, không giao cho cả Ban Chỉ đạo',
    path: ['leadUnitId'],
  });
export type PlanItemInput = z.infer<typeof PlanItemInput>;

/** Replaces the plan's title, purpose and items while it is a draft. */
export const UpdatePlanBody = z
  .object({
    title: requiredText(1000).optional(),
    purpose: text(20_000).nullable().optional(),
    items: z.array(PlanItemInput).max(300),
  })
  .strict();
export type UpdatePlanBody = z.infer<typeof UpdatePlanBody>;

export const PlanItem = z.object({
  id: Id,
  position: z.number().int(),
  domain: z.string(),
  domainName: z.string(),
  quarter: z.number().int(),
  title: z.string(),
  content: z.string().nullable(),
  leadUnit: z.object({ id: Id, name: z.string() }).nullable(),
  leadMember: z.object({ membershipId: Id, fullName: z.string() }).nullable(),
  cooperatingUnits: z.array(z.object({ id: Id, name: z.string() })),
  expectedProduct: z.string().nullable(),
  deadline: IsoDate,
  /** The task approval created from this item, with its state today. */
  task: z.object({ id: Id, status: TaskStatus, derivedStatus: DerivedTaskStatus }).nullable(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanAction = z.enum(['edit', 'approve', 'cancel', 'draftDocument']);
export type PlanAction = z.infer<typeof PlanAction>;

export const PlanSummary = z.object({
  id: Id,
  committeeId: Id,
  year: z.number().int(),
  title: z.string(),
  status: PlanStatus,
  itemCount: z.number().int(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  documentId: Id.nullable(),
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanDetail = PlanSummary.extend({
  purpose: z.string().nullable(),
  approvedOn: IsoDate.nullable(),
  /** True when a deputy approved under a delegation (R4). */
  approvedUnderDelegation: z.boolean(),
  document: z.object({ id: Id, title: z.string(), status: z.string() }).nullable(),
  items: z.array(PlanItem),
  /** What the signed-in person may do now (the server checks again). */
  allowedActions: z.array(PlanAction),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanList = z.object({ items: z.array(PlanSummary) });

// ——— Review data for the 6-month and annual review meetings (R5, R8) ———

export const ReviewPeriod = z.enum(['firstHalf', 'fullYear']);
export type ReviewPeriod = z.infer<typeof ReviewPeriod>;

export const ReviewQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    period: ReviewPeriod.default('fullYear'),
    /** Only the tasks created from this plan's items. */
    planId: Id.optional(),
  })
  .strict();
export type ReviewQuery = z.infer<typeof ReviewQuery>;

export const ReviewCounts = z.object({
  total: z.number().int(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  openOnTime: z.number().int(),
  overdue: z.number().int(),
  cancelled: z.number().int(),
});
export type ReviewCounts = z.infer<typeof ReviewCounts>;

export const ReviewRow = ReviewCounts.extend({ key: z.string(), name: z.string() });
export type ReviewRow = z.infer<typeof ReviewRow>;

export const PlanReview = z.object({
  from: IsoDate,
  to: IsoDate,
  /** The date "overdue" and "open on time" are judged on (today in Viet Nam). */
  asOf: IsoDate,
  totals: ReviewCounts,
  byDomain: z.array(ReviewRow),
  /** By lead unit; a task led by a member counts for the member's unit, or for the member without one. */
  byLead: z.array(ReviewRow),
});
export type PlanReview = z.infer<typeof PlanReview>;
