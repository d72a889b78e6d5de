import type { NotificationPreferences } from '@steerco/contract/notifications';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { findPreferences, upsertPreferences } from './notifications.repo.ts';

/** The actor's e-mail opt-outs; everything is on until the person turns something off. */
export async function getNotificationPreferences(db: DbOrTx, actor: Actor): Promise<NotificationPreferences> {
  return findPreferences(db, actor.userId);
}

/** Replaces the actor's own preferences (nobody sets another person's). */
export async function updateNotificationPreferences(db: Db, actor: Actor, prefs: NotificationPreferences) {
  await db.transaction(async (tx) => {
    await upsertPreferences(tx, actor.userId, prefs);
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
