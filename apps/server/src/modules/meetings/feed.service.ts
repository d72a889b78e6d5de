import { createHash, randomBytes } from 'node:crypto';
import { formatDateTime } from '@steerco/contract/datetime';
import * as clock from '../../clock.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import { committeesVisibleTo } from '../committees/search.service.ts';
import { buildFeedIcs } from '../mail/mail.service.ts';
import {
  deleteFeed,
  findFeed,
  findFeedOwner,
  findInvitedMeetings,
  findMeetingsBetween,
  upsertFeed,
} from './feed.repo.ts';

// Lịch công tác (issue 19): the meetings of a week or month as the person may see them, and each person's
// subscribable calendar of their meetings (ICS) at an address holding a secret token they can revoke.

const DAY = 86_400_000;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Meetings (noticed or later) starting in [from, to) that the actor may see, optionally of one committee. */
export async function meetingsBetween(
  db: Db,
  actor: Actor,
  q: { from: Date; to: Date; committeeId?: string },
) {
  return findMeetingsBetween(db, { visible: committeesVisibleTo(actor), userId: actor.userId, ...q });
}

/** Whether the actor has a feed address, and since when (the address itself is shown only when made). */
export async function getMeetingFeed(db: Db, actor: Actor) {
  const feed = await findFeed(db, actor.userId);
  return { active: !!feed, createdAt: feed?.createdAt.toISOString() ?? null };
}

/** Makes a new secret address for the actor's calendar; any earlier one stops answering (404). */
export async function createMeetingFeed(db: Db, actor: Actor, publicBase: string) {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await upsertFeed(tx, actor.userId, hashOf(token), clock.now());
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'meeting.feedCreated',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
  return {
    active: true,
    createdAt: clock.now().toISOString(),
    url: `${publicBase}/api/v1/calendar-feeds/${token}`,
  };
}

/** Revokes the actor's address: calendars subscribed to it get 404 from then on. */
export async function revokeMeetingFeed(db: Db, actor: Actor) {
  await db.transaction(async (tx) => {
    if (await deleteFeed(tx, actor.userId))
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'meeting.feedRevoked',
        entityType: 'user',
        entityId: actor.userId,
      });
  });
}

/**
 * The calendar behind a feed address: the person's meetings from 90 days back to a year ahead, each under its
 * stable UID and SEQUENCE (bumped on every change sent), cancelled ones as STATUS:CANCELLED. Unknown or revoked
 * token: 404, nothing said about whose it was.
 */
export async function meetingFeedIcs(db: Db, token: string, publicBase: string) {
  const userId = token.length <= 100 ? await findFeedOwner(db, hashOf(token)) : null;
  if (!userId) throw new AppError('meeting.feedNotFound');
  const now = clock.now().getTime();
  const rows = await findInvitedMeetings(db, userId, new Date(now - 90 * DAY), new Date(now + 366 * DAY));
  return buildFeedIcs(
    'Lịch họp Ban Chỉ đạo',
    rows.map((m) => ({
      uid: `meeting-${m.id}@steerco`,
      sequence: m.sequence,
      start: m.startsAt,
      end: m.endsAt,
      summary: m.title,
      description:
        m.status === 'cancelled'
          ? `Cuộc họp đã hủy${m.cancelledReason ? `: ${m.cancelledReason}` : ''}.`
          : `Họp lúc ${formatDateTime(m.startsAt)}`,
      location: m.place ?? m.onlineLink ?? '',
      url: publicBase ? `${publicBase}/cuoc-hop/${m.id}` : null,
      cancelled: m.status === 'cancelled',
    })),
  );
}
