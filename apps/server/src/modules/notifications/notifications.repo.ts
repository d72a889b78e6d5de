import type { NotificationPreferences } from '@steerco/contract/notifications';
import { and, count, desc, eq, inArray, isNotNull, isNull, like, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { readModel } from '../../db/read-model.ts';
import { notificationPreferences, notifications } from './notifications.schema.ts';

const NOTIFY_CHUNK = 5_000;

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  data?: unknown;
}

export async function insertNotifications(tx: DbOrTx, items: NewNotification[]) {
  // Slices keep each statement under PostgreSQL's 65,535 bind parameters (a day's escalations fan out widely).
  for (let i = 0; i < items.length; i += NOTIFY_CHUNK) {
    await tx
      .insert(notifications)
      .values(
        items
          .slice(i, i + NOTIFY_CHUNK)
          .map((n) => ({ id: uuidv7(), body: null, link: null, data: null, ...n })),
      );
  }
}

/** The areas a notification's kind belongs to (its prefix: `meeting.notice` is a meeting's). */
export const NOTIFICATION_AREAS = ['meeting', 'task', 'document', 'report', 'personnel'] as const;
export type NotificationArea = (typeof NOTIFICATION_AREAS)[number] | 'other';

export interface NotificationFilter {
  state: 'all' | 'unread' | 'read';
  area?: NotificationArea;
  /** The last notification of the previous page (newest first). */
  before?: string;
  limit: number;
}

/**
 * A page of a person's notifications, newest first (by the user's (user_id, created_at) index), filtered by
 * read state and area, and how many are unread in all. `before` continues after that notification.
 */
export async function findNotifications(db: DbOrTx, userId: string, f: NotificationFilter) {
  const mine = eq(notifications.userId, userId);
  const where: SQL[] = [mine];
  if (f.state === 'unread') where.push(isNull(notifications.readAt));
  if (f.state === 'read') where.push(isNotNull(notifications.readAt));
  if (f.area === 'other')
    where.push(
      sql`split_part(${notifications.kind}, '.', 1) <> all(${sql.param([...NOTIFICATION_AREAS])}::text[])`,
    );
  else if (f.area) where.push(like(notifications.kind, `${f.area}.%`));
  if (f.before)
    where.push(sql`(${notifications.createdAt}, ${notifications.id}) < (select n.created_at, n.id
      from notifications n where n.id = ${f.before} and n.user_id = ${userId})`);
  const [items, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(...where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(f.limit + 1),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  const page = items.slice(0, f.limit);
  return {
    unread: unread?.n ?? 0,
    items: page.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    nextCursor: items.length > f.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function markRead(db: DbOrTx, userId: string, ids: string[] | 'all') {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(ids === 'all' ? mine : and(mine, inArray(notifications.id, ids)));
}

/** A person's e-mail opt-outs; everything is on until the person turns something off. */
export async function findPreferences(db: DbOrTx, userId: string): Promise<NotificationPreferences> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return {
    emailReminders: row?.emailReminders ?? true,
    emailEscalations: row?.emailEscalations ?? true,
    emailDigest: row?.emailDigest ?? true,
  };
}

export async function upsertPreferences(tx: DbOrTx, userId: string, prefs: NotificationPreferences) {
  await tx
    .insert(notificationPreferences)
    .values({ userId, ...prefs })
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: { ...prefs, updatedAt: sql`now()` },
    });
}

/**
 * Each person's e-mail opt-outs as other modules' queries may join them (a person without a row wants every
 * e-mail: coalesce to true).
 */
export function preferencesView(alias = 'preferences') {
  return readModel
    .select({
      userId: notificationPreferences.userId,
      emailReminders: notificationPreferences.emailReminders,
      emailEscalations: notificationPreferences.emailEscalations,
      emailDigest: notificationPreferences.emailDigest,
    })
    .from(notificationPreferences)
    .as(alias);
}
