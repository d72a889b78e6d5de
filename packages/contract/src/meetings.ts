import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, requiredText, text } from './common.ts';
import { StoredFile } from './files.ts';
import { CarriedTask } from './tasks.ts';

export { MEETING_KIND_LABELS } from './labels.ts';

/** R8: periodic (quarterly), six-month review, annual review, ad hoc (whole or part of the committee), thematic. */
export const MeetingKind = z.enum(['quarterly', 'halfYearReview', 'annualReview', 'adHoc', 'thematic']);
export type MeetingKind = z.infer<typeof MeetingKind>;

export const MeetingStatus = z.enum(['draft', 'noticeSent', 'held', 'closed', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** A conclusion's task without a deadline is due this many working days after its assigned date (the approval). */
export const DEFAULT_CONCLUSION_TASK_WORKING_DAYS = 10;

/** A meeting entered after it took place (a committee adopting the system mid-year): no notice, no answers. */
export const RecordedAfterwards = z.object({
  reason: z.string(),
  recordedAt: IsoDateTime,
  recordedBy: z.string().nullable(),
});

/** A meeting on a weekend, a public holiday or a local day off, held only as the chair decided, and why. */
export const DayOff = z.object({
  /** What the day is: "Chủ nhật", "Tết Nguyên đán", "Nghỉ bù …". */
  name: z.string(),
  reason: z.string(),
  confirmedBy: z.string().nullable(),
  confirmedAt: IsoDateTime,
});

export const LateNoticeRequestStatus = z.enum(['pending', 'approved', 'refused']);
/** The secretary's request that the chair send a late notice (R9), and the chair's answer. */
export const LateNoticeRequest = z.object({
  id: Id,
  status: LateNoticeRequestStatus,
  reason: z.string(),
  requestedBy: z.string().nullable(),
  requestedAt: IsoDateTime,
  chairName: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: IsoDateTime.nullable(),
  comment: z.string().nullable(),
});
export type LateNoticeRequest = z.infer<typeof LateNoticeRequest>;

export const AgendaItem = z.object({
  id: Id,
  position: z.number().int(),
  title: z.string(),
  presenter: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  takesOpinions: z
    .boolean()
    .describe('R12: takes opinions on a major issue or a draft report to the higher level'),
  carriedOver: z.boolean().describe('Filled by the follow-up module: unfinished tasks (R8)'),
  documents: z.array(StoredFile).describe('Documents members read before the meeting (PDF, DOCX, XLSX)'),
  carriedTasks: z
    .array(CarriedTask)
    .describe(
      'R8: in the carried-over section, the unfinished tasks as they stood when the meeting was prepared',
    ),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaItemBody = z
  .object({
    title: requiredText(500),
    presenter: text(200).nullable().optional(),
    durationMinutes: z.number().int().min(1).max(600).nullable().optional(),
    takesOpinions: z.boolean().default(false),
  })
  .strict();

export const AttendeeResponse = z.enum(['attend', 'absent', 'substitute']);
export const Approval = z.enum(['pending', 'approved', 'rejected']);

export const Attendee = z.object({
  id: Id,
  userId: Id,
  fullName: z.string(),
  position: z.string().nullable(),
  kind: z.enum(['member', 'guest']),
  role: z.string().nullable().describe('Committee role for members'),
  response: AttendeeResponse.nullable(),
  reason: z.string().nullable(),
  substitute: z
    .object({
      name: z.string(),
      position: z.string().nullable(),
      userId: Id.nullable(),
      briefed: z.boolean(),
    })
    .nullable(),
  respondedAt: z.string().nullable(),
  respondedLate: z.boolean().describe('Recorded by the secretary after the deadline (R10)'),
  approval: Approval.nullable().describe('R11: absence and substitutes need the chair’s approval'),
  approvalNote: z.string().nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

export const Meeting = z.object({
  id: Id,
  committeeId: Id,
  kind: MeetingKind,
  title: z.string(),
  status: MeetingStatus,
  partial: z.boolean().describe('Ad hoc with some members only'),
  chairMembershipId: Id.nullable(),
  chairName: z.string().nullable(),
  place: z.string().nullable(),
  onlineLink: z.string().nullable(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  noticeSentAt: z.string().nullable(),
  noticeVersion: z.number().int(),
  lateNotice: z
    .object({ requiredBy: IsoDate, workingDaysGiven: z.number().int(), reason: z.string() })
    .nullable()
    .describe('R9: the notice went out late; why'),
  confirmationDeadline: IsoDateTime.describe(
    'R10: attendance must be confirmed before this: N working days before the meeting day, at the start time',
  ),
  cancelledReason: z.string().nullable(),
  recordedAfterwards: RecordedAfterwards.nullable().describe('Entered after it took place, with the reason'),
  dayOff: DayOff.nullable().describe('Held on a day off, as the chair confirmed'),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingDetail = Meeting.extend({
  agenda: z.array(AgendaItem),
  attendees: z.array(Attendee),
  roll: z.object({
    attend: z.number().int(),
    absent: z.number().int(),
    substitutePending: z.number().int(),
    noAnswer: z.number().int(),
  }),
  notice: z.object({
    leadWorkingDays: z.number().int(),
    latestOnTimeDate: IsoDate.describe('Last day a notice gives the lead time (R9)'),
    late: z.boolean().describe('R9: a notice sent now would be late (only the chair may send it)'),
    workingDaysLeft: z.number().int().describe('Full working days between today and the meeting day'),
  }),
  lateNoticeRequest: LateNoticeRequest.nullable().describe(
    "R9: the latest request to the chair to send the notice late, and the chair's answer",
  ),
  checkIn: z.object({
    opensAt: IsoDateTime.describe('Check-in opens this long before the start, on the meeting day'),
    open: z.boolean(),
  }),
  notices: z
    .array(
      z.object({
        version: z.number().int(),
        kind: z.enum(['notice', 'amendment', 'cancellation']),
        sentAt: IsoDateTime,
        changes: z.array(z.string()),
      }),
    )
    .describe('R9: the notice, each amended notice with what changed, and the cancellation, oldest first'),
  myAttendeeId: Id.nullable(),
  myPermissions: z.array(z.string()),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const ListMeetingsQuery = z
  .object({
    committeeId: Id.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    mine: z.enum(['true', 'false']).optional(),
  })
  .strict();
export const MeetingList = z.object({ items: z.array(Meeting) });

export const CreateMeetingBody = z
  .object({
    committeeId: Id,
    kind: MeetingKind,
    title: requiredText(500),
    chairMembershipId: Id.nullable().optional().describe('Default: the head'),
    place: text(300).nullable().optional(),
    onlineLink: z.url().max(500).nullable().optional(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    /** Ad hoc meetings with some members only (R8); default: every member. */
    attendeeUserIds: z.array(Id).max(500).optional(),
    /** Non-members the head decides to invite (R3). */
    guestUserIds: z.array(Id).max(100).optional(),
    /** The chair's reason for meeting on a weekend, a holiday or a local day off (required on such a day). */
    dayOffReason: text(1000).nullable().optional(),
    /** A meeting that already took place, entered afterwards: its reason. Its time must be in the past. */
    recordedAfterwards: z
      .object({ reason: requiredText(1000) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

export const UpdateMeetingBody = CreateMeetingBody.omit({
  committeeId: true,
  kind: true,
  recordedAfterwards: true,
})
  .partial()
  .strict();
export type UpdateMeetingBody = z.infer<typeof UpdateMeetingBody>;

export const SendNoticeBody = z
  .object({ lateReason: text(1000).nullable().optional().describe('Required when the notice is late (R9)') })
  .strict();

export const CancelMeetingBody = z.object({ reason: requiredText(1000) }).strict();

/** R11: the person sent instead, who must have been briefed on the meeting. */
const SubstituteBody = z
  .object({
    name: requiredText(120),
    position: text(200).nullable().optional(),
    userId: Id.nullable().optional(),
    briefed: z.literal(true, { error: 'Người dự thay phải được phổ biến nội dung cuộc họp' }),
  })
  .strict();

export const RespondBody = z
  .object({
    response: AttendeeResponse,
    reason: text(1000).nullable().optional(),
    substitute: SubstituteBody.nullable().optional(),
  })
  .strict();
export type RespondBody = z.infer<typeof RespondBody>;

export const DecideAttendanceBody = z
  .object({ decision: z.enum(['approve', 'reject']), note: text(1000).nullable().optional() })
  .strict();

export const GenerateCalendarBody = z.object({ year: z.number().int().min(2000).max(2100) }).strict();

// ——— Written opinions (R12) ———

export const WrittenOpinion = z.object({
  id: Id,
  attendeeId: Id,
  fullName: z.string(),
  agendaItemId: Id,
  text: z.string(),
  fileId: Id.nullable(),
  submittedAt: z.string(),
});
export const WrittenOpinionBody = z
  .object({ agendaItemId: Id, text: requiredText(20_000), fileId: Id.nullable().optional() })
  .strict();
export const MissingOpinion = z.object({
  attendeeId: Id,
  fullName: z.string(),
  agendaItemId: Id,
  agendaTitle: z.string(),
});

// ——— At the meeting: check-in and quorum ———

/**
 * Where each person stands. Before the meeting is over: not answered (chưa xác nhận), coming but not arrived,
 * absence waiting for the chair. Only once it is over does someone neither present nor excused become
 * "absent without leave" (R10, R11).
 */
export const AttendanceStatus = z.enum([
  'present',
  'substitutePresent',
  'guestPresent',
  'absentApproved',
  'absentNotApproved',
  'notArrived',
  'notAnswered',
  'absencePending',
  'guestAbsent',
]);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;
export const AttendanceRow = z.object({
  attendeeId: Id,
  fullName: z.string(),
  kind: z.enum(['member', 'guest']),
  status: AttendanceStatus,
  substituteName: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  minuteTaker: z.boolean().describe('Thư ký cuộc họp: takes the minutes, counted present'),
});
/** Who is in the room: members in person, people attending in a member's place, guests. */
export const Headcount = z.object({
  members: z.number().int(),
  substitutes: z.number().int(),
  guests: z.number().int(),
});
export type Headcount = z.infer<typeof Headcount>;
export const Attendance = z.object({
  rows: z.array(AttendanceRow),
  quorum: z.object({
    members: z.number().int(),
    present: z.number().int().describe('Members present in person or by substitute'),
    required: z.number().int(),
    reached: z.boolean(),
  }),
  headcount: Headcount,
  over: z.boolean().describe('The meeting has ended: whoever did not come is absent'),
});

/** "5 thành viên, 1 người dự thay, 1 khách mời": a headcount as the minutes and notices write it. */
export function headcountText(h: Headcount): string {
  return [
    `${h.members} thành viên`,
    ...(h.substitutes ? [`${h.substitutes} người dự thay`] : []),
    ...(h.guests ? [`${h.guests} khách mời`] : []),
  ].join(', ');
}

/** The minute-taker (thư ký cuộc họp): one attendee, checked in by marking. */
export const MinuteTakerBody = z.object({ attendeeId: Id }).strict();

// ——— Minutes and conclusions (R5, R13) ———

export const TaskProposal = z
  .object({
    title: requiredText(500),
    /** R1: the lead is a unit or a member, never the committee itself. */
    leadUnitId: Id.nullable().optional(),
    leadMembershipId: Id.nullable().optional(),
    cooperatingUnitIds: z.array(Id).max(30).default([]),
    deadline: IsoDate.nullable().optional(),
    /** Instead of a date: N working days from the meeting date (the follow-up module counts them). */
    deadlineWorkingDays: z.number().int().min(1).max(500).nullable().optional(),
  })
  .strict()
  .refine((t) => !(t.deadline && t.deadlineWorkingDays), {
    message: 'Chỉ ghi một trong hai: hạn hoàn thành hoặc số ngày làm việc',
    path: ['deadlineWorkingDays'],
  })
  .refine((t) => !!t.leadUnitId !== !!t.leadMembershipId, {
    message: 'Nhiệm vụ phải có một đơn vị hoặc một thành viên chủ trì, không giao cho cả Ban Chỉ đạo',
    path: ['leadUnitId'],
  });
export type TaskProposal = z.infer<typeof TaskProposal>;

export const Conclusion = z.object({
  id: Id,
  position: z.number().int(),
  text: z.string(),
  domain: z.string().nullable(),
  tasks: z.array(TaskProposal),
});
export const ConclusionsBody = z
  .object({
    items: z
      .array(
        z
          .object({
            text: requiredText(10_000),
            domain: text(12).nullable().optional(),
            tasks: z.array(TaskProposal).max(20).default([]),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

export const MinutesStatus = z.enum(['draft', 'submitted', 'returned', 'approved']);
export const MinutesBody = z
  .object({
    summary: text(50_000).nullable().optional(),
    notes: z
      .array(z.object({ agendaItemId: Id, text: text(50_000) }).strict())
      .max(100)
      .default([]),
  })
  .strict();
export const Minutes = z.object({
  status: MinutesStatus,
  summary: z.string().nullable(),
  notes: z.array(
    z.object({
      agendaItemId: Id,
      agendaTitle: z.string(),
      text: z.string(),
      carriedTasks: z.array(CarriedTask).describe("R8: the carried-over section's unfinished tasks"),
    }),
  ),
  attendance: Attendance,
  opinions: z.array(WrittenOpinion),
  conclusions: z.array(Conclusion),
  returnComment: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
});
export const ReturnMinutesBody = z.object({ comment: requiredText(2000) }).strict();

// ——— The personal link in the invitation e-mail ———

export const RsvpQuery = z.object({ token: z.string().min(10).max(500) }).strict();
export const Rsvp = z.object({
  meetingId: Id,
  meetingTitle: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  place: z.string().nullable(),
  status: MeetingStatus,
  fullName: z.string(),
  response: AttendeeResponse.nullable(),
  deadline: IsoDateTime,
  open: z.boolean(),
});
/** The personal link answers like the member would, but names a substitute without an account id. */
export const RsvpBody = z
  .object({
    token: z.string().min(10).max(500),
    response: AttendeeResponse,
    reason: text(1000).nullable().optional(),
    substitute: SubstituteBody.omit({ userId: true }).nullable().optional(),
  })
  .strict();
export type RsvpBody = z.infer<typeof RsvpBody>;

export const RemindResult = z.object({
  reminded: z.number().int().describe('How many people who had not answered were reminded (R10)'),
});

// ——— Late notice (R9): the secretary's request, the chair's decision ———

export const LateNoticeRequestBody = z.object({ reason: requiredText(1000) }).strict();
export const DecideLateNoticeBody = z
  .object({ decision: z.enum(['approve', 'refuse']), comment: text(1000).nullable().optional() })
  .strict()
  .refine((b) => b.decision === 'approve' || !!b.comment, {
    message: 'Cần nêu ý kiến khi không đồng ý',
    path: ['comment'],
  });

/** The chair's one-click link in the request e-mail: what it shows. */
export const LateNoticeLinkQuery = z.object({ token: z.string().min(10).max(500) }).strict();
export const LateNoticeLink = z.object({
  meetingId: Id,
  meetingTitle: z.string(),
  startsAt: IsoDateTime,
  place: z.string().nullable(),
  chairName: z.string().nullable(),
  latestOnTimeDate: IsoDate,
  workingDaysLeft: z.number().int(),
  request: LateNoticeRequest,
});
export const DecideLateNoticeLinkBody = z
  .object({
    token: z.string().min(10).max(500),
    decision: z.enum(['approve', 'refuse']),
    comment: text(1000).nullable().optional(),
  })
  .strict()
  .refine((b) => b.decision === 'approve' || !!b.comment, {
    message: 'Cần nêu ý kiến khi không đồng ý',
    path: ['comment'],
  });
