// The gate's side of bench:gate, in a process of its own as on a Pi: the real gate program (controller,
// validator, store on disk, device API client) on simulated parts whose sonar sees a person at once, so
// that each scan's cycle is the program's own time. Prints its figures as one JSON line.
import { readFileSync } from 'node:fs';
import { judgeOffline } from '@footarena/checkin-rules';
import { verify } from '@footarena/ticket-code';
import { systemClock } from '../apps/gate/src/clock.ts';
import { parseConfig } from '../apps/gate/src/config.ts';
import { startGate } from '../apps/gate/src/gate.ts';
import { SimulatedArm, SimulatedReader, SimulatedSignals } from '../apps/gate/src/hardware/simulated.ts';
import type { PassageSensor, SonarReading } from '../apps/gate/src/hardware/types.ts';
import { stats } from './stats.ts';

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  server: string;
  dataDir: string;
  matchId: string;
  token: string;
  online: string[];
  raw: string[];
  offline: string[];
};

/** A sonar that reports what `put` says at once: a person appears and leaves without waiting 60 ms. */
class InstantSensor implements PassageSensor {
  private onReading: ((r: SonarReading) => void) | null = null;
  async start(onReading: (r: SonarReading) => void) {
    this.onReading = onReading;
    onReading({ cm: null, at: performance.now() });
    // The controller hears from its sonar at least every 2 s, or stops opening.
    setInterval(() => this.onReading?.({ cm: null, at: performance.now() }), 500).unref();
  }
  async stop() {
    this.onReading = null;
  }
  put(cm: number | null) {
    this.onReading?.({ cm, at: performance.now() });
  }
}

const arm = new SimulatedArm(systemClock);
const sensor = new InstantSensor();
const reader = new SimulatedReader();
let opened: (() => void) | null = null;
const open = arm.open.bind(arm);
arm.open = async () => {
  opened?.(); // the servo command: the end of the decision
  await open();
};
let networkDown = false;
const config = parseConfig(
  JSON.stringify({
    server: { url: input.server },
    dataDir: input.dataDir,
    hardware: 'simulated',
    matchId: input.matchId,
    passage: { occupiedForMs: 0, clearForMs: 0 },
    timing: { armTravelMs: 0, closeDelayMs: 0, redeemTimeoutMs: 700, syncEveryMs: 600_000, healthEveryMs: 600_000 },
  }),
);
const gate = await startGate({
  config,
  hardware: { arm, sensor, signals: new SimulatedSignals(), reader },
  fetch: (url, init) => (networkDown ? Promise.reject(new TypeError('network down')) : fetch(url, init)),
});
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};
await until(() => gate.controller.state === 'closed');

/** Scans each code, times code read → servo command, lets the person through and waits for the arm to close. */
async function throughGate(codes: string[]) {
  const latencies: number[] = [];
  let refused = 0;
  for (const code of codes) {
    const t0 = performance.now();
    let off = () => false;
    const decided = new Promise<boolean>((resolve) => {
      opened = () => resolve(true);
      off = gate.on((e) => {
        if (e.kind === 'scan' && e.result !== 'ok') resolve(false);
      });
    });
    reader.read(code);
    const admitted = await decided;
    off();
    if (!admitted) {
      refused++;
      continue;
    }
    latencies.push(performance.now() - t0);
    sensor.put(40);
    await new Promise((resolve) => setTimeout(resolve, 1));
    sensor.put(null);
    await until(() => gate.controller.state === 'closed');
  }
  return { ...stats(latencies), admitted: latencies.length, refused };
}

const online = await throughGate(input.online);

// The ceiling online: the same redeem call, straight, one after the other.
const rawLatencies: number[] = [];
for (const code of input.raw) {
  const t0 = performance.now();
  const response = await fetch(`${input.server}/api/v1/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${input.token}` },
    body: JSON.stringify({ code, nonce: crypto.randomUUID(), matchId: input.matchId }),
  });
  await response.json();
  rawLatencies.push(performance.now() - t0);
}

networkDown = true;
const offline = await throughGate(input.offline);
// The ceiling offline: the signature and the shared rules alone, no disk.
const lists = gate.store.lists!;
const sets = { revoked: new Set(lists.revoked), used: new Set(lists.used), ownAdmissions: new Set<string>() };
const scope = { clubId: gate.store.device!.clubId, matchId: input.matchId, standIds: null, gatesOpenAt: null };
const rawOffline: number[] = [];
for (const code of input.offline) {
  const t0 = performance.now();
  judgeOffline(verify(code, lists.keys), sets, scope, new Date());
  rawOffline.push(performance.now() - t0);
}
const queued = gate.store.queue.length;
networkDown = false;
await gate.syncer.sync();
const rss = process.memoryUsage().rss;
await gate.stop();
console.log(
  JSON.stringify({
    online,
    rawOnline: stats(rawLatencies),
    offline,
    rawOffline: stats(rawOffline),
    queued,
    left: gate.store.queue.length,
    rss,
  }),
);
process.exit(0);
