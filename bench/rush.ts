// npm run bench:rush [-- --buyers 2000 --seats 500 --connections 64 --processes N]
// Opening of sales: N buyers at once ask for one ticket of a 500-seat stand, through the whole app
// over HTTP on loopback (session, CSRF, validation, the guarded hold UPDATE, the demo checkout
// session), on real PostgreSQL. Then, in the same run, the raw ceiling: the same atomic UPDATE sent
// straight by the same number of concurrent callers over a pool of the app's size, and the floor: the
// same requests to a minimal server of the app's shape (bench/floor-server.ts). The load comes from a
// process of its own (bench/http-load.ts; the method is in bench/README.md).
import { createHmac, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { matchStand } from '../apps/web/src/db/schema/index.ts';
import { createVerifiedUser } from '../apps/web/src/domain/accounts/create-verified-user.ts';
import { setMatchStatus } from '../apps/web/src/domain/catalog/set-match-status.ts';
import { benchClubMatch, type Phase, POOL, printPhases, startBenchApp, startFloor, startLoad } from './support.ts';

const { values } = parseArgs({
  options: {
    buyers: { type: 'string', default: '2000' },
    seats: { type: 'string', default: '500' },
    connections: { type: 'string', default: '64' },
    processes: { type: 'string' },
  },
});
/** App processes of their own (bench/app-worker.ts); without it, the app is served by this process. */
const PROCESSES = values.processes ? Number(values.processes) : undefined;
const BUYERS = Number(values.buyers);
const SEATS = Number(values.seats);
const CONNECTIONS = Number(values.connections);

const bench = await startBenchApp('rush', PROCESSES);
const { base, env, runtime, db } = bench;

// One club, one stand of SEATS seats, one match on sale.
const { password } = await runtime.deps.auth.$context;
const owner = await createVerifiedUser(db, {
  email: 'owner@example.be',
  name: 'Owner',
  passwordHash: await password.hash('rush-password-1'),
  locale: 'en',
});
const { clubId, matchId, matchStandId } = await benchClubMatch(db, { name: 'Rush FC', slug: 'rush-fc' }, SEATS, 7);
await db.execute(
  sql`insert into member (id, organization_id, user_id, role, created_at) values (${randomBytes(16).toString('hex')}, ${clubId}, ${owner.id}, 'owner', now())`,
);
await db.transaction((tx) => setMatchStatus(tx, runtime.deps, { actor: { kind: 'system' }, clubId, matchId, status: 'on_sale' }));

// Every buyer is a different person with a session of their own (one pending order per buyer and
// match). Sessions are made through better-auth's own adapter and signed like its cookie: a sign-in
// each would spend 2,000 × scrypt before the rush begins.
const home = await fetch(`${base}/`);
const csrf = home.headers
  .getSetCookie()
  .find((c) => c.startsWith('fa_csrf='))!
  .split(';')[0]!;
const context = await runtime.deps.auth.$context;
const cookies: string[] = [];
for (let i = 0; i < BUYERS; i++) {
  const { id } = await createVerifiedUser(db, {
    email: `buyer${i}@example.be`,
    name: `Buyer ${i}`,
    passwordHash: 'not-a-login',
    locale: 'en',
  });
  const session = await context.internalAdapter.createSession(id);
  const signature = createHmac('sha256', env.AUTH_SECRET!).update(session.token).digest('base64');
  cookies.push(`${csrf}; footarena.session_token=${encodeURIComponent(`${session.token}.${signature}`)}`);
}
const check = await fetch(`${base}/account`, { redirect: 'manual', headers: { cookie: cookies[0]! } });
if (check.status !== 200) throw new Error(`bench sessions are not accepted (${check.status})`);
const body = new URLSearchParams({ _csrf: csrf.split('=')[1]!, [`q_${matchStandId}_adult`]: '1' }).toString();

// The load, then the raw ceiling, then the floor, from the load process (bench/http-load.ts): every
// buyer at once over CONNECTIONS keep-alive connections; then the same guarded UPDATE, as many callers
// at once, over a pool of the app's size; then the same requests to the floor (bench/floor-server.ts).
const floorServer = await startFloor('rush', bench.url);
const load = await startLoad(
  {
    base,
    floor: floorServer.base,
    connections: CONNECTIONS,
    lanes: null,
    http: {
      method: 'POST',
      path: `/matches/${matchId}/checkout`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      bodies: [body],
      vary: { header: 'cookie', values: cookies, by: 'request' },
    },
    raw: {
      url: bench.url,
      pool: POOL,
      sql: 'UPDATE match_stand SET held = held + 1 WHERE id = $1 AND sold + held + 1 <= cap RETURNING id',
      params: Array.from({ length: BUYERS }, () => [matchStandId]),
    },
  },
  bench,
  floorServer,
);
/** The stand row after a phase, reset for the next one. */
async function takeStand() {
  const [after] = await db.select().from(matchStand).where(eq(matchStand.id, matchStandId));
  await db.update(matchStand).set({ held: 0, sold: 0 }).where(eq(matchStand.id, matchStandId));
  return { taken: after!.held + after!.sold, oversold: Math.max(0, after!.sold + after!.held - after!.cap) };
}
/** What a phase's answers say, checked against the stand row: every 303 a seat held, and nothing else. */
function judge(phase: Phase, stand: Awaited<ReturnType<typeof takeStand>>) {
  const held = phase.statuses['303'] ?? 0;
  const refused = phase.statuses['409'] ?? 0;
  const other = BUYERS - held - refused;
  const failed = stand.oversold > 0 || held !== SEATS || other > 0 || stand.taken !== held;
  return { held, refused, other, failed, ...stand };
}
const app = await load.run('http');
const appStand = judge(app, await takeStand());
const raw = await load.run('raw');
await takeStand();
await floorServer.size(app.bytes);
const floor = await load.run('floor');
const floorStand = judge(floor, await takeStand());
const [holds] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from bench_floor_hold`)).rows;
await load.stop();
await floorServer.stop();

console.log(
  `\nrush: ${BUYERS} buyers at once, 1 ticket each, ${SEATS} seats, PostgreSQL, ${PROCESSES ?? 'the bench'} app process${PROCESSES && PROCESSES > 1 ? 'es' : ''} with a pool of ${POOL} each, ${CONNECTIONS} keep-alive connections`,
);
printPhases('requests', app, raw, floor);
const told = (label: string, f: ReturnType<typeof judge>) =>
  `${label}: ${f.held} held, ${f.refused} refused, ${f.other} other, ${f.oversold} oversold (stand row: ${f.taken})`;
console.log(`${told('app', appStand)}; raw: ${raw.rows} held; ${told('floor', floorStand)}, ${holds!.n} holds recorded`);
console.log(`answer bytes by status: app ${JSON.stringify(app.bytes)}, floor ${JSON.stringify(floor.bytes)}`);

await bench.close();
if (appStand.failed || floorStand.failed || holds!.n !== floorStand.held) {
  console.error(`FAILED: ${SEATS} seats, each held by one 303 and nothing else, in the app and in the floor`);
  process.exit(1);
}
process.exit(0);
