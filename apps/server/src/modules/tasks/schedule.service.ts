import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { committeesVisibleTo, scopedTo } from '../committees/search.service.ts';
import { findDeadlinesBetween } from './schedule.repo.ts';

/** Open tasks due between two dates in the committees the actor may see (or one of them), for the schedule. */
export async function deadlinesBetween(db: Db, actor: Actor, from: string, to: string, committeeId?: string) {
  const visible = committeesVisibleTo(actor);
  const committees = committeeId ? scopedTo(visible, committeeId) : visible;
  return findDeadlinesBetween(db, committees, from, to);
}
