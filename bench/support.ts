// The parts every HTTP benchmark on PostgreSQL shares: a throw-away database, the whole app served on
// loopback, and latency percentiles.
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { createApp } from '../apps/web/src/app.ts';
import { boot } from '../apps/web/src/boot.ts';
import type { Db } from '../apps/web/src/db/client.ts';
import { migrateDatabase, openPostgres } from '../apps/web/src/db/client.ts';
import { matchStand } from '../apps/web/src/db/schema/index.ts';
import { seedReference } from '../apps/web/src/db/seed-reference.ts';
import { createMatch } from '../apps/web/src/domain/catalog/create-match.ts';
import { createStand } from '../apps/web/src/domain/catalog/create-stand.ts';
import { createVenue } from '../apps/web/src/domain/catalog/create-venue.ts';
import { setMatchStands } from '../apps/web/src/domain/catalog/set-match-stands.ts';
import { parseEnv } from '../apps/web/src/env.ts';

export const POOL = 10; // the app's PostgreSQL pool (openPostgres default)

/** A fresh PostgreSQL database named after the bench, migrated and seeded, and the app serving it. */
export async function startBenchApp(bench: string) {
  const name = `footarena_bench_${bench}_${process.pid}`;
  const url = `postgres://postgres@127.0.0.1:5432/${name}`;
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const database = await openPostgres(url, POOL);
  await migrateDatabase(database);
  await seedReference(database.db);

  let app: ReturnType<typeof createApp> | undefined;
  const server = serve({ fetch: (req, env) => app!.fetch(req, env), hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const env = parseEnv({
    NODE_ENV: 'test',
    BASE_URL: base,
    DATA_DIR: `/tmp/footarena-${bench}-${process.pid}`,
    AUTH_SECRET: randomBytes(24).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    LOG_LEVEL: 'silent',
  });
  const runtime = await boot(env, { database });
  app = createApp(runtime.deps);
  return {
    base,
    env,
    runtime,
    db: runtime.deps.db,
    /** A pool of the app's size straight to the same database, for the raw ceiling. */
    rawPool: () => new pg.Pool({ connectionString: url, max: POOL }),
    async close() {
      server.close();
      await runtime.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export { stats } from './stats.ts';

/** One club with one stand of `capacity` seats (adults at 10 euros), and a home match with it open. */
export async function benchClubMatch(db: Db, club: { name: string; slug: string }, capacity: number, kickoffInDays: number) {
  const clubId = randomBytes(16).toString('hex');
  await db.execute(
    sql`insert into organization (id, name, slug, created_at, country, status) values (${clubId}, ${club.name}, ${club.slug}, now(), 'BE', 'active')`,
  );
  const venueId = await createVenue(db, clubId, { name: 'Park', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' });
  const standId = await db.transaction((tx) =>
    createStand(tx, {}, { actor: { kind: 'system' }, clubId, venueId, stand: { name: 'Main', capacity, prices: { adult: 1000 } } }),
  );
  const [comp] = (await db.execute<{ id: string }>(sql`select id from competition limit 1`)).rows;
  const matchId = await db.transaction((tx) =>
    createMatch(
      tx,
      {},
      {
        actor: { kind: 'system' },
        clubId,
        match: {
          isHome: true,
          opponentName: 'Visitors',
          competitionId: comp!.id,
          venueId,
          kickoffAt: new Date(Date.now() + kickoffInDays * 86_400_000),
          orderLimit: 10,
        },
      },
    ),
  );
  await db.transaction((tx) =>
    setMatchStands(tx, {}, { actor: { kind: 'system' }, clubId, matchId, stands: [{ standId, open: true, prices: {} }] }),
  );
  const [opened] = await db.select({ id: matchStand.id }).from(matchStand).where(eq(matchStand.matchId, matchId));
  return { clubId, matchId, matchStandId: opened!.id };
}
