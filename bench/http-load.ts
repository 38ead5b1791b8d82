// The load generator of bench:rush and bench:redeem, in a process of its own so that its CPU is not
// charged to the app (bench/README.md). It imports nothing of the app. The bench process starts it
// with an input file, and drives it over IPC so that it can read the app's CPU time around each phase:
//   child → {ready}            connections are open and warm
//   parent → {phase: 'http'}   the app's load: every request, over keep-alive connections
//   parent → {phase: 'raw'}    the raw ceiling: the same statement straight to PostgreSQL
//   parent → {phase: 'floor'}  the floor (bench/floor-server.ts): the HTTP phase's requests, to it
//   child → {phase, figures}   after each phase

import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { stats } from './stats.ts';

export interface LoadInput {
  base: string;
  /** The floor server's address (bench/floor-server.ts). */
  floor: string;
  /** Keep-alive connections to the app (a reverse proxy's upstream pool, or one per device). */
  connections: number;
  /** null: every request at once (the rush); n: n callers, each sending its next one when answered. */
  lanes: number | null;
  http: {
    method: string;
    path: string;
    headers: Record<string, string>;
    /** Request i sends bodies[i % length]. */
    bodies: string[];
    /** One header that differs: per request (a buyer's cookie) or per lane (a device's token). */
    vary: { header: string; values: string[]; by: 'request' | 'lane' };
  };
  raw: { url: string; pool: number; sql: string; params: unknown[][] };
}

export interface PhaseFigures {
  count: number;
  seconds: number;
  p50: number;
  p99: number;
  /** HTTP: responses by status, and by the JSON answer's `result` when there is one. Raw: rows returned. */
  statuses: Record<string, number>;
  results: Record<string, number>;
  /** HTTP: mean body bytes by status (what the floor pads its answers to). */
  bytes: Record<string, number>;
  rows: number;
  /** This process's CPU per request, ms (so it is seen not to be the app's). */
  loadCpuMs: number;
}

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadInput;
/** A server and the keep-alive connections to it: the app's, or the floor's. */
const target = (base: string) => ({
  url: new URL(base),
  agent: new http.Agent({ keepAlive: true, maxSockets: input.connections, maxFreeSockets: input.connections }),
});
type Target = ReturnType<typeof target>;
const targets = { http: target(input.base), floor: target(input.floor) };

function request({ url, agent }: Target, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `work(i)` for i in 0..count-1, all at once or `lanes` at a time; returns latencies and wall time. */
async function drive(count: number, work: (i: number, lane: number) => Promise<void>) {
  const latencies: number[] = new Array(count);
  const timed = async (i: number, lane: number) => {
    const t0 = performance.now();
    await work(i, lane);
    latencies[i] = performance.now() - t0;
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (input.lanes === null) await Promise.all(Array.from({ length: count }, (_, i) => timed(i, i)));
  else {
    let next = 0;
    await Promise.all(
      Array.from({ length: input.lanes }, async (_, lane) => {
        while (next < count) await timed(next++, lane);
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { count, seconds, ...stats(latencies), loadCpuMs: (used.user + used.system) / 1000 / count };
}

async function httpPhase(to: Target): Promise<PhaseFigures> {
  const { method, path, headers, bodies, vary } = input.http;
  const count = vary.by === 'request' ? vary.values.length : bodies.length;
  const statuses: Record<string, number> = {};
  const results: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  const figures = await drive(count, async (i, lane) => {
    const own = { ...headers, [vary.header]: vary.values[vary.by === 'request' ? i : lane]! };
    const answer = await request(to, method, path, own, bodies[i % bodies.length]);
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    bytes[answer.status] = (bytes[answer.status] ?? 0) + Buffer.byteLength(answer.text);
    if (answer.text.startsWith('{')) {
      const result = (JSON.parse(answer.text) as { result?: string }).result;
      if (result) results[result] = (results[result] ?? 0) + 1;
    }
  });
  for (const status in bytes) bytes[status] = Math.round(bytes[status]! / statuses[status]!);
  return { ...figures, statuses, results, bytes, rows: 0 };
}

async function rawPhase(pool: pg.Pool): Promise<PhaseFigures> {
  let rows = 0;
  const figures = await drive(input.raw.params.length, async (i) => {
    const result = await pool.query(input.raw.sql, input.raw.params[i]);
    rows += result.rowCount ?? 0;
  });
  return { ...figures, statuses: {}, results: {}, bytes: {}, rows };
}

// Warm up: every connection opened once before the clock starts, on both sides.
for (const to of Object.values(targets))
  await Promise.all(Array.from({ length: input.connections }, () => request(to, 'GET', '/healthz', {})));
const pool = new pg.Pool({ connectionString: input.raw.url, max: input.raw.pool });
await Promise.all(Array.from({ length: input.raw.pool }, () => pool.query('select 1')));

process.on('message', async (message: { phase: 'http' | 'raw' | 'floor' | 'stop' }) => {
  if (message.phase === 'stop') {
    await pool.end();
    for (const to of Object.values(targets)) to.agent.destroy();
    process.disconnect?.();
    return;
  }
  const figures = message.phase === 'raw' ? await rawPhase(pool) : await httpPhase(targets[message.phase]);
  process.send!({ phase: message.phase, figures });
});
process.send!({ ready: true });
