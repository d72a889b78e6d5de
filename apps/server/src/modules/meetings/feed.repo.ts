import { and, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView, seatsView } from '../committees/seats.service.ts';
import { usersView } from '../users/users.service.ts';
import { meetingAttendees, meetingFeeds, meetings } from './meetings.schema.ts';

/** Makes (or replaces) the person's feed token: the old address stops answering. */
export async function upsertFeed(db: DbOrTx, userId: string, tokenHash: string, at: Date) {
  await db
    .insert(meetingFeeds)
    .values({ userId, tokenHash, createdAt: at })
    .onConflictDoUpdate({ target: meetingFeeds.userId, set: { tokenHash, createdAt: at } });
}

export async function deleteFeed(db: DbOrTx, userId: string) {
  const gone = await db
    .delete(meetingFeeds)
    .where(eq(meetingFeeds.userId, userId))
    .returning({ userId: meetingFeeds.userId });
  return gone.length > 0;
}

export async function findFeed(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ createdAt: meetingFeeds.createdAt })
    .from(meetingFeeds)
    .where(eq(meetingFeeds.userId, userId));
  return row;
}

export async function findFeedOwner(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ userId: meetingFeeds.userId })
    .from(meetingFeeds)
    .where(eq(meetingFeeds.tokenHash, tokenHash));
  return row?.userId ?? null;
}

/** The meetings the person is invited to between `from` and `to`, noticed or later (drafts are not published). */
export async function findInvitedMeetings(db: DbOrTx, userId: string, from: Date, to: Date) {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        inArray(
          meetings.id,
          db
            .select({ id: meetingAttendees.meetingId })
            .from(meetingAttendees)
            .where(eq(meetingAttendees.userId, userId)),
        ),
        ne(meetings.status, 'draft'),
        gte(meetings.startsAt, from),
        lte(meetings.startsAt, to),
      ),
    )
    .orderBy(meetings.startsAt)
    .limit(2000);
}

/** Meetings (not drafts) of the visible committees, or the person's invitations, starting in [from, to). */
export async function findMeetingsBetween(
  db: DbOrTx,
  q: { visible: SQL; userId: string; from: Date; to: Date; committeeId?: string },
) {
  const [c, seat, person] = [committeesView('c'), seatsView('s'), usersView('u')];
  const { rows } = await db.execute<{
    id: string;
    title: string;
    kind: string;
    status: string;
    place: string | null;
    startsAt: Date | string;
    endsAt: Date | string;
    committeeId: string;
    committeeName: string;
    chairName: string | null;
  }>(sql`
    select m.id, m.title, m.kind, m.status, m.place, m.starts_at as "startsAt", m.ends_at as "endsAt",
      m.committee_id as "committeeId", c.name as "committeeName",
      (select u.full_name from ${seat} join ${person} on u.id = s.user_id where s.id = m.chair_membership_id)
        as "chairName"
    from meetings m join ${c} on c.id = m.committee_id
    where m.status <> 'draft' and m.starts_at >= ${q.from.toISOString()}::timestamptz
      and m.starts_at < ${q.to.toISOString()}::timestamptz
      and (m.committee_id in (${q.visible})
        or m.id in (select a.meeting_id from meeting_attendees a where a.user_id = ${q.userId}))
      ${q.committeeId ? sql`and m.committee_id = ${q.committeeId}` : sql``}
    order by m.starts_at, m.id
    limit 1000`);
  return rows;
}
