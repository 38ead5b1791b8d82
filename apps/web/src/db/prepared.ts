/**
 * A query built once per database and sent as a named prepared statement: node-postgres prepares it
 * once per connection, PostgreSQL may then keep its plan, and drizzle does not build it again. For
 * hot paths outside transactions only: a drizzle prepared query runs on the database it was made
 * from, never inside a caller's transaction.
 */
export function preparedOnce<P>(db: object, name: string, prepare: (name: string) => P): P {
  const byName = prepared.get(db) ?? new Map<string, unknown>();
  prepared.set(db, byName);
  const query = (byName.get(name) as P | undefined) ?? prepare(name);
  byName.set(name, query);
  return query;
}
const prepared = new WeakMap<object, Map<string, unknown>>();
