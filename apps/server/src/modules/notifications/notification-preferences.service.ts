import type { NotificationPreferences } from '@steerco/contract/notifications';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { notificationPreferences } from './notifications.schema.ts';

/** The actor's e-mail opt-outs; everything is on until the person turns something off. */
export async function getNotificationPreferences(db: DbOrTx, actor: Actor): Promise<NotificationPreferences> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.userId));
  return {
    emailReminders: row?.emailReminders ?? true,
    emailEscalations: row?.emailEscalations ?? true,
    emailDigest: row?.emailDigest ?? true,
  };
}

/** Replaces the actor's own preferences (nobody sets another person's). */
export async function updateNotificationPreferences(db: Db, actor: Actor, prefs: NotificationPreferences) {
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ userId: actor.userId, ...prefs })
      .onConflictDoUpdate({
        target: notificationPreferences.userId,
        set: { ...prefs, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'user.notificationPreferencesUpdated',
      entityType: 'user',
      entityId: actor.userId,
      data: prefs,
    });
  });
  return getNotificationPreferences(db, actor);
}
