// npm run bench:redeem [-- --tickets 5000 --devices 50]
// Match day at the gates: 50 paired devices redeem distinct valid tickets through the device API over
// HTTP on loopback (token check, strict JSON, the nonce record, the one atomic UPDATE), on real
// PostgreSQL; each device scans one ticket after another, as a gate does. Then, in the same run, the
// raw ceiling: the same guarded UPDATE sent straight by the same number of callers over a pool of the
// app's size. Last, what a device does offline: signature checks per second on one core.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { verify } from '@footarena/ticket-code';
import { verifyInBrowser } from '@footarena/ticket-code/web';
import { eq, sql } from 'drizzle-orm';
import { clubSigningKey, ticket } from '../apps/web/src/db/schema/index.ts';
import { createDevice } from '../apps/web/src/domain/devices/create-device.ts';
import { pairDevice } from '../apps/web/src/domain/devices/pair-device.ts';
import { activeSigningKey } from '../apps/web/src/domain/tickets/signing-key.ts';
import { insertPaidOrder, insertSignedTickets } from '../apps/web/test/support/gate.ts';
import { benchClubMatch, POOL, startBenchApp, stats } from './support.ts';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '5000' }, devices: { type: 'string', default: '50' } } });
const TICKETS = Number(values.tickets);
const DEVICES = Number(values.devices);

const bench = await startBenchApp('redeem');
const { base, runtime, db } = bench;

// One club, one stand, one match; one paid order holding every ticket, signed as fulfilment signs them.
const { clubId, matchId, matchStandId } = await benchClubMatch(db, { name: 'Gate FC', slug: 'gate-fc' }, TICKETS, 1);
const paid = await insertPaidOrder(db, {
  clubId,
  matchId,
  reference: 'FA-BENCH01',
  lines: [{ matchStandId, category: 'adult', unitPriceCents: 1000, quantity: TICKETS }],
});
const key = await db.transaction((tx) => activeSigningKey(tx, clubId, runtime.deps.config.sales.ticketSealingKey));
const rows = await insertSignedTickets(db, key, { clubId, matchId, orderId: paid.orderId, orderItemId: paid.itemIds[0]! }, TICKETS);

// Devices paired as a club would pair them: a pairing code each, exchanged for a token.
const tokens: string[] = [];
for (let i = 0; i < DEVICES; i++) {
  const { pairingCode } = await db.transaction((tx) =>
    createDevice(tx, {}, { actor: { kind: 'system' }, clubId, device: { name: `Gate ${i + 1}`, kind: 'gate' } }),
  );
  tokens.push((await pairDevice(db, pairingCode)).token);
}

/** Runs `work` for every ticket, `DEVICES` callers at once, each taking the next ticket when done. */
async function lanes(work: (row: (typeof rows)[number], lane: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: DEVICES }, async (_, lane) => {
      while (next < rows.length) await work(rows[next++]!, lane);
    }),
  );
}

const latencies: number[] = [];
const results: Record<string, number> = {};
let failures = 0;
const started = performance.now();
await lanes(async (row, lane) => {
  const t0 = performance.now();
  const response = await fetch(`${base}/api/v1/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[lane]}` },
    body: JSON.stringify({ code: row.code, nonce: randomUUID(), matchId }),
  });
  const answer = (await response.json()) as { result?: string };
  latencies.push(performance.now() - t0);
  if (response.status !== 200 || !answer.result) failures++;
  else results[answer.result] = (results[answer.result] ?? 0) + 1;
});
const appSeconds = (performance.now() - started) / 1000;
const [counted] = (
  await db.execute<{ admitted: number; doubles: number }>(sql`
    select (select count(*)::int from ticket where match_id = ${matchId} and used_at is not null) as admitted,
           (select count(*)::int from (select ticket_id from scan where match_id = ${matchId} and result = 'ok'
              group by ticket_id having count(*) > 1) d) as doubles`)
).rows;

// The raw ceiling: the same guarded UPDATE, as many concurrent callers, a pool of POOL.
await db.update(ticket).set({ usedAt: null, usedByDevice: null }).where(eq(ticket.matchId, matchId));
const raw = bench.rawPool();
const rawLatencies: number[] = [];
let rawAdmitted = 0;
const rawStarted = performance.now();
await lanes(async (row) => {
  const t0 = performance.now();
  const result = await raw.query("UPDATE ticket SET used_at = now() WHERE id = $1 AND used_at IS NULL AND status = 'valid' RETURNING id", [
    row.id,
  ]);
  rawLatencies.push(performance.now() - t0);
  rawAdmitted += result.rowCount ?? 0;
});
const rawSeconds = (performance.now() - rawStarted) / 1000;
await raw.end();

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

const app_ = stats(latencies);
const raw_ = stats(rawLatencies);
console.log(`\nredeem: ${TICKETS} distinct valid tickets, ${DEVICES} devices at once, PostgreSQL, pool ${POOL}`);
console.log('                 redeems/s   p50 ms   p99 ms   admitted   other results   errors   double entries');
console.log(
  `app (HTTP)       ${(TICKETS / appSeconds).toFixed(0).padStart(9)} ${app_.p50.toFixed(1).padStart(8)} ${app_.p99.toFixed(1).padStart(8)} ${String(results.ok ?? 0).padStart(10)} ${String(TICKETS - (results.ok ?? 0) - failures).padStart(15)} ${String(failures).padStart(8)} ${String(counted!.doubles).padStart(16)}`,
);
console.log(
  `raw UPDATE       ${(TICKETS / rawSeconds).toFixed(0).padStart(9)} ${raw_.p50.toFixed(1).padStart(8)} ${raw_.p99.toFixed(1).padStart(8)} ${String(rawAdmitted).padStart(10)}`,
);
console.log(`app/raw throughput: ${(TICKETS / appSeconds / (TICKETS / rawSeconds)).toFixed(3)}`);
console.log(`offline verifications: ${(TICKETS / offlineSeconds).toFixed(0)}/s on one core (${verified} of ${TICKETS} valid)`);
console.log(
  `offline verifications, WebCrypto as in the scanner: ${(TICKETS / webSeconds).toFixed(0)}/s (${verifiedWeb} of ${TICKETS} valid)`,
);

await bench.close();
if (
  results.ok !== TICKETS ||
  failures > 0 ||
  counted!.doubles > 0 ||
  counted!.admitted !== TICKETS ||
  verified !== TICKETS ||
  verifiedWeb !== TICKETS
) {
  console.error(`FAILED: ${results.ok ?? 0} of ${TICKETS} admitted, ${failures} errors, ${counted!.doubles} double entries`);
  process.exit(1);
}
process.exit(0);
