import { type SQL, sql } from 'drizzle-orm';

/*
 * The accent-insensitive "contains every word" of the header's search (issue 19): "ket luan" finds "Kết luận".
 * Each word is folded like the column (steerco_fold: case, Vietnamese diacritics, đ → d) and matched with LIKE,
 * which a pg_trgm GIN index on the folded column answers for words of three letters or more.
 */

/** The query's words (at most 6, each at most 50 characters), LIKE's wildcards escaped. */
export function searchWords(q: string): string[] {
  return q
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 6)
    .map((w) => w.slice(0, 50).replace(/[\\%_]/g, (c) => `\\${c}`));
}

/** `folded` (an expression already folded by steerco_fold) contains every word. */
export function containsAll(folded: SQL, words: string[]): SQL {
  if (!words.length) return sql`false`;
  return sql.join(
    words.map((w) => sql`${folded} like '%' || steerco_fold(${w}) || '%'`),
    sql` and `,
  );
}
