// npm run bench:redeem [-- --tickets 5000 --devices 50 --processes N]
// Match day at the gates: 50 paired devices redeem distinct valid tickets through the device API over
// HTTP on loopback (token check, strict JSON, the nonce record, the one atomic UPDATE), on real
// PostgreSQL; each device scans one ticket after another, as a gate does. Then, in the same run, the
// raw ceiling: the same guarded UPDATE sent straight by the same number of callers over a pool of the
// app's size, and the floor: the same requests to a minimal server of the app's shape
// (bench/floor-server.ts), all from a process of its own (bench/http-load.ts; the method is in bench/README.md).
// Last, what a device does offline: signature checks per second on one core.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { verify } from '@footarena/ticket-code';
import { verifyInBrowser } from '@footarena/ticket-code/web';
import { eq, sql } from 'drizzle-orm';
import { clubSigningKey, ticket } from '../apps/web/src/db/schema/index.ts';
import { benchTickets, POOL, pairBenchDevice, printPhases, startBenchApp, startFloor, startLoad } from './support.ts';

const { values } = parseArgs({
  options: { tickets: { type: 'string', default: '5000' }, devices: { type: 'string', default: '50' }, processes: { type: 'string' } },
});
/** App processes of their own (bench/app-worker.ts); without it, the app is served by this process. */
const PROCESSES = values.processes ? Number(values.processes) : undefined;
const TICKETS = Number(values.tickets);
const DEVICES = Number(values.devices);

const bench = await startBenchApp('redeem', PROCESSES);
const { base, db } = bench;

// One club, one stand, one match; one paid order holding every ticket, signed as fulfilment signs them.
const { clubId, matchId, rows } = await benchTickets(bench, { name: 'Gate FC', slug: 'gate-fc', reference: 'FA-BENCH01' }, TICKETS, 1);

// Devices paired as a club would pair them: a pairing code each, exchanged for a token.
const tokens: string[] = [];
for (let i = 0; i < DEVICES; i++) tokens.push((await pairBenchDevice(db, clubId, `Gate ${i + 1}`)).token);

// The load, then the raw ceiling, then the floor, from the load process (bench/http-load.ts): DEVICES
// callers, each on a keep-alive connection of its own, scanning one ticket after another; then the same
// guarded UPDATE with as many callers over a pool of the app's size; then the same scans to the floor.
const floorServer = await startFloor('redeem', bench.url);
const load = await startLoad(
  {
    base,
    floor: floorServer.base,
    connections: DEVICES,
    lanes: DEVICES,
    http: {
      method: 'POST',
      path: '/api/v1/redeem',
      headers: { 'content-type': 'application/json' },
      bodies: rows.map((row) => JSON.stringify({ code: row.code, nonce: randomUUID(), matchId })),
      vary: { header: 'authorization', values: tokens.map((token) => `Bearer ${token}`), by: 'lane' },
    },
    raw: {
      url: bench.url,
      pool: POOL,
      sql: "UPDATE ticket SET used_at = now() WHERE id = $1 AND used_at IS NULL AND status = 'valid' RETURNING id",
      params: rows.map((row) => [row.id]),
    },
  },
  bench,
  floorServer,
);
/** Tickets admitted, and tickets the app logged `ok` more than once. */
const countEntries = async () =>
  (
    await db.execute<{ admitted: number; doubles: number }>(sql`
    select (select count(*)::int from ticket where match_id = ${matchId} and used_at is not null) as admitted,
           (select count(*)::int from (select ticket_id from scan where match_id = ${matchId} and result = 'ok'
              group by ticket_id having count(*) > 1) d) as doubles`)
  ).rows[0]!;
const resetTickets = () => db.update(ticket).set({ usedAt: null, usedByDevice: null }).where(eq(ticket.matchId, matchId));
const app = await load.run('http');
const counted = await countEntries();
await resetTickets();
const raw = await load.run('raw');
await resetTickets();
await floorServer.size(app.bytes);
const floor = await load.run('floor');
// The floor keeps no log of scans: every ticket admitted once, by one `ok` each, is its check.
const floorAdmitted = (await countEntries()).admitted;
await load.stop();
await floorServer.stop();
const floorFailed = floor.results.ok !== TICKETS || floor.statuses['200'] !== TICKETS || floorAdmitted !== TICKETS;
const failures = TICKETS - (app.statuses['200'] ?? 0);
const results = app.results;

// Offline: what a phone or gate does without the network, one signature check per code.
const [pub] = await db.select({ keyId: clubSigningKey.keyId, publicKey: clubSigningKey.publicKey }).from(clubSigningKey);
const keys = { [pub!.keyId]: pub!.publicKey };
let verified = 0;
const offlineStarted = performance.now();
for (const row of rows) if (verify(row.code, keys).ok) verified++;
const offlineSeconds = (performance.now() - offlineStarted) / 1000;
// The steward's scanner checks with WebCrypto (the same code as in the browser, here on Node's).
let verifiedWeb = 0;
const webStarted = performance.now();
for (const row of rows) if ((await verifyInBrowser(row.code, keys)).ok) verifiedWeb++;
const webSeconds = (performance.now() - webStarted) / 1000;

console.log(
  `\nredeem: ${TICKETS} distinct valid tickets, ${DEVICES} devices at once, PostgreSQL, ${PROCESSES ?? 'the bench'} app process${PROCESSES && PROCESSES > 1 ? 'es' : ''} with a pool of ${POOL} each`,
);
printPhases('redeems', app, raw, floor);
console.log(
  `app: ${results.ok ?? 0} admitted, ${TICKETS - (results.ok ?? 0) - failures} other results, ${failures} errors, ${counted.doubles} double entries; raw: ${raw.rows} admitted; floor: ${floor.results.ok ?? 0} ok, ${floorAdmitted} admitted`,
);
console.log(`answer bytes by status: app ${JSON.stringify(app.bytes)}, floor ${JSON.stringify(floor.bytes)}`);
console.log(`offline verifications: ${(TICKETS / offlineSeconds).toFixed(0)}/s on one core (${verified} of ${TICKETS} valid)`);
console.log(
  `offline verifications, WebCrypto as in the scanner: ${(TICKETS / webSeconds).toFixed(0)}/s (${verifiedWeb} of ${TICKETS} valid)`,
);

await bench.close();
if (
  results.ok !== TICKETS ||
  failures > 0 ||
  counted.doubles > 0 ||
  counted.admitted !== TICKETS ||
  verified !== TICKETS ||
  verifiedWeb !== TICKETS ||
  floorFailed
) {
  console.error(
    `FAILED: ${results.ok ?? 0} of ${TICKETS} admitted, ${failures} errors, ${counted.doubles} double entries; floor: ${floor.results.ok ?? 0} ok, ${floorAdmitted} admitted`,
  );
  process.exit(1);
}
process.exit(0);
