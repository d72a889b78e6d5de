import type { CarriedTask } from '@steerco/contract/tasks';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
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

/** The tasks carried into the meeting's carried-over agenda item, each as it stands now, in the chosen order. */
export async function insertCarriedTasks(tx: DbOrTx, agendaItemId: string, chosen: CarriedTask[]) {
  if (!chosen.length) return;
  await tx.insert(agendaCarriedTasks).values(
    chosen.map((c, i) => ({
      agendaItemId,
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
