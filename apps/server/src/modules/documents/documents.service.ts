import { formatDate } from '@steerco/contract/datetime';
import {
  type Block,
  DOCUMENT_TYPES,
  type DocumentType,
  type OfficialDocument,
  type TemplateDraftBody,
} from '@steerco/contract/documents';
import { DEFAULT_CONCLUSION_TASK_WORKING_DAYS } from '@steerco/contract/meetings';
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { assertCommittee, loadCommitteeAccess, seatInForce } from '../committees/committees.access.ts';
import { committees, memberships } from '../committees/committees.schema.ts';
import { mayActForHead } from '../committees/delegations.service.ts';
import type { FileStore } from '../files/file-store.ts';
import { files } from '../files/files.schema.ts';
import { assertFileOfCommittee } from '../files/files.service.ts';
import type { EmailAttachment } from '../mail/mail.schema.ts';
import { enqueueEmail } from '../mail/mail.service.ts';
import { renderEmail } from '../mail/render-email.ts';
import { meetingTimeline } from '../meetings/meeting-facts.service.ts';
import { conclusions, meetingAttendees, meetingMinutes } from '../meetings/meetings.schema.ts';
import { agendaOf, assertManage, loadMeeting } from '../meetings/meetings.service.ts';
import { getAttendance, getMinutes } from '../meetings/minutes.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import { documentCounters, documentDistributions, documents, documentVersions } from './documents.schema.ts';
import {
  conclusionNoticeBody,
  decisionBody,
  invitationBody,
  issuerName,
  meetingPhrase,
  minutesBody,
  parentAuthority,
  planBody,
  reportBody,
} from './documents.templates.ts';
import {
  type DocumentKind,
  type OfficialDocumentSpec,
  renderOfficialDocument,
} from './render/official-document.ts';
import { renderOfficialDocumentHtml } from './render/official-document-html.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type DocumentRow = typeof documents.$inferSelect;

const SYMBOL_SUFFIX = 'BCĐ';
const symbolOf = (type: DocumentType) => `${DOCUMENT_TYPES[type].abbreviation}-${SYMBOL_SUFFIX}`;

/** Plain text of a block, for full-text search. */
function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return b.text;
    case 'numbered':
      return b.items.join(' ');
    case 'basis':
      return b.lines.join(' ');
    case 'field':
      return `${b.label} ${b.value}`;
    case 'article':
      return `Điều ${b.number}. ${b.title ?? ''} ${b.text}`;
    case 'table':
      return [b.columns, ...b.rows].map((r) => r.join(' ')).join(' ');
  }
}
const textOf = (body: Block[]) => body.map(blockText).join(' ');

type Distribution = OfficialDocument['distributions'][number];

export function toDocumentDto(d: DocumentRow, distributions: Distribution[] = []): OfficialDocument {
  return {
    id: d.id,
    committeeId: d.committeeId,
    direction: d.direction,
    type: d.type,
    status: d.status,
    number: d.number,
    numberText: d.numberText,
    issuedOn: d.issuedOn,
    title: d.title,
    body: d.body,
    recipients: d.recipients,
    signerName: d.signerName,
    signingCapacity: d.signingCapacity,
    issuer: d.issuer,
    deadline: d.deadline,
    meetingId: d.meetingId,
    referencesId: d.referencesId,
    version: d.version,
    fileId: d.fileId,
    pdfAvailable: d.pdfFileId !== null,
    secretaryName: d.secretaryName,
    distributions,
    createdAt: d.createdAt.toISOString(),
  };
}

/** The distribution lists of documents, oldest send first. */
async function distributionsOf(db: DbOrTx, documentIds: string[]) {
  const out = new Map<string, Distribution[]>();
  if (!documentIds.length) return out;
  const rows = await db
    .select()
    .from(documentDistributions)
    .where(inArray(documentDistributions.documentId, documentIds))
    .orderBy(asc(documentDistributions.sentAt), asc(documentDistributions.fullName));
  for (const r of rows) {
    const list = out.get(r.documentId) ?? [];
    list.push({ userId: r.userId, fullName: r.fullName, email: r.email, sentAt: r.sentAt.toISOString() });
    out.set(r.documentId, list);
  }
  return out;
}

async function loadDocument(db: DbOrTx, actor: Actor, documentId: string) {
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) throw new AppError('document.notFound');
  const { access } = await loadCommitteeAccess(db, actor, doc.committeeId).catch(() => {
    throw new AppError('document.notFound');
  });
  return { doc, access };
}

async function insertDraft(
  tx: DbOrTx,
  actor: Actor,
  committeeId: string,
  d: {
    type: DocumentType;
    title: string;
    body: Block[];
    recipients: string[];
    meetingId?: string | null;
    referencesId?: string | null;
    secretaryName?: string | null;
  },
) {
  const id = uuidv7();
  await tx.insert(documents).values({
    id,
    committeeId,
    direction: 'outgoing',
    type: d.type,
    status: 'draft',
    title: d.title,
    body: d.body,
    bodyText: textOf(d.body),
    recipients: d.recipients,
    meetingId: d.meetingId ?? null,
    referencesId: d.referencesId ?? null,
    secretaryName: d.secretaryName ?? null,
    createdBy: actor.userId,
  });
  await tx.insert(documentVersions).values({
    id: uuidv7(),
    documentId: id,
    version: 1,
    title: d.title,
    body: d.body,
    recipients: d.recipients,
    createdBy: actor.userId,
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'document.drafted',
    entityType: 'document',
    entityId: id,
    data: { type: d.type },
  });
  return id;
}

export async function createDocument(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: {
    type: DocumentType;
    title: string;
    body: Block[];
    recipients: string[];
    referencesId?: string | null;
  },
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'document.manage', access);
  if (body.referencesId) await assertSameCommittee(db, body.referencesId, committeeId);
  const id = await db.transaction((tx) => insertDraft(tx, actor, committeeId, body));
  return getDocument(db, actor, id);
}

const DEFAULT_RECIPIENTS: Record<'plan' | 'report' | 'decision', string[]> = {
  plan: ['UBND quận (để báo cáo)', 'Các thành viên Ban Chỉ đạo', 'Lưu: VT, VP'],
  report: ['UBND quận (để báo cáo)', 'Thường trực Đảng ủy, HĐND phường', 'Lưu: VT, VP'],
  decision: ['Như Điều 3', 'Lưu: VT, VP'],
};

/** Drafts a plan, a report or a decision from its form: free-text sections, the plan's items, the decision's articles. */
export async function createFromTemplate(db: Db, actor: Actor, committeeId: string, body: TemplateDraftBody) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'document.manage', access);
  let blocks: Block[];
  if (body.template === 'plan') blocks = planBody(body);
  else if (body.template === 'report') blocks = reportBody(body);
  else {
    const [c] = await db
      .select({ name: committees.name, unitName: administrativeUnits.name })
      .from(committees)
      .innerJoin(administrativeUnits, eq(administrativeUnits.id, committees.unitId))
      .where(eq(committees.id, committeeId));
    blocks = decisionBody({ ...body, authority: issuerName(c!.name, c!.unitName) });
  }
  const id = await db.transaction((tx) =>
    insertDraft(tx, actor, committeeId, {
      type: body.template,
      title: body.title,
      body: blocks,
      recipients: body.recipients ?? DEFAULT_RECIPIENTS[body.template],
    }),
  );
  return getDocument(db, actor, id);
}

async function assertSameCommittee(db: DbOrTx, documentId: string, committeeId: string) {
  const [ref] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.committeeId, committeeId)));
  if (!ref)
    throw new AppError('document.notFound', {
      detail: 'Văn bản được tham chiếu không thuộc Ban Chỉ đạo này.',
    });
}

/** Drafts an invitation or a conclusion notice (R13) from the meeting's records. */
export async function createFromMeeting(
  db: Db,
  actor: Actor,
  meetingId: string,
  template: 'invitation' | 'conclusionNotice' | 'minutes',
) {
  const loaded = await loadMeeting(db, actor, meetingId);
  assertManage(actor, loaded.access);
  const m = loaded.meeting;
  const [committee] = await db
    .select({ name: committees.name })
    .from(committees)
    .where(eq(committees.id, m.committeeId));
  const chair = m.chairMembershipId
    ? (
        await db
          .select({ name: users.fullName, role: memberships.role })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(memberships.id, m.chairMembershipId))
      )[0]
    : undefined;
  const timeline = await meetingTimeline(db, meetingId);
  // A meeting recorded afterwards had no invitation.
  if (template === 'invitation' && timeline.recordedAfterwards) throw new AppError('document.notApplicable');
  const people = await db
    .select({ name: users.fullName, kind: meetingAttendees.kind })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meetingId));
  const facts = {
    title: m.title,
    committeeName: committee!.name,
    startsAt: m.startsAt,
    place: m.place,
    onlineLink: m.onlineLink,
    chairName: chair
      ? `đồng chí ${chair.name}, ${chair.role === 'head' ? 'Trưởng Ban' : 'Phó Trưởng Ban'} Chỉ đạo`
      : null,
    chairIsHead: chair?.role !== 'deputyHead',
    agenda: (await agendaOf(db, meetingId)).map((a) => ({
      title: a.title,
      presenter: a.presenter,
      carried: a.carriedTasks,
    })),
    guests: people.filter((p) => p.kind === 'guest').map((p) => `đồng chí ${p.name}`),
    confirmationDeadline: timeline.confirmationDeadline,
  };
  let draft: {
    type: DocumentType;
    title: string;
    body: Block[];
    recipients: string[];
    secretaryName?: string | null;
  };
  if (template === 'minutes') {
    // Mẫu 1.9, from the minutes record the standing agency keeps (R5): attendance, notes, opinions, conclusions.
    const record = await getMinutes(db, actor, meetingId);
    const [row] = await db
      .select({ name: users.fullName })
      .from(meetingMinutes)
      .innerJoin(users, eq(users.id, meetingMinutes.submittedBy))
      .where(eq(meetingMinutes.meetingId, meetingId));
    const [me] = await db.select({ name: users.fullName }).from(users).where(eq(users.id, actor.userId));
    // The minute-taker marked at the meeting, else whoever submitted the minutes, else the drafter.
    const secretaryName = timeline.minuteTaker ?? row?.name ?? me?.name ?? null;
    draft = {
      type: 'minutes',
      title: m.title,
      body: minutesBody({
        title: m.title,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        place: m.place,
        onlineLink: m.onlineLink,
        chairName: facts.chairName,
        secretaryName,
        attendance: record.attendance,
        summary: record.summary,
        notes: record.notes,
        opinions: record.opinions,
        conclusions: record.conclusions,
        recorded: timeline.recordedAfterwards,
      }),
      recipients: ['Các thành viên Ban Chỉ đạo', 'Lưu: VT, Hồ sơ'],
      secretaryName,
    };
  } else if (template === 'invitation') {
    draft = {
      type: 'invitation',
      title: m.title,
      body: invitationBody(facts),
      recipients: ['Như thành phần mời', 'Lưu: VT, VP'],
    };
  } else {
    const items = await db
      .select()
      .from(conclusions)
      .where(eq(conclusions.meetingId, meetingId))
      .orderBy(conclusions.position);
    if (!items.length) throw new AppError('document.noConclusions');
    const names = await leadNames(
      db,
      items.flatMap((c) => c.tasks),
    );
    // Who was in the room, as the attendance list counts them: members, substitutes, guests.
    const { headcount } = await getAttendance(db, actor, meetingId);
    // Every deadline as a date: N working days (or the default) from the day the tasks are assigned.
    const calendar = await getWorkingCalendar(db);
    const deadlineOf = (t: { deadline?: string | null; deadlineWorkingDays?: number | null }) =>
      t.deadline ??
      calendar.addWorkingDays(
        timeline.assignedOn,
        t.deadlineWorkingDays ?? DEFAULT_CONCLUSION_TASK_WORKING_DAYS,
      );
    draft = {
      type: 'notice',
      title: `Kết luận của ${facts.chairIsHead ? 'Trưởng Ban' : 'Phó Trưởng Ban'} Chỉ đạo tại ${meetingPhrase(m.title)}`,
      body: conclusionNoticeBody({
        ...facts,
        headcount,
        recorded: timeline.recordedAfterwards,
        conclusions: items.map((c) => ({
          text: c.text,
          tasks: c.tasks.map((t) => ({
            ...t,
            leadName: names.get(t.leadUnitId ?? t.leadMembershipId ?? '') ?? '—',
            cooperatingNames: t.cooperatingUnitIds.map((u) => names.get(u) ?? '—'),
            deadlineDate: deadlineOf(t),
          })),
        })),
      }),
      recipients: ['Các thành viên Ban Chỉ đạo', 'Các cơ quan, đơn vị liên quan', 'Lưu: VT, VP'],
    };
  }
  const id = await db.transaction((tx) => insertDraft(tx, actor, m.committeeId, { ...draft, meetingId }));
  return getDocument(db, actor, id);
}

/** Names of the units and members that lead or co-operate on proposed tasks (R1). */
async function leadNames(
  db: DbOrTx,
  tasks: { leadUnitId?: string | null; leadMembershipId?: string | null; cooperatingUnitIds: string[] }[],
) {
  const unitIds = [
    ...new Set(tasks.flatMap((t) => [t.leadUnitId, ...t.cooperatingUnitIds]).filter((x): x is string => !!x)),
  ];
  const seatIds = [...new Set(tasks.map((t) => t.leadMembershipId).filter((x): x is string => !!x))];
  const names = new Map<string, string>();
  if (unitIds.length) {
    for (const u of await db
      .select({ id: administrativeUnits.id, name: administrativeUnits.name })
      .from(administrativeUnits)
      .where(inArray(administrativeUnits.id, unitIds))) {
      names.set(u.id, u.name);
    }
  }
  if (seatIds.length) {
    for (const s of await db
      .select({ id: memberships.id, name: users.fullName, position: memberships.position })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inArray(memberships.id, seatIds))) {
      names.set(s.id, `đồng chí ${s.name}${s.position ? ` (${s.position})` : ''}`);
    }
  }
  return names;
}

export async function getDocument(db: DbOrTx, actor: Actor, documentId: string) {
  const { doc } = await loadDocument(db, actor, documentId);
  return toDocumentDto(doc, (await distributionsOf(db, [doc.id])).get(doc.id));
}

/** Edits a draft (or a returned one) as a new version; an issued document never changes — correct it with a new one. */
export async function updateDocument(
  db: Db,
  actor: Actor,
  documentId: string,
  body: { title?: string; body?: Block[]; recipients?: string[]; referencesId?: string | null },
) {
  const { doc, access } = await loadDocument(db, actor, documentId);
  assertCommittee(actor, 'document.manage', access);
  if (doc.status !== 'draft') throw new AppError('document.immutable');
  const next = {
    title: body.title ?? doc.title,
    body: body.body ?? doc.body,
    recipients: body.recipients ?? doc.recipients,
  };
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(documents)
      .set({
        ...next,
        bodyText: textOf(next.body),
        version: sql`${documents.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(documents.id, documentId), eq(documents.status, 'draft')))
      .returning({ version: documents.version });
    if (!updated) throw new AppError('document.immutable');
    await tx
      .insert(documentVersions)
      .values({ id: uuidv7(), documentId, version: updated.version, ...next, createdBy: actor.userId });
  });
  return getDocument(db, actor, documentId);
}

/** draft → submitted (the standing agency) → approved (the head, or a deputy with the right to sign). */
export async function moveDocument(
  db: Db,
  actor: Actor,
  documentId: string,
  action: 'submit' | 'approve' | 'return',
) {
  const { doc, access } = await loadDocument(db, actor, documentId);
  if (action === 'submit') assertCommittee(actor, 'document.manage', access);
  else assertCommittee(actor, 'document.sign', access);
  const from = { submit: 'draft', approve: 'submitted', return: 'submitted' }[action];
  const to = { submit: 'submitted', approve: 'approved', return: 'draft' }[action] as
    | 'submitted'
    | 'approved'
    | 'draft';
  const updated = await db
    .update(documents)
    .set({ status: to, updatedAt: sql`now()` })
    .where(and(eq(documents.id, documentId), eq(documents.status, from as 'draft')))
    .returning({ id: documents.id });
  if (!updated.length)
    throw new AppError('document.wrongState', { detail: `Trạng thái hiện tại: ${doc.status}.` });
  await recordAudit(db, {
    actorId: actor.userId,
    action: `document.${action}`,
    entityType: 'document',
    entityId: documentId,
  });
  return getDocument(db, actor, documentId);
}

/**
 * Issues an approved document: the signer must hold the right to sign on the issue date (the head: "TM. BAN
 * CHỈ ĐẠO / TRƯỞNG BAN"; a deputy under delegation: "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN"), and the next number of
 * the committee, type and year is taken in the same transaction — concurrent clerks never share a number, and
 * a failed issue leaves no gap.
 */
export async function issueDocument(
  db: Db,
  actor: Actor,
  documentId: string,
  body: { signerMembershipId: string; issuedOn?: string },
) {
  const { doc, access } = await loadDocument(db, actor, documentId);
  assertCommittee(actor, 'document.manage', access);
  if (doc.status === 'issued') throw new AppError('document.alreadyIssued');
  if (doc.status !== 'approved')
    throw new AppError('document.wrongState', { detail: 'Văn bản phải được duyệt trước khi ban hành.' });
  const issuedOn = body.issuedOn ?? clock.today();
  // The minutes and the conclusion notice of a meeting never carry a date before it, nor go out before it starts.
  if (doc.meetingId && (doc.type === 'minutes' || doc.type === 'notice')) {
    const timeline = await meetingTimeline(db, doc.meetingId);
    if (!timeline.started || issuedOn < timeline.meetingDay) {
      throw new AppError('document.beforeMeeting', {
        detail: `Cuộc họp ngày ${formatDate(timeline.meetingDay)}: ${doc.type === 'minutes' ? 'biên bản' : 'thông báo kết luận'} chỉ được ban hành từ sau giờ họp, ngày ban hành không trước ngày họp.`,
      });
    }
  }
  const [seat] = await db
    .select({ userId: memberships.userId, role: memberships.role, name: users.fullName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, body.signerMembershipId), eq(memberships.committeeId, doc.committeeId)));
  const right = seat
    ? await mayActForHead(db, {
        committeeId: doc.committeeId,
        userId: seat.userId,
        scope: 'signDocuments',
        date: issuedOn,
      })
    : null;
  if (!seat || !right?.allowed) throw new AppError('document.signerNotAllowed', { detail: right?.reason });
  // Minutes are signed by the chair as CHỦ TỌA (Mẫu 1.9); the others on behalf of the committee.
  const capacity =
    doc.type === 'minutes'
      ? ['CHỦ TỌA']
      : right.as === 'head'
        ? ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN']
        : ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'];
  const year = Number(issuedOn.slice(0, 4));
  const type = doc.type!;
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(documents)
      .set({ status: 'issued' })
      .where(and(eq(documents.id, documentId), eq(documents.status, 'approved')))
      .returning({ id: documents.id });
    if (!claimed) throw new AppError('document.alreadyIssued');
    const [counter] = await tx
      .insert(documentCounters)
      .values({ committeeId: doc.committeeId, type, year, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [documentCounters.committeeId, documentCounters.type, documentCounters.year],
        set: { lastNumber: sql`${documentCounters.lastNumber} + 1` },
      })
      .returning({ n: documentCounters.lastNumber });
    const number = counter!.n;
    await tx
      .update(documents)
      .set({
        number,
        year,
        numberText: `${String(number).padStart(2, '0')}/${symbolOf(type)}`,
        issuedOn,
        signerMembershipId: body.signerMembershipId,
        signerName: seat.name,
        signingCapacity: capacity,
        updatedAt: sql`now()`,
      })
      .where(eq(documents.id, documentId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'document.issued',
      entityType: 'document',
      entityId: documentId,
      data: { number, year, signer: seat.name },
    });
  });
  return getDocument(db, actor, documentId);
}

/** Records a document received from a higher level (a directive), with its deadline if any. */
export async function registerIncoming(
  db: Db,
  actor: Actor,
  committeeId: string,
  body: {
    numberText: string;
    issuedOn: string;
    issuer: string;
    title: string;
    deadline?: string | null;
    fileId?: string | null;
  },
) {
  const { access } = await loadCommitteeAccess(db, actor, committeeId);
  assertCommittee(actor, 'document.manage', access);
  if (body.fileId) await assertFileOfCommittee(db, body.fileId, committeeId);
  const id = uuidv7();
  await db.insert(documents).values({
    id,
    committeeId,
    direction: 'incoming',
    type: null,
    status: 'received',
    numberText: body.numberText,
    issuedOn: body.issuedOn,
    issuer: body.issuer,
    title: body.title,
    deadline: body.deadline ?? null,
    fileId: body.fileId ?? null,
    createdBy: actor.userId,
  });
  await recordAudit(db, {
    actorId: actor.userId,
    action: 'document.received',
    entityType: 'document',
    entityId: id,
    data: body,
  });
  return getDocument(db, actor, id);
}

/** The registry: by number, date range, type, direction, and full text with or without diacritics. */
export async function listDocuments(
  db: Db,
  actor: Actor,
  q: {
    committeeId: string;
    q?: string;
    type?: DocumentType;
    direction?: 'outgoing' | 'incoming';
    from?: string;
    to?: string;
    number?: string;
    issuer?: string;
  },
) {
  await loadCommitteeAccess(db, actor, q.committeeId);
  const where: SQL[] = [eq(documents.committeeId, q.committeeId)];
  if (q.q) where.push(sql`${documents.search} @@ plainto_tsquery('simple'::regconfig, steerco_fold(${q.q}))`);
  if (q.type) where.push(eq(documents.type, q.type));
  if (q.direction) where.push(eq(documents.direction, q.direction));
  if (q.from) where.push(gte(documents.issuedOn, q.from));
  if (q.to) where.push(lte(documents.issuedOn, q.to));
  if (q.number) where.push(sql`steerco_fold(${documents.numberText}) like steerco_fold(${q.number}) || '%'`);
  if (q.issuer) {
    const pattern = `%${q.issuer.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`steerco_fold(${documents.issuer}) like steerco_fold(${pattern})`);
  }
  const rows = await db
    .select()
    .from(documents)
    .where(and(...where))
    .orderBy(desc(documents.issuedOn), desc(documents.createdAt))
    .limit(200);
  const sent = await distributionsOf(
    db,
    rows.filter((r) => r.status === 'issued').map((r) => r.id),
  );
  return { items: rows.map((r) => toDocumentDto(r, sent.get(r.id))), total: rows.length };
}

/** The saved versions of a document, newest first: a revision never overwrites the earlier text. */
export async function listVersions(db: Db, actor: Actor, documentId: string) {
  await loadDocument(db, actor, documentId);
  const rows = await db
    .select({
      version: documentVersions.version,
      title: documentVersions.title,
      createdAt: documentVersions.createdAt,
      createdBy: users.fullName,
    })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.createdBy))
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.version));
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/** The model both the DOCX and the HTML preview are made from. */
async function specOf(db: DbOrTx, doc: DocumentRow): Promise<OfficialDocumentSpec> {
  if (doc.direction !== 'outgoing' || !doc.type) throw new AppError('document.notGenerated');
  const [c] = await db
    .select({
      name: committees.name,
      unitName: administrativeUnits.name,
      shortName: administrativeUnits.shortName,
    })
    .from(committees)
    .innerJoin(administrativeUnits, eq(administrativeUnits.id, committees.unitId))
    .where(eq(committees.id, doc.committeeId));
  const minutes = doc.type === 'minutes';
  return {
    issuer: { parent: parentAuthority(c!.unitName), name: issuerName(c!.name, c!.unitName) },
    number: doc.numberText,
    symbol: symbolOf(doc.type),
    place: c!.shortName ?? c!.unitName,
    date: doc.issuedOn,
    kind: DOCUMENT_TYPES[doc.type].kind as DocumentKind,
    title: doc.title,
    body: doc.body,
    signature: {
      capacity: minutes ? ['CHỦ TỌA'] : (doc.signingCapacity ?? ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN']),
      name: doc.signerName,
    },
    recipients: doc.recipients,
    ...(minutes ? { minutes: { secretary: doc.secretaryName } } : {}),
    draft: doc.status !== 'issued',
  };
}

/** The .docx of a document row as it stands (a draft shows blanks for number and date, and "DỰ THẢO"). */
export async function docxOf(db: DbOrTx, doc: DocumentRow) {
  const buffer = await renderOfficialDocument(await specOf(db, doc));
  // "01-TB-BCĐ.docx" once numbered (the number already names the type), "du-thao-TB-BCĐ.docx" before.
  const name = `${doc.numberText?.replaceAll('/', '-') ?? `du-thao-${symbolOf(doc.type!)}`}.docx`;
  return { buffer, name };
}

export async function renderDocumentDocx(db: Db, actor: Actor, documentId: string) {
  const { doc } = await loadDocument(db, actor, documentId);
  return docxOf(db, doc);
}

/** The preview: the same model laid out as HTML. */
export async function previewDocument(db: Db, actor: Actor, documentId: string) {
  const { doc } = await loadDocument(db, actor, documentId);
  return { html: renderOfficialDocumentHtml(await specOf(db, doc)) };
}

/** The stored PDF of an issued document (404 until LibreOffice has made it, or when it is not installed). */
export async function documentPdf(db: Db, actor: Actor, documentId: string) {
  const { doc } = await loadDocument(db, actor, documentId);
  if (!doc.pdfFileId) throw new AppError('document.pdfUnavailable');
  const [file] = await db.select().from(files).where(eq(files.id, doc.pdfFileId));
  if (!file) throw new AppError('document.pdfUnavailable');
  return file;
}

/**
 * Sends an issued document to committee members — the seats chosen or every member in office today — in the
 * app and by e-mail with the DOCX (and the PDF once made) attached, and records who got it and when. A member
 * already sent the document is skipped, so sending again only reaches the new names.
 */
export async function distributeDocument(
  db: Db,
  store: FileStore,
  actor: Actor,
  documentId: string,
  body: { membershipIds?: string[]; allMembers?: boolean },
) {
  const { doc, access } = await loadDocument(db, actor, documentId);
  assertCommittee(actor, 'document.manage', access);
  if (doc.status !== 'issued')
    throw new AppError('document.wrongState', { detail: 'Chỉ gửi được văn bản đã ban hành.' });
  const where = [eq(memberships.committeeId, doc.committeeId), seatInForce(clock.today())];
  if (!body.allMembers) where.push(inArray(memberships.id, body.membershipIds ?? []));
  const people = await db
    .selectDistinctOn([users.id], { userId: users.id, fullName: users.fullName, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...where));
  if (!body.allMembers && people.length < new Set(body.membershipIds).size)
    throw new AppError('document.unknownRecipient');
  const { buffer, name } = await docxOf(db, doc);
  const attachments: EmailAttachment[] = [
    { filename: name, contentType: DOCX_MIME, content: buffer.toString('base64'), encoding: 'base64' },
  ];
  if (doc.pdfFileId) {
    const [pdf] = await db.select().from(files).where(eq(files.id, doc.pdfFileId));
    if (pdf) {
      const bytes = await streamToBuffer(store.open(pdf.storageKey));
      attachments.push({
        filename: pdf.originalName,
        contentType: 'application/pdf',
        content: bytes.toString('base64'),
        encoding: 'base64',
      });
    }
  }
  const kind = DOCUMENT_TYPES[doc.type!].label;
  const subject = `${kind} số ${doc.numberText}: ${doc.title}`;
  const queued: (string | null)[] = [];
  await db.transaction(async (tx) => {
    const sent = people.length
      ? await tx
          .insert(documentDistributions)
          .values(
            people.map((p) => ({
              id: uuidv7(),
              documentId,
              userId: p.userId,
              fullName: p.fullName,
              email: p.email,
              sentBy: actor.userId,
            })),
          )
          .onConflictDoNothing()
          .returning({ userId: documentDistributions.userId })
      : [];
    const fresh = people.filter((p) => sent.some((s) => s.userId === p.userId));
    await notify(
      tx,
      fresh.map((p) => ({
        userId: p.userId,
        kind: 'document.distributed',
        title: subject,
        body: `Ban hành ngày ${formatDate(doc.issuedOn!)}${doc.signerName ? `, người ký: ${doc.signerName}` : ''}.`,
        link: `/van-ban/${documentId}`,
      })),
    );
    for (const p of fresh) {
      if (!p.email) continue;
      const { html, text } = renderEmail({
        title: subject,
        paragraphs: [
          `Kính gửi đồng chí ${p.fullName},`,
          `Ban Chỉ đạo gửi đồng chí ${kind.toLowerCase()} số ${doc.numberText} ngày ${formatDate(doc.issuedOn!)}: ${doc.title}.`,
          'Văn bản được đính kèm thư này.',
        ],
        footer:
          'Thư tự động từ hệ thống điều hành Ban Chỉ đạo. Văn bản cũng có trong sổ văn bản của hệ thống.',
      });
      queued.push(
        await enqueueEmail(tx, {
          toAddress: p.email,
          toName: p.fullName,
          subject,
          text,
          html,
          attachments,
          dedupeKey: `document:${documentId}:${p.userId}`,
        }),
      );
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'document.distributed',
      entityType: 'document',
      entityId: documentId,
      data: { recipients: fresh.map((p) => p.userId) },
    });
  });
  return { queued, document: await getDocument(db, actor, documentId) };
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
