import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { usersView } from '../users/users.service.ts';
import { personnelChanges } from './committees.schema.ts';

const effectiveIn = (from: string, to: string) =>
  sql`${personnelChanges.status} = 'approved' and ${personnelChanges.effectiveDate} between ${from}::date and ${to}::date`;

/** Approved personnel changes taking effect in [from, to], per committee (R14). */
export async function countPersonnelChanges(db: DbOrTx, committeeIds: string[], from: string, to: string) {
  const { rows } = await db.execute<{ committee_id: string; n: number }>(sql`
    select ${personnelChanges.committeeId} as committee_id, count(*)::int as n from ${personnelChanges}
    where ${personnelChanges.committeeId} = any(${sql.param(committeeIds)}::uuid[]) and ${effectiveIn(from, to)}
    group by ${personnelChanges.committeeId}`);
  return new Map(rows.map((r) => [r.committee_id, r.n]));
}

export async function findPersonnelChanges(db: DbOrTx, committeeId: string, from: string, to: string) {
  const u = usersView('report_replacement');
  const { rows } = await db.execute<{ id: string; title: string; date: string }>(sql`
    select ${personnelChanges.id} as id, 'Thay thế thành viên: ' || coalesce(${u.fullName}, '') as title,
      ${personnelChanges.effectiveDate}::text as date
    from ${personnelChanges} left join ${u} on ${u.id} = ${personnelChanges.replacementUserId}
    where ${personnelChanges.committeeId} = ${committeeId} and ${effectiveIn(from, to)}
    order by ${personnelChanges.effectiveDate} limit 500`);
  return rows;
}
