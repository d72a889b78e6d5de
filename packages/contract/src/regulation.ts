import { z } from 'zod';
import { DecisionRef } from './committees.ts';
import { Id, IsoDate, requiredText, text } from './common.ts';

/** R11: who may attend in a member's place. */
export const SubstitutePolicy = z.enum(['chairApproval', 'deputyOfUnitOnly']);

/**
 * The rule settings the rest of the system reads from the committee's regulation (R21), with the defaults
 * of the Phúc La regulation (seed 000) and Bình Định's confirmation rule (seed 004).
 */
export const RuleSettings = z
  .object({
    noticeLeadWorkingDays: z.number().int().min(0).max(30).describe('R9: notice ≥ N working days before'),
    confirmationLeadDays: z
      .number()
      .int()
      .min(0)
      .max(14)
      .describe(
        'R10: confirm attendance ≥ N working days before the meeting day (1: the last working day before)',
      ),
    substitutePolicy: SubstitutePolicy.describe('R11'),
    meetingCadence: z
      .object({ quarterly: z.boolean(), halfYearReview: z.boolean(), annualReview: z.boolean() })
      .strict()
      .describe('R8'),
    absenteeWrittenOpinionRequired: z.boolean().describe('R12'),
    quorumFraction: z.number().min(0).max(1).describe('Share of members needed for quorum'),
    checkInOpensMinutes: z
      .number()
      .int()
      .min(0)
      .max(240)
      .optional()
      .describe('Check-in opens N minutes before the start, on the meeting day (default 60)'),
    taskDueSoonWorkingDays: z
      .number()
      .int()
      .min(0)
      .max(30)
      .optional()
      .describe('A task is "due soon" within N working days of its deadline (default 3)'),
    taskReminderWorkingDays: z
      .array(z.number().int().min(1).max(10))
      .max(5)
      .optional()
      .describe('Task reminders N working days before the deadline (default 3 and 1)'),
    taskEscalationWorkingDays: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe(
        'After N working days overdue a task is escalated to the standing agency and the heads (default 3)',
      ),
    evaluationProposer: z
      .enum(['standingDeputy', 'anyDeputy', 'secretary'])
      .optional()
      .describe('R17: who proposes the members’ yearly levels (default the standing deputy)'),
  })
  .strict();
export type RuleSettings = z.infer<typeof RuleSettings>;

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  noticeLeadWorkingDays: 2,
  confirmationLeadDays: 1,
  substitutePolicy: 'chairApproval',
  meetingCadence: { quarterly: true, halfYearReview: true, annualReview: true },
  absenteeWrittenOpinionRequired: true,
  quorumFraction: 0.5,
  checkInOpensMinutes: 60,
  taskDueSoonWorkingDays: 3,
  taskReminderWorkingDays: [3, 1],
  taskEscalationWorkingDays: 3,
};

export const RegulationVersion = z.object({
  id: Id,
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  decision: DecisionRef.nullable(),
  effectiveFrom: IsoDate,
  changeNote: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const Regulation = z.object({
  current: RegulationVersion.nullable(),
  versions: z.array(RegulationVersion.omit({ body: true })),
  settings: RuleSettings,
});

export const CreateRegulationVersionBody = z
  .object({
    title: requiredText(500),
    body: requiredText(200_000),
    decision: DecisionRef.nullable().optional(),
    effectiveFrom: IsoDate,
    changeNote: text(1000).nullable().optional(),
  })
  .strict();
