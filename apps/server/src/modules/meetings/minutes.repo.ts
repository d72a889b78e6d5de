import type { Conclusion as ConclusionSchema, TaskProposal } from '@steerco/contract/meetings';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { usersView } from '../users/users.service.ts';
import { conclusions, meetingAttendees, meetingMinutes, writtenOpinions } from './meetings.schema.ts';

// The minutes (R5), the conclusions with their task proposals (R13) and the written opinions (R12).

type Conclusion = z.infer<typeof ConclusionSchema>;
export type MinutesRow = typeof meetingMinutes.$inferSelect;
export type MinutesStatus = MinutesRow['status'];

export async function findMinutes(db: DbOrTx, meetingId: string) {
  const [row] = await db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId));
  return row;
}

export async function upsertMinutes(
  tx: DbOrTx,
  meetingId: string,
  body: { summary: string | null; notes: { agendaItemId: string; text: string }[] },
) {
  await tx
    .insert(meetingMinutes)
    .values({ meetingId, summary: body.summary, notes: body.notes })
    .onConflictDoUpdate({
      target: meetingMinutes.meetingId,
      set: { summary: body.summary, notes: body.notes, updatedAt: sql`now()` },
    });
}

/** Moves the minutes to `status`, with who did it and when (submitted, returned with a comment, approved). */
export async function setMinutesStatus(
  tx: DbOrTx,
  meetingId: string,
  change:
    | { status: 'submitted'; by: string; at: Date }
    | { status: 'returned'; comment: string | null }
    | { status: 'approved'; by: string; at: Date },
) {
  const set =
    change.status === 'submitted'
      ? { status: change.status, submittedBy: change.by, submittedAt: change.at, returnComment: null }
      : change.status === 'returned'
        ? { status: change.status, returnComment: change.comment }
        : { status: change.status, approvedBy: change.by, approvedAt: change.at };
  await tx.update(meetingMinutes).set(set).where(eq(meetingMinutes.meetingId, meetingId));
}

/** When the chair approved the minutes and conclusions, if they did. */
export async function minutesApprovedAt(db: DbOrTx, meetingId: string) {
  const [row] = await db
    .select({ approvedAt: meetingMinutes.approvedAt })
    .from(meetingMinutes)
    .where(and(eq(meetingMinutes.meetingId, meetingId), eq(meetingMinutes.status, 'approved')));
  return row?.approvedAt ?? null;
}

const submitter = usersView('minutes_submitter');

/** The name of whoever submitted the minutes (the standing agency's secretary), if they were submitted. */
export async function minutesSubmitterName(db: DbOrTx, meetingId: string) {
  const [row] = await db
    .select({ name: submitter.fullName })
    .from(meetingMinutes)
    .innerJoin(submitter, eq(submitter.id, meetingMinutes.submittedBy))
    .where(eq(meetingMinutes.meetingId, meetingId));
  return row?.name ?? null;
}

// ——— Conclusions (R13) ———

/** The conclusions of a meeting in their order, as the contract shows them. */
export async function findConclusions(db: DbOrTx, meetingId: string): Promise<Conclusion[]> {
  const rows = await db
    .select()
    .from(conclusions)
    .where(eq(conclusions.meetingId, meetingId))
    .orderBy(asc(conclusions.position));
  return rows.map((c) => ({
    id: c.id,
    position: c.position,
    text: c.text,
    domain: c.domain,
    tasks: c.tasks,
  }));
}

/** Replaces the list of conclusions, numbered in the given order. */
export async function replaceConclusions(
  tx: DbOrTx,
  meetingId: string,
  items: { text: string; domain?: string | null; tasks: TaskProposal[] }[],
) {
  await tx.delete(conclusions).where(eq(conclusions.meetingId, meetingId));
  if (!items.length) return;
  await tx.insert(conclusions).values(
    items.map((c, i) => ({
      id: uuidv7(),
      meetingId,
      position: i + 1,
      text: c.text,
      domain: c.domain ?? null,
      tasks: c.tasks,
    })),
  );
}

// ——— Written opinions (R12) ———

const author = usersView('opinion_author');

/** The opinions on the meeting's agenda, first submitted first, with their authors' names. */
export async function findOpinions(db: DbOrTx, meetingId: string) {
  const rows = await db
    .select({ o: writtenOpinions, fullName: author.fullName })
    .from(writtenOpinions)
    .innerJoin(meetingAttendees, eq(meetingAttendees.id, writtenOpinions.attendeeId))
    .innerJoin(author, eq(author.id, meetingAttendees.userId))
    .where(eq(writtenOpinions.meetingId, meetingId))
    .orderBy(asc(writtenOpinions.submittedAt));
  return rows.map(({ o, fullName }) => ({
    id: o.id,
    attendeeId: o.attendeeId,
    fullName,
    agendaItemId: o.agendaItemId,
    text: o.text,
    fileId: o.fileId,
    submittedAt: o.submittedAt.toISOString(),
  }));
}

/** Writes the attendee's opinion on the item, or replaces the one they wrote. */
export async function upsertOpinion(
  tx: DbOrTx,
  opinion: {
    meetingId: string;
    agendaItemId: string;
    attendeeId: string;
    text: string;
    fileId: string | null;
  },
  at: Date,
) {
  await tx
    .insert(writtenOpinions)
    .values({ id: uuidv7(), ...opinion })
    .onConflictDoUpdate({
      target: [writtenOpinions.agendaItemId, writtenOpinions.attendeeId],
      set: { text: opinion.text, fileId: opinion.fileId, submittedAt: at },
    });
}
