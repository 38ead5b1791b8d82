// The parts every HTTP benchmark on PostgreSQL shares: a throw-away database, the whole app served on
// loopback, and latency percentiles.

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
import { createDevice } from '../apps/web/src/domain/devices/create-device.ts';
import { pairDevice } from '../apps/web/src/domain/devices/pair-device.ts';
import { activeSigningKey } from '../apps/web/src/domain/tickets/signing-key.ts';
import { parseEnv } from '../apps/web/src/env.ts';
import { insertPaidOrder, insertSignedTickets } from '../apps/web/test/support/gate.ts';
import { sentStatements } from './count-statements.ts';
import type { LoadInput, PhaseFigures } from './http-load.ts';

export const POOL = 10; // the app's PostgreSQL pool (openPostgres default)

/**
 * A fresh PostgreSQL database named after the bench, migrated and seeded, and the app serving it: in
 * this process, or with `processes`, in that many app processes of their own sharing one port (this
 * process then only seeds and measures).
 */
export async function startBenchApp(bench: string, processes?: number) {
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
  const workers = processes ? await startAppWorkers(processes, env, url) : null;
  return {
    /** Where the load goes: this process's server, or the workers' shared port. */
    base: workers?.base ?? base,
    env: workers ? { ...env, BASE_URL: workers.base } : env,
    runtime,
    db: runtime.deps.db,
    /** The app's CPU time (ms) and statements so far, over every process that serves it. */
    async appUsage() {
      if (workers) return workers.usage();
      const { user, system } = process.cpuUsage();
      return { cpuMs: (user + system) / 1000, statements: sentStatements.count };
    },
    /** The database's address, for the raw ceiling (sent by the load process over a pool of POOL). */
    url,
    /** CPU time so far of each PostgreSQL backend serving this database, in clock ticks (/proc). */
    async serverCpu() {
      const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name]);
      return new Map(rows.map(({ pid }) => [pid, processTicks(pid)]));
    },
    async close() {
      await workers?.stop();
      server.close();
      await runtime.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export { stats } from './stats.ts';

/** `n` app processes (bench/app-worker.ts) on a free port of their own, each with a pool of POOL. */
async function startAppWorkers(n: number, env: ReturnType<typeof parseEnv>, url: string) {
  const port = await new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const workerEnv = Object.fromEntries(
    Object.entries({
      NODE_ENV: 'test',
      BASE_URL: base,
      DATA_DIR: env.DATA_DIR,
      AUTH_SECRET: env.AUTH_SECRET,
      SMTP_URL: env.SMTP_URL,
      LOG_LEVEL: 'silent',
    }).filter(([, v]) => v !== undefined),
  );
  const children = await Promise.all(
    Array.from({ length: n }, () => startChild('app-worker.ts', { env: workerEnv, url, pool: POOL, port })),
  );
  return {
    base,
    async usage() {
      const each = await Promise.all(children.map(usageOf));
      return { cpuMs: each.reduce((sum, u) => sum + u.cpuMs, 0), statements: each.reduce((sum, u) => sum + u.statements, 0) };
    },
    stop: () => Promise.all(children.map((child) => child.stop())),
  };
}

/**
 * A bench script (`script`, in this folder) in a process of its own, started with `node --import tsx`,
 * given `input` in a JSON file and driven over IPC; resolves with it and its first message ({ready}).
 */
async function startChild(script: string, input: unknown) {
  const dir = mkdtempSync(path.join(tmpdir(), 'footarena-bench-'));
  const file = path.join(dir, 'input.json');
  writeFileSync(file, JSON.stringify(input));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), file], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`))));
  exited.catch(() => {}); // expected after `stop`; before it, `next` rejects with it
  const next = () => Promise.race([new Promise<Record<string, unknown>>((resolve) => child.once('message', resolve)), exited]);
  const ready = await next();
  return {
    ready,
    /** Sends `message` and resolves with the answer. */
    ask(message: unknown) {
      const answer = next();
      child.send(message as string);
      return answer;
    },
    async stop(message: unknown = 'stop') {
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.send(message as string);
      await done;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
type Child = Awaited<ReturnType<typeof startChild>>;

/** CPU time (ms) and statements sent so far by a child that serves HTTP (an app worker, the floor). */
const usageOf = async (child: Child) => (await child.ask('usage')) as { cpuMs: number; statements: number };

/**
 * The floor (bench/floor-server.ts) of `kind`'s path on the bench's database, on a port of its own:
 * `size` pads its answers to the app's, `usage` reads its CPU time.
 */
export async function startFloor(kind: 'rush' | 'redeem', url: string) {
  const child = await startChild('floor-server.ts', { kind, url, pool: POOL });
  return {
    base: `http://127.0.0.1:${child.ready.port}`,
    size: (bytes: Record<string, number>) => child.ask({ sizes: bytes }),
    usage: () => usageOf(child),
    stop: () => child.stop(),
  };
}

/** utime + stime of a process, in clock ticks (0 if it is gone). */
function processTicks(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}
const TICK_MS = 10; // USER_HZ is 100 on Linux

export type Phase = PhaseFigures & {
  /** The app process's CPU time (user + system) per request, ms. */
  appCpuMs: number;
  /** Statements the app process sent to PostgreSQL per request (BEGIN and COMMIT included). */
  statements: number;
  /** CPU time of the PostgreSQL backends serving the bench's database, per request, ms. */
  dbCpuMs: number;
};

/**
 * Starts the load generator (bench/http-load.ts) in a process of its own and waits until its
 * connections are warm. Each `run` is one phase; the app's CPU time is read around it in this process,
 * which serves the app and does nothing else meanwhile.
 */
export async function startLoad(
  input: LoadInput,
  bench: { serverCpu(): Promise<Map<number, number>>; appUsage(): Promise<{ cpuMs: number; statements: number }> },
  floor: { usage(): Promise<{ cpuMs: number; statements: number }> },
) {
  const child = await startChild('http-load.ts', input); // {ready}: its connections are warm
  return {
    /** One phase; with BENCH_PROFILE=file.cpuprofile, the app's HTTP phase is profiled into that file. */
    async run(phase: 'http' | 'raw' | 'floor'): Promise<Phase> {
      const profile = phase === 'http' && process.env.BENCH_PROFILE ? new Session() : null;
      if (profile) {
        profile.connect();
        await profile.post('Profiler.enable');
        await profile.post('Profiler.start');
      }
      sentStatements.texts.clear();
      // The floor's CPU is its own process's; the app's (and the raw phase's, where it idles) the app's.
      const usage = phase === 'floor' ? () => floor.usage() : () => bench.appUsage();
      const backends = await bench.serverCpu();
      const before = await usage();
      const { figures } = (await child.ask({ phase })) as { figures: PhaseFigures };
      const after = await usage();
      let dbTicks = 0;
      for (const [pid, ticks] of await bench.serverCpu()) dbTicks += ticks - (backends.get(pid) ?? 0);
      if (phase === 'http' && process.env.BENCH_STATEMENTS) {
        for (const [text, n] of [...sentStatements.texts].sort((a, b) => b[1] - a[1]))
          console.log(`${(n / figures.count).toFixed(2).padStart(6)}  ${text}`);
      }
      if (profile) {
        const { profile: taken } = await profile.post('Profiler.stop');
        writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(taken));
        profile.disconnect();
      }
      return {
        ...figures,
        appCpuMs: (after.cpuMs - before.cpuMs) / figures.count,
        statements: (after.statements - before.statements) / figures.count,
        dbCpuMs: (dbTicks * TICK_MS) / figures.count,
      };
    },
    stop: () => child.stop({ phase: 'stop' }),
  };
}

/** The figures both HTTP benchmarks print: throughput, latency, CPU per request, and the ratios. */
export function printPhases(unit: string, app: Phase, raw: Phase, floor: Phase) {
  const line = (label: string, f: Phase, cpu: string) =>
    console.log(
      `${label.padEnd(24)} ${(f.count / f.seconds).toFixed(0).padStart(10)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)} ${cpu.padStart(12)} ${f.dbCpuMs.toFixed(3).padStart(11)} ${f.loadCpuMs.toFixed(3).padStart(13)}`,
    );
  console.log(
    `${''.padEnd(24)} ${`${unit}/s`.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'app CPU ms'.padStart(12)} ${'db CPU ms'.padStart(11)} ${'load CPU ms'.padStart(13)}`,
  );
  line('app (HTTP)', app, app.appCpuMs.toFixed(3));
  line('raw UPDATE', raw, '–');
  line('floor (node:http + pg)', floor, floor.appCpuMs.toFixed(3));
  console.log(`statements to PostgreSQL per request: app ${app.statements.toFixed(1)}, floor ${floor.statements.toFixed(1)}`);
  const ratio = (a: Phase, b: Phase) => ((b.seconds / a.seconds) * (a.count / b.count)).toFixed(3);
  console.log(`app/raw throughput: ${ratio(app, raw)}`);
  console.log(`floor/raw throughput: ${ratio(floor, raw)}`);
  console.log(`app/floor throughput: ${ratio(app, floor)}`);
}

/** One club with one stand of `capacity` seats (adults at 10 euros), and a home match with it open. */
export async function benchClubMatch(db: Db, club: { name: string; slug: string }, capacity: number, kickoffInDays: number) {
  const clubId = randomBytes(16).toString('hex');
  await db.execute(
    sql`insert into organization (id, name, slug, created_at, country, status) values (${clubId}, ${club.name}, ${club.slug}, now(), 'BE', 'active')`,
  );
  const venueId = await createVenue(
    db,
    {},
    { actor: { kind: 'system' }, clubId: clubId, venue: { name: 'Park', street: 'Rue 1', postalCode: '1000', commune: 'Bruxelles' } },
  );
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

/**
 * A club and match of `tickets` seats, one paid order holding every ticket, signed as fulfilment
 * signs them: what the gate benchmarks scan.
 */
export async function benchTickets(
  bench: Awaited<ReturnType<typeof startBenchApp>>,
  club: { name: string; slug: string; reference: string },
  tickets: number,
  kickoffInDays: number,
) {
  const { db, runtime } = bench;
  const { clubId, matchId, matchStandId } = await benchClubMatch(db, club, tickets, kickoffInDays);
  const paid = await insertPaidOrder(db, {
    clubId,
    matchId,
    reference: club.reference,
    lines: [{ matchStandId, category: 'adult', unitPriceCents: 1000, quantity: tickets }],
  });
  const key = await db.transaction((tx) => activeSigningKey(tx, clubId, runtime.deps.config.sales.ticketSealingKey));
  const rows = await insertSignedTickets(db, key, { clubId, matchId, orderId: paid.orderId, orderItemId: paid.itemIds[0]! }, tickets);
  return { clubId, matchId, rows };
}

/** A device paired as a club pairs one: a pairing code, exchanged for its token. */
export async function pairBenchDevice(db: Db, clubId: string, name: string) {
  const { pairingCode } = await db.transaction((tx) =>
    createDevice(tx, {}, { actor: { kind: 'system' }, clubId, device: { name, kind: 'gate' } }),
  );
  return pairDevice(db, {}, { code: pairingCode });
}
