import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common.ts';

export { DOCUMENT_TYPES } from './labels.ts';

/** Document types and their Decree 30 abbreviations (Phụ lục III). */
export const DocumentType = z.enum(['decision', 'notice', 'invitation', 'minutes', 'plan', 'report']);
export type DocumentType = z.infer<typeof DocumentType>;

export const DocumentStatus = z.enum(['draft', 'submitted', 'approved', 'issued', 'received']);

/** Content blocks of a document body, as the generator lays them out. */
export const Block = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('paragraph'),
      text: text(20_000),
      bold: z.boolean().optional(),
      italic: z.boolean().optional(),
      indent: z.boolean().optional(),
    })
    .strict(),
  z.object({ type: z.literal('heading'), text: text(1000) }).strict(),
  z.object({ type: z.literal('numbered'), items: z.array(text(20_000)).max(200) }).strict(),
  z.object({ type: z.literal('field'), label: text(200), value: text(2000) }).strict(),
  z.object({ type: z.literal('basis'), lines: z.array(text(2000)).max(30) }).strict(),
  /** "Điều 1. …" of a decision: the number and the title bold, the text upright. */
  z
    .object({
      type: z.literal('article'),
      number: z.number().int().min(1).max(200),
      title: text(500).optional(),
      text: text(20_000),
    })
    .strict(),
  /** A ruled table (plan items, report figures): a bold header row, then the rows. */
  z
    .object({
      type: z.literal('table'),
      columns: z.array(text(200)).min(1).max(10),
      rows: z.array(z.array(text(2000)).max(10)).max(500),
    })
    .strict(),
]);
export type Block = z.infer<typeof Block>;

export const OfficialDocument = z.object({
  id: Id,
  committeeId: Id,
  direction: z.enum(['outgoing', 'incoming']),
  type: DocumentType.nullable(),
  status: DocumentStatus,
  number: z.number().int().nullable(),
  numberText: z.string().nullable().describe('Số, ký hiệu, e.g. "12/TB-BCĐ"'),
  issuedOn: IsoDate.nullable(),
  title: z.string(),
  body: z.array(Block),
  recipients: z.array(z.string()),
  signerName: z.string().nullable(),
  signingCapacity: z.array(z.string()).nullable(),
  issuer: z.string().nullable().describe('Incoming documents: who issued it'),
  deadline: IsoDate.nullable(),
  meetingId: Id.nullable(),
  referencesId: Id.nullable().describe('The document this one corrects or answers'),
  version: z.number().int(),
  fileId: Id.nullable(),
  pdfAvailable: z.boolean().describe('A PDF was made from the issued DOCX (GET /documents/{id}/pdf)'),
  secretaryName: z.string().nullable().describe('Minutes: the secretary who signs beside the chair'),
  distributions: z
    .array(z.object({ userId: Id, fullName: z.string(), email: z.string().nullable(), sentAt: z.string() }))
    .describe('Who the issued document was sent to, and when'),
  createdAt: z.string(),
});
export type OfficialDocument = z.infer<typeof OfficialDocument>;

export const DocumentList = z.object({ items: z.array(OfficialDocument), total: z.number().int() });

export const ListDocumentsQuery = z
  .object({
    committeeId: Id,
    q: text(200).optional().describe('Full text, with or without diacritics'),
    type: DocumentType.optional(),
    direction: z.enum(['outgoing', 'incoming']).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    number: text(60).optional(),
    issuer: text(200)
      .optional()
      .describe('Incoming documents: part of the issuer, with or without diacritics'),
  })
  .strict();

export const CreateDocumentBody = z
  .object({
    type: DocumentType,
    title: requiredText(1000),
    body: z.array(Block).max(500).default([]),
    recipients: z.array(requiredText(300)).max(50).default([]),
    referencesId: Id.nullable().optional(),
  })
  .strict();

export type CreateDocumentBody = z.input<typeof CreateDocumentBody>;

export const UpdateDocumentBody = CreateDocumentBody.omit({ type: true }).partial().strict();
export type UpdateDocumentBody = z.input<typeof UpdateDocumentBody>;

export const FromMeetingBody = z
  .object({ template: z.enum(['invitation', 'conclusionNotice', 'minutes']) })
  .strict();

export const IssueDocumentBody = z
  .object({ signerMembershipId: Id, issuedOn: IsoDate.optional().describe('Default: today (Viet Nam)') })
  .strict();

export const IncomingDocumentBody = z
  .object({
    numberText: requiredText(60),
    issuedOn: IsoDate,
    issuer: requiredText(300),
    title: requiredText(1000),
    deadline: IsoDate.nullable().optional(),
    fileId: Id.nullable().optional(),
  })
  .strict();

/** A free-text part of a plan or a report: a heading ("I. MỤC ĐÍCH, YÊU CẦU") and its paragraphs (one per line). */
export const DocumentSection = z
  .object({ heading: requiredText(500), text: text(20_000).default('') })
  .strict();

/** One line of a plan's table (the follow-up module supplies these later): what, by whom, when. */
export const PlanItem = z
  .object({
    domain: text(120).describe('Lĩnh vực, e.g. "Cải cách hành chính"'),
    quarter: z.number().int().min(1).max(4).nullable().optional(),
    title: requiredText(1000),
    lead: requiredText(300).describe('Chủ trì'),
    cooperating: text(500).optional().describe('Phối hợp'),
    product: text(500).optional().describe('Sản phẩm'),
    deadline: IsoDate.nullable().optional(),
  })
  .strict();
export type PlanItem = z.infer<typeof PlanItem>;

const draftCommon = {
  title: requiredText(1000).describe('Trích yếu'),
  recipients: z.array(requiredText(300)).max(50).optional(),
};

/** Drafts made from a form rather than from a meeting: a plan, a report, a decision. */
export const TemplateDraftBody = z.discriminatedUnion('template', [
  z
    .object({
      template: z.literal('plan'),
      ...draftCommon,
      sections: z.array(DocumentSection).max(30).default([]),
      items: z.array(PlanItem).max(300).default([]),
    })
    .strict(),
  z
    .object({
      template: z.literal('report'),
      ...draftCommon,
      sections: z.array(DocumentSection).max(30).default([]),
      table: z
        .object({
          columns: z.array(requiredText(200)).min(1).max(10),
          rows: z.array(z.array(text(2000)).max(10)).max(500),
        })
        .strict()
        .optional(),
    })
    .strict(),
  z
    .object({
      template: z.literal('decision'),
      ...draftCommon,
      bases: z.array(requiredText(2000)).min(1).max(30).describe('Căn cứ …'),
      proposal: text(1000).optional().describe('"Theo đề nghị của …"'),
      articles: z
        .array(z.object({ title: text(500).optional(), text: requiredText(20_000) }).strict())
        .min(1)
        .max(100),
    })
    .strict(),
]);
export type TemplateDraftBody = z.infer<typeof TemplateDraftBody>;

/** Send an issued document to members of the committee: the seats chosen, or every member in office. */
export const DistributeBody = z
  .object({
    membershipIds: z.array(Id).max(500).optional(),
    allMembers: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.allMembers === true || (b.membershipIds?.length ?? 0) > 0, {
    message: 'Chọn người nhận hoặc gửi tất cả thành viên',
    path: ['membershipIds'],
  });

/** The document laid out as HTML for the web preview (the same model the DOCX is made from). */
export const DocumentPreview = z.object({ html: z.string() });

/** One saved version of a document's editable parts (a revision keeps the earlier ones). */
export const DocumentVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('Full name of who saved it'),
});
export const DocumentVersionList = z.object({ items: z.array(DocumentVersion) });
