import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { containsAll } from '../../db/search.ts';
import { committeesView } from '../committees/seats.service.ts';
import { OPEN_SQL } from './tasks.repo.ts';

/**
 * Tasks of the visible committees whose title contains every word, open ones first, then by deadline. The
 * folded title has its trigram index (tasks_title_search_idx), so the words narrow millions of tasks first.
 */
export async function findTasksByWords(db: DbOrTx, visible: SQL, words: string[], limit: number) {
  const c = committeesView('c');
  const { rows } = await db.execute<{
    id: string;
    title: string;
    deadline: string;
    status: string;
    committeeId: string;
    committeeName: string;
  }>(sql`
    select t.id, t.title, t.deadline::text as deadline, t.status, t.committee_id as "committeeId",
      c.name as "committeeName"
    from tasks t join ${c} on c.id = t.committee_id
    where ${containsAll(sql`steerco_fold(t.title)`, words)} and t.committee_id in (${visible})
    order by (t.status in ${OPEN_SQL}) desc, t.deadline, t.id
    limit ${limit}`);
  return rows;
}
