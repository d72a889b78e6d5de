import { QueryBuilder } from 'drizzle-orm/pg-core';

/**
 * Builds the read models modules publish for other modules' queries (README "Module rules"): a subquery over
 * the owner's table with the columns it chooses to show, joined like a table, never written. Built without a
 * connection, with the connection's naming (snake_case columns).
 */
export const readModel = new QueryBuilder({ casing: 'snake_case' });
