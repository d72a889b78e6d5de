import { createHash } from 'node:crypto';

/**
 * Runs a query as a named prepared statement, so PostgreSQL parses and plans each distinct SQL text once per
 * connection instead of on every request. For the hottest reads whose text varies with their shape (which
 * filters are set), not with their values: the name is a hash of the text, as a name must always carry the
 * same text. Values stay parameters; pass lists as one array parameter (`= any($1::uuid[])`) so the text
 * does not grow with them.
 */
export function preparedByText<R>(
  query: { toSQL(): { sql: string }; prepare(name: string): R },
  prefix: string,
) {
  const hash = createHash('sha1').update(query.toSQL().sql).digest('base64url').slice(0, 16);
  return query.prepare(`${prefix}_${hash}`);
}
