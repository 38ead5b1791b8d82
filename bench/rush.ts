// npm run bench:rush [-- --buyers 2000 --seats 500]
// Opening of sales: N buyers at once ask for one ticket of a 500-seat stand, through the whole app
// over HTTP on loopback (session, CSRF, validation, the guarded hold UPDATE, the demo checkout
// session), on real PostgreSQL. Then, in the same run, the raw ceiling: the same atomic UPDATE sent
// straight by the same number of concurrent callers over a pool of the app's size.
import { createHmac, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { matchStand } from '../apps/web/src/db/schema/index.ts';
import { createVerifiedUser } from '../apps/web/src/domain/accounts/create-verified-user.ts';
import { setMatchStatus } from '../apps/web/src/domain/catalog/set-match-status.ts';
import { benchClubMatch, POOL, startBenchApp, stats } from './support.ts';

const { values } = parseArgs({ options: { buyers: { type: 'string', default: '2000' }, seats: { type: 'string', default: '500' } } });
const BUYERS = Number(values.buyers);
const SEATS = Number(values.seats);

const bench = await startBenchApp('rush');
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

const latencies: number[] = [];
let held = 0;
let refused = 0;
let other = 0;
const started = performance.now();
await Promise.all(
  cookies.map(async (cookie) => {
    const t0 = performance.now();
    const response = await fetch(`${base}/matches/${matchId}/checkout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie },
      body,
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (response.status === 303) held++;
    else if (response.status === 409) refused++;
    else other++;
  }),
);
const appSeconds = (performance.now() - started) / 1000;
const [after] = await db.select().from(matchStand).where(eq(matchStand.id, matchStandId));
const oversold = Math.max(0, after!.sold + after!.held - after!.cap);

// The raw ceiling: the same guarded UPDATE, the same number of concurrent callers, a pool of POOL.
await db.update(matchStand).set({ held: 0, sold: 0 }).where(eq(matchStand.id, matchStandId));
const raw = bench.rawPool();
const rawLatencies: number[] = [];
let rawHeld = 0;
const rawStarted = performance.now();
await Promise.all(
  Array.from({ length: BUYERS }, async () => {
    const t0 = performance.now();
    const result = await raw.query('UPDATE match_stand SET held = held + 1 WHERE id = $1 AND sold + held + 1 <= cap RETURNING id', [
      matchStandId,
    ]);
    rawLatencies.push(performance.now() - t0);
    rawHeld += result.rowCount ?? 0;
  }),
);
const rawSeconds = (performance.now() - rawStarted) / 1000;
await raw.end();

const app_ = stats(latencies);
const raw_ = stats(rawLatencies);
console.log(`\nrush: ${BUYERS} buyers at once, 1 ticket each, ${SEATS} seats, PostgreSQL, pool ${POOL}`);
console.log('                 requests/s   p50 ms   p99 ms   held   refused   other   oversold');
console.log(
  `app (HTTP)       ${(BUYERS / appSeconds).toFixed(0).padStart(10)} ${app_.p50.toFixed(1).padStart(8)} ${app_.p99.toFixed(1).padStart(8)} ${String(held).padStart(6)} ${String(refused).padStart(9)} ${String(other).padStart(7)} ${String(oversold).padStart(10)}`,
);
console.log(
  `raw UPDATE       ${(BUYERS / rawSeconds).toFixed(0).padStart(10)} ${raw_.p50.toFixed(1).padStart(8)} ${raw_.p99.toFixed(1).padStart(8)} ${String(rawHeld).padStart(6)} ${String(BUYERS - rawHeld).padStart(9)}`,
);
console.log(`app/raw throughput: ${(BUYERS / appSeconds / (BUYERS / rawSeconds)).toFixed(3)}`);

await bench.close();
if (oversold > 0 || held !== SEATS || other > 0) {
  console.error(`FAILED: held ${held} of ${SEATS} seats, ${other} unexpected responses, oversold ${oversold}`);
  process.exit(1);
}
process.exit(0);
