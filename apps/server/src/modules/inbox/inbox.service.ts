import { type Inbox, type InboxEntry, InboxItemKind } from '@steerco/contract/inbox';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/permissions.ts';
import { mySeatAccesses } from '../committees/access.service.ts';
import { committeeNames } from '../committees/committees.service.ts';
import { personnelChangesWaitingFor } from '../committees/inbox.service.ts';
import { documentsWaitingFor } from '../documents/inbox.service.ts';
import { meetingsWaitingFor } from '../meetings/meetings.service.ts';
import { tasksWaitingFor } from '../tasks/inbox.service.ts';

/**
 * "Việc chờ tôi xử lý" (issue 19): everything waiting for the actor's decision or action, newest first. Each
 * owning module answers "what waits for this person" through its service, under the same rights its decisions
 * check (meetings: the chair, R9–R11, R13; tasks: reviewers and extension deciders, R4; documents: the signer;
 * committees: the head for personnel changes, R14). This module reads no table.
 */
export async function myInbox(db: Db, actor: Actor, kind?: InboxItemKind): Promise<Inbox> {
  const seats = await mySeatAccesses(db, actor);
  const parts = await Promise.all([
    meetingsWaitingFor(
      db,
      actor,
      seats.map((s) => s.committeeId),
    ),
    tasksWaitingFor(db, actor),
    documentsWaitingFor(db, actor, seats),
    personnelChangesWaitingFor(db, actor, seats),
  ]);
  const all: InboxEntry[] = parts.flat();
  const counts = Object.fromEntries(InboxItemKind.options.map((k) => [k, 0])) as Inbox['counts'];
  for (const item of all) counts[item.kind] += 1;
  const chosen = kind ? all.filter((i) => i.kind === kind) : all;
  const names = await committeeNames(db, [...new Set(chosen.map((i) => i.committeeId))]);
  const items = chosen
    .map((i) => ({ ...i, committeeName: names.get(i.committeeId) ?? '' }))
    .sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
  return { items, total: all.length, counts };
}
