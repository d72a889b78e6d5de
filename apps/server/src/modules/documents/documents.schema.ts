import type { Block } from '@steerco/contract/documents';
import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { committees, memberships } from '../committees/committees.schema.ts';
import { files } from '../files/files.schema.ts';
import { meetings } from '../meetings/meetings.schema.ts';
import { users } from '../users/users.schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const at = () => timestamp({ withTimezone: true });

/** The document registry (sổ văn bản): outgoing documents the committee issues and incoming ones it receives. */
export const documents = pgTable(
  'documents',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    direction: text().notNull().$type<'outgoing' | 'incoming'>(),
    type: text().$type<'decision' | 'notice' | 'invitation' | 'minutes' | 'plan' | 'report'>(),
    status: text().notNull().$type<'draft' | 'submitted' | 'approved' | 'issued' | 'received'>(),
    number: integer(),
    year: integer(),
    numberText: text(),
    issuedOn: date(),
    title: text().notNull(),
    body: jsonb().$type<Block[]>().notNull().default([]),
    /** The body as plain text, for search. */
    bodyText: text().notNull().default(''),
    recipients: text().array().notNull().default(sql`'{}'::text[]`),
    signerMembershipId: uuid().references(() => memberships.id),
    signerName: text(),
    signingCapacity: text().array(),
    issuer: text(),
    deadline: date(),
    meetingId: uuid().references(() => meetings.id),
    referencesId: uuid(),
    version: integer().notNull().default(1),
    fileId: uuid().references(() => files.id),
    /** The PDF made from the issued DOCX by LibreOffice, when it is installed (converted after the issue commits). */
    pdfFileId: uuid().references(() => files.id),
    /** Minutes (Mẫu 1.9): the secretary who signs on the left, beside the chair. */
    secretaryName: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
    /** Accent-folded full text: "ket luan" finds "kết luận". */
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, steerco_fold(coalesce(number_text, '') || ' ' || title || ' ' || coalesce(issuer, '') || ' ' || body_text))`,
    ),
  },
  (t) => [
    index('documents_committee_idx').on(t.committeeId, t.issuedOn),
    index('documents_search_idx').using('gin', t.search),
    // Gap-free numbering is done by the counter; this makes a duplicate impossible even so.
    uniqueIndex('documents_number_key')
      .on(t.committeeId, t.type, t.year, t.number)
      .where(sql`${t.direction} = 'outgoing' and ${t.number} is not null`),
  ],
);

/** The last number issued per committee, type and calendar year; incremented in the issuing transaction. */
export const documentCounters = pgTable(
  'document_counters',
  {
    committeeId: uuid()
      .notNull()
      .references(() => committees.id),
    type: text().notNull(),
    year: integer().notNull(),
    lastNumber: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.type, t.year] })],
);

/** Every saved version of a document's editable parts. */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid().primaryKey(),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    title: text().notNull(),
    body: jsonb().$type<Block[]>().notNull(),
    recipients: text().array().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_versions_key').on(t.documentId, t.version)],
);

/** Who an issued document was sent to (in-app and by e-mail), and when: the distribution list on the document. */
export const documentDistributions = pgTable(
  'document_distributions',
  {
    id: uuid().primaryKey(),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    fullName: text().notNull(),
    email: text(),
    sentAt: at().notNull().defaultNow(),
    sentBy: uuid().references(() => users.id),
  },
  (t) => [uniqueIndex('document_distributions_key').on(t.documentId, t.userId)],
);
