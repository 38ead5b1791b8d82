// npm run bench:gate [-- --scans 1000]
// A gate at the entrance: the real gate program in a process of its own (bench/gate-load.ts, on
// simulated parts), against the whole app on PostgreSQL over loopback. Decision latency, code read →
// servo command, online (redeem) and offline (server unreachable: the shared rules, the queue written
// to disk before opening), each beside its ceiling measured in the same run: the bare redeem call, and
// the bare signature check and rules. Then every offline scan is uploaded, and no ticket entered twice.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { benchTickets, pairBenchDevice, startBenchApp } from './support.ts';

const { values } = parseArgs({ options: { scans: { type: 'string', default: '1000' } } });
const SCANS = Number(values.scans);
const TICKETS = 3 * SCANS;

const bench = await startBenchApp('gate');
const { base, db } = bench;
const { clubId, matchId, rows } = await benchTickets(
  bench,
  { name: 'Gate Bench FC', slug: 'gate-bench-fc', reference: 'FA-BENCHGT' },
  TICKETS,
  0.5,
);
const codes = rows.map((t) => t.code);
const device = await pairBenchDevice(db, clubId, 'Bench gate');
const dataDir = mkdtempSync(path.join(tmpdir(), 'footarena-bench-gate-'));
writeFileSync(path.join(dataDir, 'device.json'), JSON.stringify(device));

const input = {
  server: base,
  dataDir,
  matchId,
  token: device.token,
  online: codes.slice(0, SCANS),
  raw: codes.slice(SCANS, 2 * SCANS),
  offline: codes.slice(2 * SCANS),
};
const inputFile = path.join(dataDir, 'bench-input.json');
writeFileSync(inputFile, JSON.stringify(input));
const output = await new Promise<string>((resolve, reject) => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'gate-load.ts'), inputFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout.on('data', (chunk) => {
    text += chunk;
  });
  child.on('error', reject);
  child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`the gate process exited with ${code}`))));
});
const figures = JSON.parse(output.trim().split('\n').at(-1)!);
const [counted] = (
  await db.execute<{ admitted: number; doubles: number }>(sql`
    select (select count(*)::int from ticket where match_id = ${matchId} and used_at is not null) as admitted,
           (select count(*)::int from (select ticket_id from scan where match_id = ${matchId} and result = 'ok'
              group by ticket_id having count(*) > 1) d) as doubles`)
).rows;

const row = (label: string, f: { p50: number; p99: number }, more = '') =>
  console.log(`${label.padEnd(40)} ${f.p50.toFixed(2).padStart(8)} ${f.p99.toFixed(2).padStart(8)}   ${more}`);
console.log(`\ngate: ${SCANS} scans each way through the real gate program (own process), app on PostgreSQL, loopback`);
console.log(`${''.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
row('online: code read → servo command', figures.online, `${figures.online.admitted} opened, goal p99 < 150 ms`);
row('online ceiling: the bare redeem call', figures.rawOnline);
row('offline: code read → servo command', figures.offline, `${figures.offline.admitted} opened, queue on disk first, goal p99 < 20 ms`);
row('offline ceiling: signature + rules only', figures.rawOffline);
console.log(`online/ceiling p99: ${(figures.online.p99 / figures.rawOnline.p99).toFixed(2)}×`);
console.log(`gate process RSS: ${(figures.rss / 1024 / 1024).toFixed(0)} MB`);
console.log(
  `server: ${counted!.admitted} tickets admitted (expected ${TICKETS}), ${counted!.doubles} double entries, ${figures.left} scans left in the queue`,
);

await bench.close();
rmSync(dataDir, { recursive: true, force: true });
const ok =
  figures.online.admitted === SCANS &&
  figures.offline.admitted === SCANS &&
  counted!.admitted === TICKETS &&
  counted!.doubles === 0 &&
  figures.left === 0;
if (!ok) {
  console.error('FAILED: a valid ticket was refused, an offline scan was not uploaded, or a ticket entered twice');
  process.exit(1);
}
process.exit(0);
