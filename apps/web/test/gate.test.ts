import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '@footarena/gate/clock';
import { parseConfig } from '@footarena/gate/config';
import { pair } from '@footarena/gate/device-api';
import { type RunningGate, startGate } from '@footarena/gate/gate';
import { createSimulatedHardware, type SimulatedHardware } from '@footarena/gate/simulated';
import { GateStore } from '@footarena/gate/store';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, ticket } from '../src/db/schema/index.ts';
import { activeSigningKey } from '../src/domain/tickets/signing-key.ts';
import { type ServedApp, serveTestApp } from './e2e/serve.ts';
import { clubWithOwner, matchOnSale } from './support/catalog.ts';
import { insertPaidOrder, insertSignedTickets } from './support/gate.ts';
import { textOf } from './support/harness.ts';

/** Waits for a condition the gate reaches by itself (real timers: the gate runs as on a Pi). */
async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 8000) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a Raspberry Pi gate on simulated hardware, paired with the real app', () => {
  let served: ServedApp;
  let ctx: Awaited<ReturnType<typeof clubWithOwner>>;
  let matchId = '';
  let gate: RunningGate;
  let hw: SimulatedHardware;
  let dataDir = '';
  let deviceId = '';
  let networkDown = false;
  let codes: { id: string; code: string }[] = [];
  const scans: { result: string; offline: boolean }[] = [];
  const db = () => served.t.runtime.deps.db;

  /** Someone walks through the passage. */
  async function walkThrough() {
    hw.sensor.cm = 45;
    await sleep(400);
    hw.sensor.cm = null;
  }
  async function scanAt(code: string) {
    const before = scans.length;
    hw.reader.read(code);
    await until('the verdict', () => scans.length > before);
    return scans.at(-1)!;
  }
  const pairingCode = async (name: string, kind: 'gate' | 'phone' = 'gate') => {
    const page = await ctx.owner.post(`${ctx.base}/devices`, { name, kind });
    return /<p class="pairing-code">([2-9A-HJKMNP-Z]{8})<\/p>/.exec(await page.text())![1]!;
  };

  beforeAll(async () => {
    served = await serveTestApp();
    ctx = await clubWithOwner(served.t, 'Gate Town FC');
    const m = await matchOnSale(served.t, ctx, 'Visitors United');
    matchId = m.matchId;
    const paid = await insertPaidOrder(db(), {
      clubId: ctx.club.id,
      matchId,
      reference: 'FA-GATEPI1',
      lines: [{ matchStandId: m.matchStandId, category: 'adult', unitPriceCents: 1000, quantity: 10 }],
    });
    const key = await db().transaction((tx) => activeSigningKey(tx, ctx.club.id, served.t.runtime.deps.config.sales.ticketSealingKey));
    codes = await insertSignedTickets(
      db(),
      key,
      { clubId: ctx.club.id, matchId, orderId: paid.orderId, orderItemId: paid.itemIds[0]! },
      10,
    );

    dataDir = mkdtempSync(path.join(tmpdir(), 'footarena-gate-'));
    const config = parseConfig(
      JSON.stringify({
        server: { url: served.baseURL },
        dataDir,
        hardware: 'simulated',
        passage: { occupiedForMs: 60, clearForMs: 120 },
        timing: { armTravelMs: 50, closeDelayMs: 100, passTimeoutMs: 1000, showResultMs: 200, redeemTimeoutMs: 3000 },
      }),
    );
    const paired = await pair(served.baseURL, await pairingCode('North gate'));
    deviceId = paired.deviceId;
    await new GateStore(dataDir).saveDevice(paired);
    hw = createSimulatedHardware(systemClock);
    const guarded: typeof fetch = (input, init) => (networkDown ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    gate = await startGate({ config, hardware: hw, fetch: guarded });
    gate.on((e) => {
      if (e.kind === 'scan') scans.push(e);
    });
    await until('the gate closed and its match chosen', () => gate.controller.state === 'closed' && gate.validator.matchId === matchId);
  });
  afterAll(async () => {
    await gate?.stop();
    await served?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens for a valid ticket, sees the person pass, closes, and the ticket is used on the server; the same ticket again stays shut', async () => {
    const [first] = codes;
    expect(await scanAt(first!.code)).toMatchObject({ result: 'ok', offline: false });
    await until('the gate open', () => gate.controller.state === 'open');
    expect(hw.arm.position).toBe('open');
    await walkThrough();
    await until('the gate closed', () => gate.controller.state === 'closed');
    expect(hw.arm.position).toBe('closed');
    const [row] = await db().select().from(ticket).where(eq(ticket.id, first!.id));
    expect(row).toMatchObject({ usedByDevice: deviceId });

    const [moves, shown] = [hw.arm.commands.length, hw.signals.shown.length];
    expect(await scanAt(first!.code)).toMatchObject({ result: 'already_used', offline: false });
    await sleep(200);
    expect(hw.arm.commands.length).toBe(moves);
    expect(hw.signals.shown.slice(shown)).toContain('refused');
  });

  it('admits offline when the server is unreachable, refuses the same ticket a second time, and uploads both when it is back', async () => {
    const ticketB = codes[1]!;
    networkDown = true;
    expect(await scanAt(ticketB.code)).toMatchObject({ result: 'ok', offline: true });
    // On disk before the gate opened: a power cut now loses nothing.
    expect(JSON.parse(readFileSync(path.join(dataDir, 'queue.json'), 'utf8'))).toMatchObject([{ code: ticketB.code, result: 'ok' }]);
    await until('the gate open', () => gate.controller.state === 'open');
    await walkThrough();
    await until('the gate closed', () => gate.controller.state === 'closed');
    expect(await scanAt(ticketB.code)).toMatchObject({ result: 'already_used', offline: true });
    expect(gate.store.queue).toHaveLength(2);
    const [unknownYet] = await db().select().from(ticket).where(eq(ticket.id, ticketB.id));
    expect(unknownYet!.usedAt).toBeNull();

    networkDown = false;
    await gate.syncer.sync();
    expect(gate.store.queue).toHaveLength(0);
    const [row] = await db().select().from(ticket).where(eq(ticket.id, ticketB.id));
    expect(row).toMatchObject({ usedByDevice: deviceId });
    const logged = await db().select().from(scan).where(eq(scan.ticketId, ticketB.id));
    expect(logged.map((s) => [s.result, s.offline]).sort()).toEqual([
      ['already_used', true],
      ['ok', true],
    ]);
  });

  it('shows one conflict on the attendance page when the gate, offline, and a phone, online, admit the same ticket at the same moment', async () => {
    const ticketC = codes[2]!;
    const phone = await pair(served.baseURL, await pairingCode('Steward phone', 'phone'));
    networkDown = true;
    const [atGate, atPhone] = await Promise.all([
      scanAt(ticketC.code),
      fetch(`${served.baseURL}/api/v1/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${phone.token}` },
        body: JSON.stringify({ code: ticketC.code, nonce: crypto.randomUUID(), matchId }),
      }).then((r) => r.json()),
    ]);
    expect(atGate).toMatchObject({ result: 'ok', offline: true });
    expect(atPhone).toMatchObject({ result: 'ok' });
    await walkThrough();
    await until('the gate closed', () => gate.controller.state === 'closed');
    networkDown = false;
    await gate.syncer.sync();
    const page = await textOf(await ctx.owner.get(`${ctx.base}/matches/${matchId}/attendance`));
    const conflicts = page.slice(page.indexOf('Conflicts'));
    expect(conflicts).toContain('North gate');
    expect(conflicts).toContain('Steward phone');
    expect(conflicts).toContain(ticketC.id.slice(-8));
  });

  it('reports its health and its passages to the club: all well, "admitted, nobody passed", then a silent sonar in words', async () => {
    expect(await scanAt(codes[3]!.code)).toMatchObject({ result: 'ok' });
    await until('the gate closed after nobody came', () => gate.controller.state === 'closed', 4000);
    expect(gate.store.events).toMatchObject([{ kind: 'not_passed', ticketId: codes[3]!.id, matchId }]);
    await gate.report();
    expect(gate.store.events).toEqual([]); // recorded, so forgotten
    const attendance = await textOf(await ctx.owner.get(`${ctx.base}/matches/${matchId}/attendance`));
    expect(attendance).toMatch(/North gate\s+Admitted, nobody passed/);
    const devices = await ctx.owner.get(`${ctx.base}/devices`).then((r) => r.text());
    expect(devices).toMatch(/<td>North gate<\/td>.*?<td data-health="true"[^>]*><span class="badge good">All well<\/span>/);

    hw.sensor.silent = true;
    await until('the gate out of order', () => gate.controller.state === 'fault', 5000);
    await until('the report of the sonar', async () =>
      (await textOf(await ctx.owner.get(`${ctx.base}/devices`))).includes('Sonar not answering'),
    );
    const [moves, shown] = [hw.arm.commands.length, hw.signals.shown.length];
    hw.reader.read(codes[4]!.code); // the gate cannot see people pass: it says so and stays shut
    await sleep(100);
    expect(hw.arm.commands.length).toBe(moves);
    expect(hw.signals.shown.slice(shown)).toContain('fault');
    hw.sensor.silent = false;
    await until('the gate back', () => gate.controller.state === 'closed');
  });

  it('keeps an offline admission through a power cut and uploads it when it starts again', async () => {
    const ticketF = codes[5]!;
    networkDown = true;
    expect(await scanAt(ticketF.code)).toMatchObject({ result: 'ok', offline: true });
    await walkThrough();
    await until('the gate closed', () => gate.controller.state === 'closed');
    // The program stops with the server still out of reach (as at a power cut, the scan was on disk
    // before the gate opened), then starts again on the same card.
    await gate.stop();
    expect(new GateStore(dataDir).queue).toHaveLength(1);
    networkDown = false;
    hw = createSimulatedHardware(systemClock);
    gate = await startGate({ config: gate.config, hardware: hw, fetch });
    await until('the queue uploaded after the restart', () => gate.store.queue.length === 0);
    const [row] = await db().select().from(ticket).where(eq(ticket.id, ticketF.id));
    expect(row).toMatchObject({ usedByDevice: deviceId });
  });
});
