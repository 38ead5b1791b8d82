// npm run bench:catalog [-- --matches 10000 --runs 200 --db both|postgres|pglite]
// The home page (catalog) with N upcoming matches: server time of GET / through the whole app
// (middleware, session lookup, two queries, rendering), against the raw ceiling measured in the same
// run: the catalog's own SQL text sent straight through the driver (no ORM, no app). Prints median
// and p95 per filter.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../apps/web/src/app.ts';
import { boot } from '../apps/web/src/boot.ts';
import { type Database, migrateDatabase, openMemoryPglite, openPostgres } from '../apps/web/src/db/client.ts';
import { competition, match, matchStand, matchStandPrice, organization, stand, venue } from '../apps/web/src/db/schema/index.ts';
import { seedReference } from '../apps/web/src/db/seed-reference.ts';
import { catalogQuery } from '../apps/web/src/domain/catalog/list-upcoming-matches.ts';
import { brusselsDayStart, toBrusselsLocal } from '../apps/web/src/domain/time.ts';
import { parseEnv } from '../apps/web/src/env.ts';

const { values } = parseArgs({
  options: {
    matches: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '200' },
    db: { type: 'string', default: 'both' },
  },
});
const MATCHES = Number(values.matches);
const RUNS = Number(values.runs);
const CLUBS = 100;

async function seed(database: Database) {
  const db = database.db;
  await migrateDatabase(database);
  await seedReference(db);
  const competitions = await db.select({ id: competition.id, slug: competition.slug }).from(competition);
  const now = Date.now();
  const clubs = Array.from({ length: CLUBS }, (_, i) => ({
    id: randomUUID().replace(/-/g, ''),
    name: `Club ${String(i).padStart(3, '0')} ${['Anderlecht', 'Ixelles', 'Jette', 'Uccle', 'Evere'][i % 5]}`,
    slug: `club-${i}`,
    commune: ['Anderlecht', 'Ixelles', 'Jette', 'Uccle', 'Evere'][i % 5]!,
    country: 'BE',
    status: 'active',
    createdAt: new Date(),
  }));
  await db.insert(organization).values(clubs);
  const venues = await db
    .insert(venue)
    .values(clubs.map((c) => ({ clubId: c.id, name: `${c.name} Ground`, street: 'Rue 1', postalCode: '1000', commune: c.commune })))
    .returning();
  const stands = await db
    .insert(stand)
    .values(venues.flatMap((v) => [0, 1].map((j) => ({ clubId: v.clubId, venueId: v.id, name: `Stand ${j}`, capacity: 500 }))))
    .returning();
  for (let start = 0; start < MATCHES; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, MATCHES - start) }, (_, k) => {
      const i = start + k;
      const club = clubs[i % CLUBS]!;
      return {
        clubId: club.id,
        venueId: venues[i % CLUBS]!.id,
        competitionId: competitions[i % competitions.length]!.id,
        opponentName: `Opponent ${i}`,
        kickoffAt: new Date(now + 3_600_000 + i * 37 * 60_000), // spread over ~260 days
        status: 'on_sale' as const,
      };
    });
    const matches = await db.insert(match).values(batch).returning({ id: match.id, clubId: match.clubId });
    const opened = await db
      .insert(matchStand)
      .values(
        matches.flatMap((m) =>
          stands.filter((s) => s.clubId === m.clubId).map((s) => ({ clubId: m.clubId, matchId: m.id, standId: s.id, cap: 400 })),
        ),
      )
      .returning({ id: matchStand.id, clubId: matchStand.clubId });
    await db.insert(matchStandPrice).values(
      opened.flatMap((o) => [
        { clubId: o.clubId, matchStandId: o.id, category: 'adult' as const, priceCents: 1000 },
        { clubId: o.clubId, matchStandId: o.id, category: 'child' as const, priceCents: 0 },
      ]),
    );
  }
  await database.db.execute(`ANALYZE` as never);
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function measure(fn: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

async function run(kind: 'postgres' | 'pglite') {
  let database: Database;
  let cleanup = async () => {};
  if (kind === 'postgres') {
    const name = `footarena_bench_catalog_${process.pid}`;
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    database = await openPostgres(`postgres://postgres@127.0.0.1:5432/${name}`, 10);
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    database = await openMemoryPglite();
  }
  const seeding = performance.now();
  await seed(database);
  const seededIn = Math.round(performance.now() - seeding);
  const env = parseEnv({
    NODE_ENV: 'test',
    BASE_URL: 'http://localhost',
    DATA_DIR: `/tmp/footarena-bench-${process.pid}`,
    AUTH_SECRET: 'x'.repeat(40),
    SMTP_URL: 'smtp://127.0.0.1:1',
    LOG_LEVEL: 'silent',
  });
  const runtime = await boot(env, { database });
  const app = createApp(runtime.deps);

  const day = toBrusselsLocal(new Date(Date.now() + 30 * 86_400_000)).slice(0, 10);
  const cases: [string, string, Parameters<typeof catalogQuery>[1]][] = [
    ['no filter', '/', {}],
    ['club', '/?club=club-7', { clubSlug: 'club-7' }],
    ['competition', '/?competition=d3-acff', { competitionSlug: 'd3-acff' }],
    ['one day', `/?from=${day}&to=${day}`, { from: brusselsDayStart(day), to: brusselsDayStart(day, 1) }],
    ['text', '/?q=ixelles', { q: 'ixelles' }],
    [
      'all combined',
      `/?club=club-1&competition=d2-acff&q=opp&from=${day}`,
      { clubSlug: 'club-1', competitionSlug: 'd2-acff', q: 'opp', from: brusselsDayStart(day) },
    ],
    ['page 50', '/?page=50', {}],
  ];
  console.log(`\n${kind}: ${MATCHES} upcoming matches, ${CLUBS} clubs, seeded in ${seededIn} ms; ${RUNS} runs each (ms)`);
  console.log('filter            app p50  app p95  raw p50  raw p95  app/raw');
  for (const [label, url, filter] of cases) {
    const page = url.includes('page=50') ? 50 : 1;
    const appTime = await measure(async () => {
      const response = await app.request(`http://localhost${url}`);
      if (response.status !== 200) throw new Error(`${url} → ${response.status}`);
      await response.text();
    });
    const { sql, params } = catalogQuery(database.db, filter, { page }).toSQL();
    const raw = await measure(() =>
      database.kind === 'pglite' ? database.pglite.query(sql, params) : database.pool.query(sql, params as unknown[]),
    );
    const f = (n: number) => n.toFixed(2).padStart(7);
    console.log(
      `${label.padEnd(16)} ${f(appTime.p50)}  ${f(appTime.p95)}  ${f(raw.p50)}  ${f(raw.p95)}  ${(appTime.p50 / raw.p50).toFixed(2).padStart(6)}`,
    );
  }
  await runtime.close();
  await cleanup();
}

for (const kind of values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db as 'postgres' | 'pglite']) await run(kind);
process.exit(0);
