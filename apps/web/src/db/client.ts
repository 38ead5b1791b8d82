import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
type RowsResult<Row> = { rows: (Row extends Record<string, unknown> ? Row : never)[] };
/** What `execute` returns on both drivers (node-postgres and PGlite): at least the rows. */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<this['row']>;
}
/** The database or an open transaction: every domain operation takes one (invariant 8). */
export type Db = PgDatabase<RowsResultHKT, Schema>;
export type Tx = PgTransaction<RowsResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;
/**
 * The database itself, never a transaction: for operations whose single statements are atomic alone
 * and that go on after one fails (a failed statement would end a caller's transaction).
 */
export type Autocommit = Db & { rollback?: never };

export type Database =
  | { kind: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: Db; pool: pg.Pool; url: string; close(): Promise<void> };

// Next to this module: src/db/ when run from the sources, dist/ when run from the build of `npm start`
// (src/cli/build.ts copies the migrations there and adds an empty database already migrated).
const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const emptyDatabase = fileURLToPath(new URL('./empty-db.tar.gz', import.meta.url));

/**
 * PGlite's own start parameters with 16 MB of shared buffers instead of PostgreSQL's 128 MB: the
 * embedded database serves one club trying FootArena, and the buffers were a third of the process's
 * memory (docs/decisions/017).
 */
const PGLITE_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.error('[db] idle connection lost:', error.message));
  pool.on('connect', prepareStatements);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { kind: 'postgres', db, pool, url, close: () => pool.end() };
}

/**
 * Sends every statement that has parameters as a prepared statement named after its text, so that
 * PostgreSQL parses and plans it once per connection instead of at every call: planning was most of
 * the database's CPU per order and per scan (docs/decisions/014). Transactions included, which
 * drizzle's own prepared queries cannot be. The names are per process and bounded: past
 * NAMED_STATEMENTS distinct texts, a statement is sent unnamed as before. (A pooler in transaction
 * mode between the app and PostgreSQL must support prepared statements, as PgBouncer 1.21+ does.)
 */
function prepareStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (config && typeof config === 'object' && !('submit' in config) && !('name' in config && config.name)) {
      const { text, values: own } = config as { text?: unknown; values?: unknown[] };
      const params = Array.isArray(values) ? values : own;
      const name = typeof text === 'string' && params?.length ? statementName(text) : undefined;
      if (name) return query({ ...config, name }, values, callback);
    }
    return query(config, values, callback);
  }) as typeof client.query;
}
const NAMED_STATEMENTS = 2000;
const statementNames = new Map<string, string>();
function statementName(text: string) {
  let name = statementNames.get(text);
  if (!name && statementNames.size < NAMED_STATEMENTS) {
    name = `fa_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Opens the embedded database in `dir`. PGlite has no lock of its own and a second process
 * writing the same directory loses data, so a lock file refuses it.
 */
export async function openPglite(dir: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  mkdirSync(dir, { recursive: true });
  const release = lockDirectory(dir);
  const dataDir = path.join(dir, 'pgdata');
  // A fresh folder starts from the build's empty database when there is one: no initdb.
  const loadDataDir =
    options.loadDataDir ??
    (!existsSync(path.join(dataDir, 'PG_VERSION')) && existsSync(emptyDatabase) ? new Blob([readFileSync(emptyDatabase)]) : undefined);
  const pglite = await PGlite.create({ dataDir, startParams: PGLITE_PARAMS, ...(loadDataDir ? { loadDataDir } : {}) });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    close: async () => {
      await pglite.close();
      release();
    },
  };
}

/** An in-memory PGlite (tests), optionally loaded from a dumped, already-migrated data directory. */
export async function openMemoryPglite(loadDataDir?: Blob): Promise<Database> {
  const pglite = await PGlite.create({ startParams: PGLITE_PARAMS, ...(loadDataDir ? { loadDataDir } : {}) });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(path.join(opts.dataDir, 'db'));
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder });
  else await migratePg(database.db as never, { migrationsFolder });
}

export class DatabaseLockedError extends Error {}

function lockDirectory(dir: string): () => void {
  const lockFile = path.join(dir, 'footarena.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8'));
      if (pid && isAlive(pid)) {
        throw new DatabaseLockedError(
          `The embedded database in ${dir} is in use by process ${pid}. ` +
            'Stop it first, or set DATABASE_URL to share a PostgreSQL between processes.',
        );
      }
      rmSync(lockFile, { force: true }); // left by a process that died
    }
  }
  throw new DatabaseLockedError(`Could not lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
