import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView } from '../committees/seats.service.ts';

/**
 * Documents of the visible committees whose number, title, issuer or text has every word (the register's
 * accent-folded full text and its GIN index, documents_search_idx), the latest first.
 */
export async function findDocumentsByWords(db: DbOrTx, visible: SQL, q: string, limit: number) {
  const c = committeesView('c');
  const { rows } = await db.execute<{
    id: string;
    title: string;
    numberText: string | null;
    status: string;
    committeeId: string;
    committeeName: string;
  }>(sql`
    select d.id, d.title, d.number_text as "numberText", d.status, d.committee_id as "committeeId",
      c.name as "committeeName"
    from documents d join ${c} on c.id = d.committee_id
    where d.search @@ plainto_tsquery('simple'::regconfig, steerco_fold(${q}))
      and d.committee_id in (${visible})
    order by coalesce(d.issued_on, d.created_at::date) desc, d.id desc
    limit ${limit}`);
  return rows;
}
