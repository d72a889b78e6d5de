import type { CarriedTask } from '@steerco/contract/tasks';
import type { DbOrTx } from '../../db/client.ts';
import { carriedTasksOf } from './carry-over.repo.ts';

/**
 * The tasks carried into agenda items (R8), as they stood when the meeting was prepared, by item: the meetings
 * module shows them on the meeting page, in the notice and the minutes.
 */
export async function carriedTasksOfItems(
  db: DbOrTx,
  itemIds: string[],
): Promise<Map<string, CarriedTask[]>> {
  return carriedTasksOf(db, itemIds);
}
