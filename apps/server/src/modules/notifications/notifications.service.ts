import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { Actor } from '../../http/permissions.ts';
import { notifications } from './notifications.schema.ts';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  data?: unknown;
}

const NOTIFY_CHUNK = 5_000;

/** Queues in-app notifications inside the caller's transaction: they exist exactly when the change does. */
export async function notify(tx: DbOrTx, items: NewNotification[]) {
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

export async function listNotifications(db: Db, actor: Actor, unreadOnly: boolean) {
  const mine = eq(notifications.userId, actor.userId);
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

export async function markNotificationsRead(db: Db, actor: Actor, ids: string[] | 'all') {
  const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      ids === 'all'
        ? mine
        : and(
            mine,
            sql`${notifications.id} in (${sql.join(
              ids.map((i) => sql`${i}::uuid`),
              sql`, `,
            )})`,
          ),
    );
}
