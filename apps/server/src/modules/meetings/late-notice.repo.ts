import type { LateNoticeRequest } from '@steerco/contract/meetings';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { usersView } from '../users/users.service.ts';
import { lateNoticeRequests } from './meetings.schema.ts';

type RequestRow = typeof lateNoticeRequests.$inferSelect;

// Late-notice requests (R9): the secretary asks the chair to send a notice later than the lead time.

const requester = usersView('requester');
const chair = usersView('request_chair');
const decider = usersView('decider');

const selectRequests = (db: DbOrTx) =>
  db
    .select({
      r: lateNoticeRequests,
      requestedBy: requester.fullName,
      chairName: chair.fullName,
      decidedBy: decider.fullName,
    })
    .from(lateNoticeRequests)
    .innerJoin(requester, eq(requester.id, lateNoticeRequests.requestedBy))
    .innerJoin(chair, eq(chair.id, lateNoticeRequests.chairUserId))
    .leftJoin(decider, eq(decider.id, lateNoticeRequests.decidedBy));

export function toLateNoticeRequestDto(row: {
  r: RequestRow;
  requestedBy: string | null;
  chairName: string | null;
  decidedBy: string | null;
}): LateNoticeRequest {
  return {
    id: row.r.id,
    status: row.r.status,
    reason: row.r.reason,
    requestedBy: row.requestedBy,
    requestedAt: row.r.requestedAt.toISOString(),
    chairName: row.chairName,
    decidedBy: row.decidedBy,
    decidedAt: row.r.decidedAt?.toISOString() ?? null,
    comment: row.r.comment,
  };
}

/** The meeting's latest request, as the meeting page shows it. */
export async function latestLateNoticeRequest(db: DbOrTx, meetingId: string) {
  const [row] = await selectRequests(db)
    .where(eq(lateNoticeRequests.meetingId, meetingId))
    .orderBy(desc(lateNoticeRequests.requestedAt), desc(lateNoticeRequests.id))
    .limit(1);
  return row ? toLateNoticeRequestDto(row) : null;
}

export async function findLateNoticeRequest(
  db: DbOrTx,
  requestId: string,
  opts: { forUpdate?: boolean } = {},
) {
  const query = db.select().from(lateNoticeRequests).where(eq(lateNoticeRequests.id, requestId));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function lateNoticeRequestDto(db: DbOrTx, requestId: string) {
  const [row] = await selectRequests(db).where(eq(lateNoticeRequests.id, requestId));
  return row ? toLateNoticeRequestDto(row) : null;
}

export async function pendingLateNoticeRequest(db: DbOrTx, meetingId: string) {
  const [row] = await db
    .select()
    .from(lateNoticeRequests)
    .where(and(eq(lateNoticeRequests.meetingId, meetingId), eq(lateNoticeRequests.status, 'pending')));
  return row;
}

export async function insertLateNoticeRequest(db: DbOrTx, row: typeof lateNoticeRequests.$inferInsert) {
  await db.insert(lateNoticeRequests).values(row);
}

/** Records the chair's decision on a request still pending; returns it, or nothing if it was already decided. */
export async function decideLateNoticeRequest(
  db: DbOrTx,
  requestId: string,
  decision: { status: 'approved' | 'refused'; decidedBy: string; decidedAt: Date; comment: string | null },
) {
  const [row] = await db
    .update(lateNoticeRequests)
    .set(decision)
    .where(and(eq(lateNoticeRequests.id, requestId), eq(lateNoticeRequests.status, 'pending')))
    .returning();
  return row;
}
