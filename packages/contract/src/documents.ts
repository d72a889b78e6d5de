import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common.ts';

/** Document types and their Decree 30 abbreviations (Phụ lục III). */
export const DocumentType = z.enum(['decision', 'notice', 'invitation', 'minutes', 'plan', 'report']);
export type DocumentType = z.infer<typeof DocumentType>;

export const DOCUMENT_TYPES: Record<DocumentType, { abbreviation: string; kind: string; label: string }> = {
  decision: { abbreviation: 'QĐ', kind: 'QUYẾT ĐỊNH', label: 'Quyết định' },
  notice: { abbreviation: 'TB', kind: 'THÔNG BÁO', label: 'Thông báo' },
  invitation: { abbreviation: 'GM', kind: 'GIẤY MỜI', label: 'Giấy mời' },
  minutes: { abbreviation: 'BB', kind: 'BIÊN BẢN', label: 'Biên bản' },
  plan: { abbreviation: 'KH', kind: 'KẾ HOẠCH', label: 'Kế hoạch' },
  report: { abbreviation: 'BC', kind: 'BÁO CÁO', label: 'Báo cáo' },
};

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

export const UpdateDocumentBody = CreateDocumentBody.omit({ type: true }).partial().strict();

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
