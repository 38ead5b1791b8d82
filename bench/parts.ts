// npx tsx --tsconfig apps/web/tsconfig.json bench/parts.ts [--calls 2000]
// Where a request of the rush spends its CPU: each part of the path called alone, one call after the
// other (no contention), on real PostgreSQL, with this process's CPU time and the database backends'
// per call. The floor the HTTP benchmarks cannot go below is the sum of the parts a request uses
// (docs/decisions/014-hot-paths.md).
import { createHmac } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { createApp } from '../apps/web/src/app.ts';
import { matchStand } from '../apps/web/src/db/schema/index.ts';
import { createVerifiedUser } from '../apps/web/src/domain/accounts/create-verified-user.ts';
import { findPublicMatch } from '../apps/web/src/domain/catalog/find-public-match.ts';
import { setMatchStatus } from '../apps/web/src/domain/catalog/set-match-status.ts';
import { startCheckout } from '../apps/web/src/domain/sales/start-checkout.ts';
import { findSessionUser } from '../apps/web/src/integrations/auth/find-session-user.ts';
import { benchClubMatch, startBenchApp } from './support.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '2000' } } });
const N = Number(values.calls);

const bench = await startBenchApp('parts');
const { base, env, runtime, db } = bench;
const { auth, payments, outbox, config } = runtime.deps;
const onSale = async (name: string, slug: string, seats: number) => {
  const m = await benchClubMatch(db, { name, slug }, seats, 7);
  await db.transaction((tx) =>
    setMatchStatus(tx, runtime.deps, { actor: { kind: 'system' }, clubId: m.clubId, matchId: m.matchId, status: 'on_sale' }),
  );
  return m;
};
const open = await onSale('Parts FC', 'parts-fc', 100_000);
const full = await onSale('Full FC', 'full-fc', 500);
await db.update(matchStand).set({ held: 500 }).where(eq(matchStand.id, full.matchStandId));

// A session signed as better-auth signs its cookie, and distinct buyers (one pending order each).
const buyers: string[] = [];
for (let i = 0; i < 2 * N + 400; i++) {
  buyers.push((await createVerifiedUser(db, { email: `b${i}@example.be`, name: 'B', passwordHash: 'n', locale: 'en' })).id);
}
const context = await auth.$context;
const signed = async (userId: string) => {
  const session = await context.internalAdapter.createSession(userId);
  const signature = createHmac('sha256', env.AUTH_SECRET!).update(session.token).digest('base64');
  return `footarena.session_token=${encodeURIComponent(`${session.token}.${signature}`)}`;
};
const cookie = await signed(buyers[0]!);

async function time(label: string, call: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await call(); // warm: JIT, prepared statements, pool
  const backends = await bench.serverCpu();
  const cpu = process.cpuUsage();
  for (let i = 0; i < N; i++) await call();
  const used = process.cpuUsage(cpu);
  let ticks = 0;
  for (const [pid, t] of await bench.serverCpu()) ticks += t - (backends.get(pid) ?? 0);
  const appMs = (used.user + used.system) / 1000 / N;
  console.log(`${label.padEnd(46)} ${appMs.toFixed(3).padStart(8)} ${((ticks * 10) / N).toFixed(3).padStart(8)}`);
}

let next = 0;
const checkout = (m: { matchId: string; matchStandId: string }) => () =>
  startCheckout(
    db,
    { payments, outbox, config: config.sales, baseURL: base },
    {
      actor: { userId: buyers[next++ % buyers.length]!, name: 'Buyer', email: 'b@example.be' },
      matchId: m.matchId,
      lines: [{ matchStandId: m.matchStandId, category: 'adult', quantity: 1 }],
    },
  ).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'not_enough_seats') throw error;
  });

console.log(`\nparts of the rush, ${N} calls each, one after the other, PostgreSQL`);
console.log(`${''.padEnd(46)} ${'app ms'.padStart(8)} ${'db ms'.padStart(8)}`);
await time('a statement (select 1)', () => db.execute(sql`select 1`));
await time('session lookup (better-auth getSession)', () => auth.api.getSession({ headers: new Headers({ cookie }) }));
await time('session lookup (findSessionUser)', () => findSessionUser(auth, db, new Headers({ cookie })));
await time('the match page query (findPublicMatch)', () => findPublicMatch(db, open.matchId));
await time('HTTP round trip, GET /healthz (client too)', async () => (await fetch(`${base}/healthz`)).text());
await time('HTTP GET /matches/:id, signed in (client too)', async () =>
  (await fetch(`${base}/matches/${open.matchId}`, { headers: { cookie } })).text(),
);
await time('startCheckout: seats held, demo session', checkout(open));
await time('startCheckout: refused, no seats left', checkout(full));

// The whole checkout as the app answers it, without a socket (app.request): a buyer each, as in the rush.
const app = createApp(runtime.deps);
const csrf = 'x'.repeat(43);
const buyerCookies: string[] = [];
for (const id of buyers.slice(N + 200, 2 * N + 400)) buyerCookies.push(`fa_csrf=${csrf}; ${await signed(id)}`);
let nextCookie = 0;
const post = (m: { matchId: string; matchStandId: string }) => async () =>
  (
    await app.request(`${base}/matches/${m.matchId}/checkout`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf, [`q_${m.matchStandId}_adult`]: '1' }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: base,
        cookie: buyerCookies[nextCookie++ % buyerCookies.length]!,
      },
    })
  ).text();
await time('POST checkout, refused (app.request, no socket)', post(full));
await time('POST checkout, held (app.request, no socket)', post(open));
const [held] = await db.select({ held: matchStand.held }).from(matchStand).where(eq(matchStand.id, open.matchStandId));
if (held!.held !== 2 * (N + 200)) throw new Error(`expected ${2 * (N + 200)} seats held, found ${held!.held}`);
await bench.close();
process.exit(0);
