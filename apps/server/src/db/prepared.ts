import { createHash } from 'node:crypto';
import type { DbOrTx } from './client.ts';

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

/**
 * A statement built once per database handle (issue #18): the query builder runs on the first call only and
 * every later call binds its values to `sql.placeholder`s, so a hot read costs PostgreSQL's work and little
 * more. `build` must name the statement (`.prepare('steerco_…')`), so PostgreSQL also plans it once per
 * connection. A transaction is its own handle: a statement used inside one is built for it.
 */
export function preparedOnce<Q>(build: (db: DbOrTx) => Q): (db: DbOrTx) => Q {
  const byHandle = new WeakMap<DbOrTx, Q>();
  return (db) => {
    let statement = byHandle.get(db);
    if (!statement) {
      statement = build(db);
      byHandle.set(db, statement);
    }
    return statement;
  };
}
