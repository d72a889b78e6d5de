import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import {
  findNotifications,
  insertNotifications,
  markRead,
  type NewNotification,
  type NotificationFilter,
} from './notifications.repo.ts';

export type { NewNotification };

/** The people's e-mail opt-outs, for queries over many people (the task reminders and digest). */
export { preferencesView } from './notifications.repo.ts';

/** Queues in-app notifications inside the caller's transaction: they exist exactly when the change does. */
export async function notify(tx: DbOrTx, items: NewNotification[]) {
  await insertNotifications(tx, items);
}

/** The actor's notifications (the bell: the latest; the notification page: filtered, page by page). */
export async function listNotifications(db: Db, actor: Actor, filter: NotificationFilter) {
  return findNotifications(db, actor.userId, filter);
}

export async function markNotificationsRead(db: Db, actor: Actor, ids: string[] | 'all') {
  await markRead(db, actor.userId, ids);
}
