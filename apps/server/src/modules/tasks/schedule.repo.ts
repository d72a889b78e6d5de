import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView } from '../committees/seats.service.ts';
import { OPEN_SQL } from './tasks.repo.ts';

/** Open tasks of these committees due in [from, to] (the committee's deadline index), nearest first. */
export async function findDeadlinesBetween(db: DbOrTx, committees: SQL, from: string, to: string) {
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
    where t.committee_id in (${committees}) and t.deadline between ${from}::date and ${to}::date
      and t.status in ${OPEN_SQL}
    order by t.deadline, t.id
    limit 500`);
  return rows;
}
