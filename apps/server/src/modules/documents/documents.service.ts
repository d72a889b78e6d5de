import { todayInVietnam } from '@steerco/contract/datetime';
import {
  type Block,
  DOCUMENT_TYPES,
  type DocumentType,
  type OfficialDocument,
} from '@steerco/contract/documents';
import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { assertCommittee, loadCommitteeAccess } from '../committees/committees.access.ts';
import { committees, memberships } from '../committees/committees.schema.ts';
import { getSettings } from '../committees/committees.service.ts';
import { mayActForHead } from '../committees/delegations.service.ts';
import { assertFileOfCommittee } from '../files/files.service.ts';
import { conclusions, meetingAttendees } from '../meetings/meetings.schema.ts';
import { agendaOf, assertManage, loadMeeting } from '../meetings/meetings.service.ts';
import { administrativeUnits } from '../units/units.schema.ts';
import { users } from '../users/users.schema.ts';
import { documentCounters, documents, documentVersions } from './documents.schema.ts';
import { conclusionNoticeBody, invitationBody, issuerName, parentAuthority } from './documents.templates.ts';
import { renderOfficialDocument } from './render/official-document.ts';

type DocumentRow = typeof documents.$inferSelect;

const SYMBOL_SUFFIX = 'BCĐ';
const symbolOf = (type: DocumentType) => `${DOCUMENT_TYPES[type].abbreviation}-${SYMBOL_SUFFIX}`;

/** Plain text of a body, for full-text search. */
const textOf = (body: Block[]) =>
  body
    .map((b) =>
      'text' in b
        ? b.text
        : 'items' in b
          ? b.items.join(' ')
          : 'lines' in b
            ? b.lines.join(' ')
            : `${b.label} ${b.value}`,
    )
    .join(' ');

export function toDocumentDto(d: DocumentRow): OfficialDocument {
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
    createdAt: d.createdAt.toISOString(),
  };
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
  const settings = await getSettings(db, m.committeeId);
  const people = await db
    .select({ name: users.fullName, kind: meetingAttendees.kind, response: meetingAttendees.response })
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
      ? `đồng chí ${chair.name}, ${chair.role === 'head' ? 'Trưởng Ban' : 'Phó Trưởng Ban'} Ban Chỉ đạo`
      : null,
    chairIsHead: chair?.role !== 'deputyHead',
    agenda: (await agendaOf(db, meetingId)).map((a) => ({ title: a.title, presenter: a.presenter })),
    guests: people.filter((p) => p.kind === 'guest').map((p) => `đồng chí ${p.name}`),
    confirmationDeadline: new Date(m.startsAt.getTime() - settings.confirmationLeadDays * 86_400_000),
  };
  let draft: { type: DocumentType; title: string; body: Block[]; recipients: string[] };
  if (template === 'invitation') {
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
    const present = people.filter((p) => p.kind === 'member' && p.response !== 'absent').length;
    draft = {
      type: template === 'minutes' ? 'minutes' : 'notice',
      title: `Kết luận của ${facts.chairIsHead ? 'Trưởng Ban' : 'Phó Trưởng Ban'} Ban Chỉ đạo tại ${m.title.charAt(0).toLowerCase()}${m.title.slice(1)}`,
      body: conclusionNoticeBody({
        ...facts,
        attendees: `${present} thành viên Ban Chỉ đạo`,
        conclusions: items.map((c) => ({
          text: c.text,
          tasks: c.tasks.map((t) => ({
            ...t,
            leadName: names.get(t.leadUnitId ?? t.leadMembershipId ?? '') ?? '—',
            cooperatingNames: t.cooperatingUnitIds.map((u) => names.get(u) ?? '—'),
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
  return toDocumentDto((await loadDocument(db, actor, documentId)).doc);
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
  const issuedOn = body.issuedOn ?? todayInVietnam();
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
  const capacity =
    right.as === 'head' ? ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'] : ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'];
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
  const rows = await db
    .select()
    .from(documents)
    .where(and(...where))
    .orderBy(desc(documents.issuedOn), desc(documents.createdAt))
    .limit(200);
  return { items: rows.map(toDocumentDto), total: rows.length };
}

/** The DOCX of a document as it stands (a draft shows blanks for number and date). */
export async function renderDocumentDocx(db: Db, actor: Actor, documentId: string) {
  const { doc } = await loadDocument(db, actor, documentId);
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
  const year = doc.issuedOn ? Number(doc.issuedOn.slice(0, 4)) : Number(todayInVietnam().slice(0, 4));
  const buffer = await renderOfficialDocument({
    issuer: { parent: parentAuthority(c!.unitName), name: issuerName(c!.name, c!.unitName) },
    number: doc.numberText,
    symbol: symbolOf(doc.type),
    place: c!.shortName ?? c!.unitName,
    date: doc.issuedOn,
    year,
    kind: DOCUMENT_TYPES[doc.type].kind,
    title: doc.title,
    body: doc.body,
    signature: { capacity: doc.signingCapacity ?? ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'], name: doc.signerName },
    recipients: doc.recipients,
    draft: doc.status !== 'issued',
  } as Parameters<typeof renderOfficialDocument>[0]);
  const name = `${doc.numberText?.replaceAll('/', '-') ?? 'du-thao'}-${DOCUMENT_TYPES[doc.type].abbreviation}.docx`;
  return { buffer, name };
}
