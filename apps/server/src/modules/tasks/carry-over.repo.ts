import type { CarriedTask } from '@steerco/contract/tasks';
import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agendaCarriedTasks } from './carry-over.schema.ts';
import { selectTasks } from './tasks.repo.ts';
import { tasks } from './tasks.schema.ts';

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
