import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openMemoryPglite, openPostgres } from '../../src/db/client.ts';
import { seedReference } from '../../src/db/seed-reference.ts';
import { startJobs } from '../../src/jobs/jobs.ts';
import { ADMIN_URL, databaseUrl } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

// Each test file starts from a copy of one migrated database instead of migrating its own:
// a PGlite data-directory dump, and a PostgreSQL template database.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'footarena-test-'));
  const pglite = await openMemoryPglite();
  await prepare(pglite);
  if (pglite.kind !== 'pglite') throw new Error('unreachable');
  const dump = await pglite.pglite.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', file);

  const template = `footarena_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  let postgresReady = false;
  try {
    await admin.connect();
    postgresReady = true;
  } catch (error) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI and is not reachable at ${ADMIN_URL}: ${(error as Error).message}`);
    console.warn(`\n  PostgreSQL not reachable at ${ADMIN_URL}: tests run on PGlite only (CI runs both).\n`);
  }
  if (postgresReady) {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const database = await openPostgres(databaseUrl(template), 2);
    await prepare(database);
    await database.close();
    project.provide('postgresTemplate', template);
  } else {
    project.provide('postgresTemplate', null);
  }

  return async () => {
    if (postgresReady) {
      // Databases copied by test files that crashed before their own cleanup go too.
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [
        template,
        `${template}_%`,
      ]);
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

async function prepare(database: Parameters<typeof migrateDatabase>[0]) {
  await migrateDatabase(database);
  await seedReference(database.db);
  const jobs = await startJobs(database); // creates pg-boss's schema and queues once
  await jobs.stop();
}
