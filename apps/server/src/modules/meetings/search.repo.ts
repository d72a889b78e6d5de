import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { containsAll } from '../../db/search.ts';
import { committeesView } from '../committees/seats.service.ts';

/**
 * Meetings whose title (or place) contains every word: those of the visible committees, and those the person is
 * invited to as a guest (loadMeeting's rule); the newest first. The folded title has its trigram index.
 */
export async function findMeetingsByWords(
  db: DbOrTx,
  visible: SQL,
  userId: string,
  words: string[],
  limit: number,
) {
  const c = committeesView('c');
  const { rows } = await db.execute<{
    id: string;
    title: string;
    startsAt: Date | string;
    status: string;
    committeeId: string;
    committeeName: string;
  }>(sql`
    select m.id, m.title, m.starts_at as "startsAt", m.status, m.committee_id as "committeeId",
      c.name as "committeeName"
    from meetings m join ${c} on c.id = m.committee_id
    where ${containsAll(sql`steerco_fold(m.title)`, words)}
      and (m.committee_id in (${visible})
        or m.id in (select a.meeting_id from meeting_attendees a where a.user_id = ${userId}))
    order by m.starts_at desc, m.id
    limit ${limit}`);
  return rows;
}
