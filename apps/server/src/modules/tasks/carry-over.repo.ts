import type { CarriedTask } from '@steerco/contract/tasks';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { agendaItems } from '../meetings/meetings.schema.ts';
import { agendaCarriedTasks } from './carry-over.schema.ts';
import { OPEN_SQL, selectTasks } from './tasks.repo.ts';
import { tasks } from './tasks.schema.ts';

export const MAX_CARRIED = 300;

/** The committee's tasks still open that were due by `day`, oldest deadline first. */
export async function findOpenTasksDueBy(db: DbOrTx, committeeId: string, day: string, limit: number) {
  return selectTasks(db)
    .where(
      and(
        eq(tasks.committeeId, committeeId),
        sql`${tasks.status} in ${OPEN_SQL}`,
        sql`${tasks.deadline} <= ${day}::date`,
      ),
    )
    .orderBy(asc(tasks.deadline), asc(tasks.id))
    .limit(limit);
}

/**
 * One carried-over section per meeting: the old one goes (its links cascade), the new one (when tasks are
 * chosen) is first in the agenda, with each task as it stands now.
 */
export async function replaceCarriedSection(
  tx: DbOrTx,
  meetingId: string,
  section: { title: string; presenter: string },
  chosen: CarriedTask[],
) {
  await tx
    .delete(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.carriedOver, true)));
  if (!chosen.length) return;
  const [first] = await tx
    .select({ n: sql<number>`coalesce(min(${agendaItems.position}), 1)::int` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  const itemId = uuidv7();
  await tx.insert(agendaItems).values({
    id: itemId,
    meetingId,
    position: (first?.n ?? 1) - 1,
    title: section.title,
    presenter: section.presenter,
    takesOpinions: false,
    carriedOver: true,
  });
  await tx.insert(agendaCarriedTasks).values(
    chosen.map((c, i) => ({
      agendaItemId: itemId,
      taskId: c.taskId,
      position: i + 1,
      status: c.status,
      derivedStatus: c.derivedStatus,
      deadline: c.deadline,
    })),
  );
}

/** The carried tasks of agenda items, as they stood when the meeting was prepared (for the page, notice, minutes). */
export async function carriedTasksOf(db: DbOrTx, itemIds: string[]): Promise<Map<string, CarriedTask[]>> {
  const byItem = new Map<string, CarriedTask[]>();
  if (!itemIds.length) return byItem;
  const carried = await db
    .select()
    .from(agendaCarriedTasks)
    .where(inArray(agendaCarriedTasks.agendaItemId, itemIds))
    .orderBy(asc(agendaCarriedTasks.agendaItemId), asc(agendaCarriedTasks.position));
  if (!carried.length) return byItem;
  const rows = await selectTasks(db).where(
    inArray(
      tasks.id,
      carried.map((c) => c.taskId),
    ),
  );
  const byId = new Map(rows.map((r) => [r.t.id, r]));
  for (const c of carried) {
    const r = byId.get(c.taskId)!;
    const list = byItem.get(c.agendaItemId) ?? [];
    list.push({
      taskId: c.taskId,
      title: r.t.title,
      leadName: r.leadUnitName ?? r.leadName ?? null,
      deadline: c.deadline,
      status: c.status as CarriedTask['status'],
      derivedStatus: c.derivedStatus as CarriedTask['derivedStatus'],
      progress: r.t.progress,
    });
    byItem.set(c.agendaItemId, list);
  }
  return byItem;
}
