import type { Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

const dialect = new PgDialect();

/**
 * A statement written once in SQL (a drizzle `sql` template whose values are `sql.placeholder`s),
 * turned into text on its first call, then run on the database or inside a transaction without
 * being built again: building an order's queries was a large part of its CPU (decision 022). Rows
 * are the driver's: columns named as the SQL aliases them, timestamps as text.
 */
export function statement<Row>(build: () => SQL) {
  let query: Query | undefined;
  return async (db: Executor, values: Record<string, unknown>): Promise<Row[]> => {
    query ??= dialect.sqlToQuery(build());
    const result = await db._.session.prepareQuery(query, undefined, undefined, false).execute(values);
    return (result as { rows: Row[] }).rows;
  };
}
