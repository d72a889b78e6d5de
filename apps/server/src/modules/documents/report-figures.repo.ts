import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { documents } from './documents.schema.ts';

const issuedIn = (from: string, to: string) => sql`${documents.direction} = 'outgoing'
  and ${documents.status} = 'issued' and ${documents.issuedOn} between ${from}::date and ${to}::date`;

/** Outgoing documents issued in [from, to], per committee (the registry's index on committee and issue date). */
export async function countIssuedDocuments(db: DbOrTx, committeeIds: string[], from: string, to: string) {
  const { rows } = await db.execute<{ committee_id: string; n: number }>(sql`
    select ${documents.committeeId} as committee_id, count(*)::int as n from ${documents}
    where ${documents.committeeId} = any(${sql.param(committeeIds)}::uuid[]) and ${issuedIn(from, to)}
    group by ${documents.committeeId}`);
  return new Map(rows.map((r) => [r.committee_id, r.n]));
}

export async function findIssuedDocuments(db: DbOrTx, committeeId: string, from: string, to: string) {
  const { rows } = await db.execute<{
    id: string;
    title: string;
    date: string;
    number_text: string | null;
  }>(sql`
    select ${documents.id} as id, ${documents.title} as title, ${documents.issuedOn}::text as date,
      ${documents.numberText} as number_text
    from ${documents} where ${documents.committeeId} = ${committeeId} and ${issuedIn(from, to)}
    order by ${documents.issuedOn}, ${documents.number} limit 500`);
  return rows;
}
