import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, requiredText, text } from './common.ts';

export { FREQUENCY_LABELS, REPORT_STATUS_LABELS } from './labels.ts';

/**
 * Chế độ báo cáo (R16; Decree 09/2019): a committee issues a regime to the committees directly below it; each
 * reporter files one report per period, drafted from its own records for exactly the period's cut-off window
 * (chốt số liệu), submitted, returned or accepted by the recipient, and rolled up.
 */

export const ReportFrequency = z.enum(['monthly', 'quarterly', 'halfYear', 'annual']);
export type ReportFrequency = z.infer<typeof ReportFrequency>;

export const FieldType = z.enum(['integer', 'decimal', 'percent']);
export type FieldType = z.infer<typeof FieldType>;

/** How the recipient's rollup combines the reporters' values of one field. */
export const RollupRule = z.enum(['sum', 'avg', 'ratio']);
export type RollupRule = z.infer<typeof RollupRule>;

const FieldKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_.]{0,63}$/, 'Mã chỉ tiêu chỉ gồm chữ thường không dấu, số, dấu chấm và gạch dưới');

/**
 * One field of the regime's data table. `source` names the figure the draft is pre-filled with (see
 * FIGURE_SOURCES; an indicator's figures come from the Indicators module). A `ratio` field is
 * numerator / denominator × 100 of two other fields, recomputed from their sums in the rollup.
 */
export const ReportField = z
  .object({
    key: FieldKey,
    label: requiredText(300),
    type: FieldType,
    unit: text(40).nullable().optional(),
    rollup: RollupRule,
    source: z.string().max(100).nullable().optional(),
    numerator: FieldKey.nullable().optional(),
    denominator: FieldKey.nullable().optional(),
  })
  .strict();
export type ReportField = z.infer<typeof ReportField>;

/** The deadline: a day of the month after the cut-off (moved to the next working day), or N working days after it. */
export const DeadlineRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dayOfMonth'), day: z.number().int().min(1).max(28) }).strict(),
  z.object({ kind: z.literal('workingDaysAfterCutoff'), days: z.number().int().min(1).max(60) }).strict(),
]);
export type DeadlineRule = z.infer<typeof DeadlineRule>;

export const CreateRegimeBody = z
  .object({
    name: requiredText(500),
    frequency: ReportFrequency,
    /** The sections of the narrative (đề cương). */
    outline: z.array(requiredText(300)).min(1).max(20),
    fields: z.array(ReportField).max(60),
    /**
     * Chốt số liệu: the window starts on this day of the month before the period and ends the day before it
     * in the period's last month (Decree 09: 15 → 15th to 14th). 1 = calendar months.
     */
    cutoffDay: z.number().int().min(1).max(28).default(15),
    deadline: DeadlineRule,
    /** The first year periods are generated for (through the next year). */
    fromYear: z.number().int().min(2020).max(2100),
  })
  .strict();
export type CreateRegimeBody = z.infer<typeof CreateRegimeBody>;

export const Regime = z.object({
  id: Id,
  committeeId: Id,
  committeeName: z.string(),
  name: z.string(),
  frequency: ReportFrequency,
  outline: z.array(z.string()),
  fields: z.array(ReportField),
  cutoffDay: z.number().int(),
  deadline: DeadlineRule,
  fromYear: z.number().int(),
  reporters: z.array(z.object({ committeeId: Id, name: z.string() })),
  isSample: z.boolean(),
  createdAt: IsoDateTime,
});
export type Regime = z.infer<typeof Regime>;
export const RegimeList = z.object({ items: z.array(Regime) });

export const PeriodKind = z.enum(['periodic', 'adHoc']);

export const ReportStatus = z.enum(['notStarted', 'drafting', 'submitted', 'returned', 'accepted']);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const Period = z.object({
  id: Id,
  regimeId: Id,
  kind: PeriodKind,
  label: z.string(),
  /** The cut-off window, both days included. */
  from: IsoDate,
  to: IsoDate,
  deadline: IsoDate,
  /** Open from the window's end (ad hoc requests: from their sending) until accepted. */
  opensOn: IsoDate,
});
export type Period = z.infer<typeof Period>;

/** Báo cáo đột xuất: one window and deadline, to every reporter of the regime at once. */
export const AdHocRequestBody = z
  .object({
    label: requiredText(300),
    from: IsoDate,
    to: IsoDate,
    deadline: IsoDate,
  })
  .strict();
export type AdHocRequestBody = z.infer<typeof AdHocRequestBody>;

/** What a reporter sees: each period due, when, and its state. */
export const DueReport = z.object({
  period: Period,
  regimeName: z.string(),
  recipientName: z.string(),
  reporterCommitteeId: Id,
  reporterName: z.string(),
  reportId: Id.nullable(),
  status: ReportStatus,
  late: z.boolean(),
  submittedAt: IsoDateTime.nullable(),
});
export type DueReport = z.infer<typeof DueReport>;
export const DueReportList = z.object({ items: z.array(DueReport) });

/** A period of a regime my committee issued, as the dashboard shows it: how many reporters sent, are late, missing. */
export const ReceivedPeriod = z.object({
  period: Period,
  regimeName: z.string(),
  issuerCommitteeId: Id,
  reporters: z.number().int().min(0),
  sent: z.number().int().min(0),
  accepted: z.number().int().min(0),
  late: z.number().int().min(0),
  missing: z.number().int().min(0),
});
export type ReceivedPeriod = z.infer<typeof ReceivedPeriod>;

/** The dashboard's reports (R16): what my committees owe and have not had accepted, and what they receive. */
export const ReportsAtAGlance = z.object({ owed: z.array(DueReport), received: z.array(ReceivedPeriod) });
export type ReportsAtAGlance = z.infer<typeof ReportsAtAGlance>;

export const FigureValue = z.object({
  key: z.string(),
  /** The value in the report (the override when there is one). */
  value: z.number().nullable(),
  /** The value computed from the records for the window (null: no source). */
  computed: z.number().nullable(),
  override: z.object({ value: z.number().nullable(), note: z.string() }).nullable(),
});
export type FigureValue = z.infer<typeof FigureValue>;

export const Report = z.object({
  id: Id,
  period: Period,
  regime: z.object({ id: Id, name: z.string(), committeeId: Id, committeeName: z.string() }),
  fields: z.array(ReportField),
  reporterCommitteeId: Id,
  reporterName: z.string(),
  status: ReportStatus,
  version: z.number().int(),
  late: z.boolean(),
  figures: z.array(FigureValue),
  narrative: z.array(z.object({ heading: z.string(), text: z.string() })),
  returnComment: z.string().nullable(),
  submittedAt: IsoDateTime.nullable(),
  decidedAt: IsoDateTime.nullable(),
  documentId: Id.nullable(),
  versions: z.array(
    z.object({ version: z.number().int(), submittedAt: IsoDateTime, outcome: z.string().nullable() }),
  ),
  myRights: z.array(z.enum(['edit', 'submit', 'decide'])),
});
export type Report = z.infer<typeof Report>;

export const OpenReportBody = z.object({ reporterCommitteeId: Id }).strict();

/** Narrative sections by heading, and figures overridden — each override needs a note, visible to the recipient. */
export const UpdateReportBody = z
  .object({
    narrative: z
      .array(z.object({ heading: requiredText(300), text: text(50_000) }).strict())
      .max(20)
      .optional(),
    overrides: z
      .record(
        z.string().max(64),
        z
          .object({ value: z.number().finite().nullable(), note: requiredText(1000) })
          .strict()
          .nullable(),
      )
      .optional(),
  })
  .strict();
export type UpdateReportBody = z.infer<typeof UpdateReportBody>;

export const DecideReportBody = z
  .object({ outcome: z.enum(['accept', 'return']), comment: text(5000).nullable().optional() })
  .strict()
  .refine((b) => b.outcome === 'accept' || !!b.comment, {
    message: 'Trả lại báo cáo cần nêu lý do',
    path: ['comment'],
  });
export type DecideReportBody = z.infer<typeof DecideReportBody>;

/** The records a pre-filled figure counts. */
export const FigureRecords = z.object({
  key: z.string(),
  items: z.array(z.object({ id: Id, kind: z.string(), title: z.string(), date: IsoDate.nullable() })),
});

export const RollupCell = z.object({
  reporterCommitteeId: Id,
  reporterName: z.string(),
  reportId: Id.nullable(),
  status: ReportStatus,
  late: z.boolean(),
  values: z.record(z.string(), z.number().nullable()),
});
export const Rollup = z.object({
  period: Period,
  regimeName: z.string(),
  fields: z.array(ReportField),
  rows: z.array(RollupCell),
  totals: z.record(z.string(), z.number().nullable()),
  counts: z.object({
    reporters: z.number().int(),
    submitted: z.number().int(),
    missing: z.number().int(),
    late: z.number().int(),
  }),
});
export type Rollup = z.infer<typeof Rollup>;

/** The sections of a periodic CCHC – CĐS – Đề án 06 report (the default outline of a new regime). */
export const DEFAULT_REPORT_OUTLINE = [
  'Kết quả chỉ đạo, điều hành và thực hiện nhiệm vụ',
  'Tồn tại, hạn chế và nguyên nhân',
  'Nhiệm vụ trọng tâm kỳ tới',
  'Kiến nghị, đề xuất',
];

/** The default data table: the committee's own records for the window, and a figure the reporter enters. */
export const DEFAULT_REPORT_FIELDS: ReportField[] = [
  {
    key: 'meetingsHeld',
    label: 'Số cuộc họp Ban Chỉ đạo',
    type: 'integer',
    unit: 'cuộc',
    rollup: 'sum',
    source: 'meetings.held',
  },
  {
    key: 'meetingsNoticed',
    label: 'Cuộc họp có giấy mời',
    type: 'integer',
    unit: 'cuộc',
    rollup: 'sum',
    source: 'meetings.noticed',
  },
  {
    key: 'noticesOnTime',
    label: 'Giấy mời gửi đúng hạn',
    type: 'integer',
    unit: 'cuộc',
    rollup: 'sum',
    source: 'meetings.noticeOnTime',
  },
  {
    key: 'noticeOnTimeRate',
    label: 'Tỷ lệ giấy mời đúng hạn',
    type: 'percent',
    rollup: 'ratio',
    numerator: 'noticesOnTime',
    denominator: 'meetingsNoticed',
  },
  {
    key: 'conclusionsIssued',
    label: 'Kết luận đã ban hành',
    type: 'integer',
    unit: 'kết luận',
    rollup: 'sum',
    source: 'conclusions.issued',
  },
  {
    key: 'tasksAssigned',
    label: 'Nhiệm vụ được giao trong kỳ',
    type: 'integer',
    unit: 'nhiệm vụ',
    rollup: 'sum',
    source: 'tasks.assigned',
  },
  {
    key: 'tasksDoneOnTime',
    label: 'Nhiệm vụ hoàn thành đúng hạn',
    type: 'integer',
    unit: 'nhiệm vụ',
    rollup: 'sum',
    source: 'tasks.doneOnTime',
  },
  {
    key: 'tasksDoneLate',
    label: 'Nhiệm vụ hoàn thành trễ hạn',
    type: 'integer',
    unit: 'nhiệm vụ',
    rollup: 'sum',
    source: 'tasks.doneLate',
  },
  {
    key: 'tasksOverdue',
    label: 'Nhiệm vụ quá hạn tại ngày chốt số liệu',
    type: 'integer',
    unit: 'nhiệm vụ',
    rollup: 'sum',
    source: 'tasks.overdue',
  },
  {
    key: 'tasksOpen',
    label: 'Nhiệm vụ đang thực hiện trong hạn',
    type: 'integer',
    unit: 'nhiệm vụ',
    rollup: 'sum',
    source: 'tasks.open',
  },
  {
    key: 'tasksExtended',
    label: 'Nhiệm vụ được gia hạn',
    type: 'integer',
    unit: 'nhiệm vụ',
    rollup: 'sum',
    source: 'tasks.extensions',
  },
  {
    key: 'planItemsDone',
    label: 'Nhiệm vụ kế hoạch năm hoàn thành',
    type: 'integer',
    unit: 'nhiệm vụ',
    rollup: 'sum',
    source: 'tasks.planItemsDone',
  },
  {
    key: 'documentsIssued',
    label: 'Văn bản đã ban hành',
    type: 'integer',
    unit: 'văn bản',
    rollup: 'sum',
    source: 'documents.issued',
  },
  {
    key: 'onlineApplicationsRate',
    label: 'Tỷ lệ hồ sơ thủ tục hành chính trực tuyến',
    type: 'percent',
    rollup: 'avg',
  },
];
