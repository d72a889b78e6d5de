import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common.ts';

// R17: the annual evaluation of a committee's members from their work products (Decree 335/2025/NĐ-CP method).

/** The four levels of Decree 335/2025 (and 90/2020), best first. Their names and thresholds are scheme data. */
export const EvaluationLevel = z.enum(['excellent', 'good', 'done', 'notDone']);
export type EvaluationLevel = z.infer<typeof EvaluationLevel>;

/** Who proposes the members' levels (a committee setting, R17; default the standing deputy). */
export const EvaluationProposer = z.enum(['standingDeputy', 'anyDeputy', 'secretary']);
export type EvaluationProposer = z.infer<typeof EvaluationProposer>;

export const EvaluationScheme = z.object({
  code: z.string(),
  name: z.string(),
  levels: z.array(z.object({ code: EvaluationLevel, name: z.string(), minPoints: z.number() })),
  generalCriteria: z.array(
    z.object({
      code: z.string(),
      group: z.string(),
      text: z.string(),
      maxPoints: z.number(),
      unconfirmed: z.boolean(),
    }),
  ),
  generalMax: z.number(),
  taskMax: z.number(),
  weights: z.object({ quantity: z.number(), quality: z.number(), timeliness: z.number() }),
  errorPenalty: z.number().describe('Share of an item’s quality points lost per major error'),
  delayPenalty: z.number().describe('Share of an item’s timeliness points lost per delay'),
  cap: z.object({ level: EvaluationLevel, ofLevel: EvaluationLevel, share: z.number() }),
  notes: z.array(z.string()).describe('What is sourced, what is inference or unconfirmed'),
});
export type EvaluationScheme = z.infer<typeof EvaluationScheme>;

const TaskRecord = z.object({
  taskId: Id,
  title: z.string(),
  role: z.enum(['lead', 'cooperate']),
  deadline: IsoDate,
  originalDeadline: IsoDate,
  status: z.string(),
  completedOn: IsoDate.nullable(),
  outcome: z.enum(['doneOnTime', 'doneLate', 'overdue', 'open']),
  returns: z.array(
    z.object({ eventId: Id, at: z.string(), reason: z.string().nullable(), minor: z.boolean() }),
  ),
  extensions: z.number().int(),
  exemption: z.string().nullable().describe('The objective cause the committee confirmed'),
  counted: z.boolean().describe('Counted in the 70-point task part'),
});

export const MemberFigures = z.object({
  tasks: z.object({
    assigned: z.number().int(),
    doneOnTime: z.number().int(),
    doneLate: z.number().int(),
    overdue: z.number().int(),
    open: z.number().int(),
    returned: z.number().int(),
    majorErrors: z.number().int(),
    extensions: z.number().int(),
    exempted: z.number().int(),
    cooperated: z.number().int(),
    records: z.array(TaskRecord),
  }),
  attendance: z.object({
    meetings: z.number().int(),
    present: z.number().int(),
    substitute: z.number().int(),
    approvedAbsence: z.number().int(),
    absentWithoutLeave: z.number().int(),
    records: z.array(
      z.object({
        meetingId: Id,
        title: z.string(),
        date: IsoDate,
        outcome: z.enum(['present', 'substitute', 'approvedAbsence', 'absentWithoutLeave']),
      }),
    ),
  }),
  reports: z.object({
    submitted: z.number().int(),
    onTime: z.number().int(),
    records: z.array(
      z.object({ reportId: Id, label: z.string(), deadline: IsoDate, sentOn: IsoDate, onTime: z.boolean() }),
    ),
  }),
});
export type MemberFigures = z.infer<typeof MemberFigures>;

export const TaskScore = z.object({
  quantityPct: z.number(),
  qualityPct: z.number(),
  timelinessPct: z.number(),
  points: z.number().describe('Out of the scheme’s task maximum (70)'),
});
export type TaskScore = z.infer<typeof TaskScore>;

export const MemberEvaluation = z.object({
  id: Id,
  userId: Id,
  fullName: z.string(),
  position: z.string().nullable(),
  role: z.string(),
  seatFrom: IsoDate,
  seatTo: IsoDate.nullable(),
  figures: MemberFigures,
  taskScore: TaskScore,
  selfScores: z.record(z.string(), z.number()).nullable(),
  reviewedScores: z.record(z.string(), z.number()).nullable(),
  generalPoints: z.number().nullable(),
  totalPoints: z.number().nullable(),
  suggestedLevel: EvaluationLevel.nullable(),
  proposedLevel: EvaluationLevel.nullable(),
  proposalNote: z.string().nullable(),
  decidedLevel: EvaluationLevel.nullable(),
  decidedAt: z.string().nullable(),
});
export type MemberEvaluation = z.infer<typeof MemberEvaluation>;

export const CapCheck = z.object({
  level: EvaluationLevel,
  ofLevel: EvaluationLevel,
  share: z.number(),
  count: z.number().int(),
  ofCount: z.number().int(),
  allowed: z.number().int(),
  exceeded: z.boolean(),
});

export const EvaluationCycle = z.object({
  id: Id,
  committeeId: Id,
  committeeName: z.string(),
  year: z.number().int(),
  deadline: IsoDate,
  status: z.enum(['open', 'decided']),
  asOf: IsoDate.describe('The records are counted up to this day'),
  proposerRole: EvaluationProposer,
  scheme: EvaluationScheme,
  members: z.array(MemberEvaluation),
  cap: CapCheck.describe('Counted on the proposed levels until decided, then on the decided ones'),
  capOverrideReason: z.string().nullable(),
  may: z.object({ propose: z.boolean(), decide: z.boolean(), manage: z.boolean(), viewAll: z.boolean() }),
  myMemberId: Id.nullable(),
});
export type EvaluationCycle = z.infer<typeof EvaluationCycle>;

export const EvaluationCycleList = z.object({
  items: z.array(
    z.object({ id: Id, year: z.number().int(), deadline: IsoDate, status: z.enum(['open', 'decided']) }),
  ),
});

export const OpenEvaluationBody = z
  .object({
    year: z.number().int().min(2020).max(2100),
    deadline: IsoDate.optional().describe('Before 15/12 of the year, a working day; default the last one'),
  })
  .strict();

const Scores = z.record(z.string().max(20), z.number().min(0).max(100));

export const SelfScoreBody = z.object({ scores: Scores }).strict();

export const ProposeBody = z
  .object({
    items: z
      .array(
        z
          .object({
            memberId: Id,
            level: EvaluationLevel,
            reviewedScores: Scores.optional(),
            note: text(2000).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

export const DecideBody = z
  .object({
    items: z
      .array(z.object({ memberId: Id, level: EvaluationLevel }).strict())
      .min(1)
      .max(500),
    capOverrideReason: requiredText(2000).optional().describe('Required when the cap is exceeded'),
  })
  .strict();

export const TaskNoteBody = z
  .object({
    taskId: Id,
    kind: z.enum(['exemptDelay', 'minorReturn']),
    eventId: Id.optional().describe('minorReturn: the return marked minor'),
    reason: requiredText(2000),
  })
  .strict();
export type OpenEvaluationBody = z.infer<typeof OpenEvaluationBody>;
export type SelfScoreBody = z.infer<typeof SelfScoreBody>;
export type ProposeBody = z.infer<typeof ProposeBody>;
export type DecideBody = z.infer<typeof DecideBody>;
export type TaskNoteBody = z.infer<typeof TaskNoteBody>;
export type CapCheck = z.infer<typeof CapCheck>;
export type EvaluationCycleList = z.infer<typeof EvaluationCycleList>;
