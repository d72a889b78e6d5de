import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { agendaItemDocuments, agendaItems } from './meetings.schema.ts';

// The agenda: its items in order, the documents attached to each, and the carried-over section.

export type AgendaItemRow = typeof agendaItems.$inferSelect;

export async function findAgendaItems(db: DbOrTx, meetingId: string) {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
}

/** One item of the meeting's agenda (whether it takes written opinions), if it is one. */
export async function findAgendaItem(
  db: DbOrTx,
  meetingId: string,
  itemId: string,
  opts: { forUpdate?: boolean } = {},
) {
  const query = db
    .select({ id: agendaItems.id, takesOpinions: agendaItems.takesOpinions })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Adds an item at the end of the agenda. */
export async function appendAgendaItem(
  tx: DbOrTx,
  meetingId: string,
  item: { title: string; presenter: string | null; durationMinutes: number | null; takesOpinions: boolean },
) {
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${agendaItems.position}), 0)::int` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  await tx.insert(agendaItems).values({ id: uuidv7(), meetingId, position: (last?.n ?? 0) + 1, ...item });
}

/** Deletes an item of the meeting's agenda; false if it is not one. */
export async function deleteAgendaItem(tx: DbOrTx, meetingId: string, itemId: string) {
  const deleted = await tx
    .delete(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .returning({ id: agendaItems.id });
  return deleted.length > 0;
}

/**
 * One carried-over section per meeting (R8): the old one goes (its links cascade); a new one, when `section` is
 * given, comes first in the agenda. Returns the new item's id.
 */
export async function replaceCarriedOverItem(
  tx: DbOrTx,
  meetingId: string,
  section: { title: string; presenter: string } | null,
) {
  await tx
    .delete(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.carriedOver, true)));
  if (!section) return null;
  const [first] = await tx
    .select({ n: sql<number>`coalesce(min(${agendaItems.position}), 1)::int` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  const itemId = uuidv7();
  await tx.insert(agendaItems).values({
    id: itemId,
    meetingId,
    position: (first?.n ?? 1) - 1,
    title: section.title,
    presenter: section.presenter,
    takesOpinions: false,
    carriedOver: true,
  });
  return itemId;
}

// ——— Documents attached to agenda items ———

/** The files attached to these items, by item, in the order they were attached. */
export async function findAgendaDocumentIds(db: DbOrTx, itemIds: string[]) {
  return db
    .select({ itemId: agendaItemDocuments.agendaItemId, fileId: agendaItemDocuments.fileId })
    .from(agendaItemDocuments)
    .where(inArray(agendaItemDocuments.agendaItemId, itemIds))
    .orderBy(asc(agendaItemDocuments.agendaItemId), asc(agendaItemDocuments.position));
}

/** How many documents the item carries, and the last position taken. */
export async function countAgendaDocuments(tx: DbOrTx, itemId: string) {
  const [row] = await tx
    .select({
      n: sql<number>`count(*)::int`,
      last: sql<number>`coalesce(max(${agendaItemDocuments.position}), 0)::int`,
    })
    .from(agendaItemDocuments)
    .where(eq(agendaItemDocuments.agendaItemId, itemId));
  return row ?? { n: 0, last: 0 };
}

export async function insertAgendaDocument(tx: DbOrTx, row: typeof agendaItemDocuments.$inferInsert) {
  await tx.insert(agendaItemDocuments).values(row);
}

/** Takes the file off the item; false if it was not attached. */
export async function deleteAgendaDocument(tx: DbOrTx, itemId: string, fileId: string) {
  const removed = await tx
    .delete(agendaItemDocuments)
    .where(and(eq(agendaItemDocuments.agendaItemId, itemId), eq(agendaItemDocuments.fileId, fileId)))
    .returning({ fileId: agendaItemDocuments.fileId });
  return removed.length > 0;
}
