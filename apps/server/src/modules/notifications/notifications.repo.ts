import type { NotificationPreferences } from '@steerco/contract/notifications';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
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

/** A person's latest notifications (all, or unread only) and how many are unread. */
export async function findNotifications(db: DbOrTx, userId: string, unreadOnly: boolean) {
  const mine = eq(notifications.userId, userId);
  const where = unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [items, [unread]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(100),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    unread: unread?.n ?? 0,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
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
