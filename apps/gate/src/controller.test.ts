import { describe, expect, it } from 'vitest';
import { FakeClock } from './clock.ts';
import { parseConfig } from './config.ts';
import { GateController, type GateEvent, type ScanVerdict, SENSOR_SILENT_MS, STOP_WAIT_MS } from './controller.ts';
import { createSimulatedHardware } from './hardware/simulated.ts';

const config = parseConfig(JSON.stringify({ server: { url: 'http://127.0.0.1:1' } }));
const { timing, passage } = config;
const NEAR = 40; // cm: someone in the passage

/** A gate on simulated parts and a fake clock; `answer` is what validation says of the next codes. */
async function gate(
  answer: (code: string) => ScanVerdict = (code) => ({ result: code === 'good' ? 'ok' : 'revoked', ticketId: code, offline: false }),
) {
  const clock = new FakeClock();
  const hw = createSimulatedHardware(clock);
  const events: GateEvent[] = [];
  const validated: string[] = [];
  const ctl = new GateController({
    ...hw,
    clock,
    config,
    validate: async (code) => {
      validated.push(code);
      return answer(code);
    },
    onEvent: (e) => events.push(e),
  });
  await ctl.start();
  const kinds = () => events.filter((e) => e.kind !== 'state' && e.kind !== 'sensor').map((e) => e.kind);
  const states = () => events.flatMap((e) => (e.kind === 'state' ? [e.state] : []));
  /** Someone stands in the passage for `ms`, then leaves. */
  const person = async (ms: number) => {
    hw.sensor.cm = NEAR;
    await clock.advance(ms);
    hw.sensor.cm = null;
  };
  return { clock, hw, ctl, events, validated, kinds, states, person };
}

describe('the gate controller', () => {
  it('closes at start only once the passage is clear', async () => {
    const g = await gate();
    g.hw.sensor.cm = NEAR;
    await g.clock.advance(1000);
    expect(g.ctl.state).toBe('holding');
    expect(g.hw.arm.commands).toEqual([]);
    g.hw.sensor.cm = null;
    await g.clock.advance(passage.clearForMs + 100);
    expect(g.hw.arm.commands.map((c) => c.to)).toEqual(['closed']);
    await g.clock.advance(timing.armTravelMs);
    expect(g.ctl.state).toBe('closed');
    expect(g.hw.signals.current).toBe('ready');
  });

  it('opens for a valid ticket, sees the person pass, and closes after a short delay', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    expect(g.ctl.state).toBe('closed');
    await g.ctl.scan('good');
    expect(g.hw.arm.position).toBe('open');
    expect(g.hw.signals.current).toBe('ok');
    await g.clock.advance(timing.armTravelMs);
    expect(g.ctl.state).toBe('open');
    await g.person(1200);
    expect(g.ctl.state).toBe('passing');
    await g.clock.advance(passage.clearForMs + 100);
    expect(g.ctl.state).toBe('passed');
    expect(g.hw.arm.position).toBe('open');
    await g.clock.advance(timing.closeDelayMs + timing.armTravelMs);
    expect(g.ctl.state).toBe('closed');
    expect(g.hw.arm.commands.map((c) => c.to)).toEqual(['closed', 'open', 'closed']);
    expect(g.kinds()).toEqual(['scan', 'passed']);
    expect(g.states()).toEqual(['starting', 'closing', 'closed', 'checking', 'opening', 'open', 'passing', 'passed', 'closing', 'closed']);
    expect(g.hw.signals.current).toBe('ready');
  });

  it('stays shut for a refused ticket, says so, and is ready again after a moment', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    expect(await g.ctl.scan('leaked')).toMatchObject({ result: 'revoked' });
    expect(g.hw.arm.commands.map((c) => c.to)).toEqual(['closed']);
    expect(g.hw.signals.current).toBe('refused');
    expect(g.ctl.state).toBe('closed');
    await g.clock.advance(timing.showResultMs);
    expect(g.hw.signals.current).toBe('ready');
  });

  it('closes when nobody passes in time and reports "admitted, not passed"', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    await g.ctl.scan('good');
    await g.clock.advance(timing.armTravelMs + timing.passTimeoutMs - 100);
    expect(g.ctl.state).toBe('open');
    await g.clock.advance(100 + timing.armTravelMs);
    expect(g.ctl.state).toBe('closed');
    expect(g.events).toContainEqual({ kind: 'not_passed', ticketId: 'good' });
  });

  it('never closes on someone: backs up when a person steps in while it closes, and closes once clear', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    await g.ctl.scan('good');
    await g.clock.advance(timing.armTravelMs);
    await g.person(1000);
    await g.clock.advance(passage.clearForMs + timing.closeDelayMs + 150); // the next reading comes within 60 ms
    expect(g.ctl.state).toBe('closing');
    g.hw.sensor.cm = NEAR; // a child runs back for a scarf
    await g.clock.advance(passage.occupiedForMs + 100);
    expect(g.ctl.state).toBe('holding');
    expect(g.hw.arm.position).toBe('open');
    await g.clock.advance(20_000); // as long as someone is there, it stays open
    expect(g.hw.arm.position).toBe('open');
    g.hw.sensor.cm = null;
    await g.clock.advance(passage.clearForMs + 100 + timing.armTravelMs);
    expect(g.ctl.state).toBe('closed');
    expect(g.hw.arm.commands.map((c) => c.to)).toEqual(['closed', 'open', 'closed', 'open', 'closed']);
  });

  it('reports tailgating when a second person passes before the gate has closed', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    await g.ctl.scan('good');
    await g.clock.advance(timing.armTravelMs);
    await g.person(800);
    await g.clock.advance(passage.clearForMs + 200);
    expect(g.ctl.state).toBe('passed');
    await g.person(800);
    expect(g.events).toContainEqual({ kind: 'tailgating', ticketId: 'good' });
    await g.clock.advance(passage.clearForMs + timing.closeDelayMs + timing.armTravelMs + 100);
    expect(g.ctl.state).toBe('closed');
  });

  it('reports a passage occupied too long, and waits for it to clear before closing', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    await g.ctl.scan('good');
    await g.clock.advance(timing.armTravelMs);
    await g.person(timing.maxOccupiedMs + 1000);
    expect(g.kinds()).toContain('occupied_too_long');
    expect(g.hw.arm.position).toBe('open');
    await g.clock.advance(passage.clearForMs + timing.closeDelayMs + timing.armTravelMs + 100);
    expect(g.ctl.state).toBe('closed');
  });

  it('ignores a reading spike shorter than the debounce', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    await g.ctl.scan('good');
    await g.clock.advance(timing.armTravelMs);
    await g.person(60); // one reading: a bird, a flag
    await g.clock.advance(1000);
    expect(g.ctl.state).toBe('open');
  });

  it('answers "wait" to scans while busy, without validating them', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    await g.ctl.scan('good');
    expect(await g.ctl.scan('good-too')).toBeNull();
    expect(g.hw.signals.current).toBe('wait');
    expect(g.validated).toEqual(['good']);
    expect(g.kinds()).toEqual(['scan', 'busy']);
    await g.clock.advance(timing.showResultMs);
    expect(g.hw.signals.current).toBe('ok'); // still open for the first person
  });

  it('stops opening when the sonar stops answering, and says so', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    g.hw.sensor.silent = true;
    await g.clock.advance(SENSOR_SILENT_MS + 100);
    expect(g.ctl.state).toBe('fault');
    expect(g.events).toContainEqual({ kind: 'sensor', ok: false, message: 'the sonar is not answering' });
    expect(await g.ctl.scan('good')).toBeNull();
    expect(g.hw.arm.commands.map((c) => c.to)).toEqual(['closed']);
    expect(g.hw.signals.current).toBe('fault');
    g.hw.sensor.silent = false;
    await g.clock.advance(200);
    expect(g.ctl.state).toBe('closed');
    expect(g.events).toContainEqual({ kind: 'sensor', ok: true });
  });

  it('reports a failing arm without stopping', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    g.hw.arm.failing = new Error('EIO');
    await g.ctl.scan('good');
    await g.clock.advance(timing.armTravelMs);
    expect(g.events).toContainEqual({ kind: 'fault', message: 'the gate arm did not open: EIO' });
  });

  it('on SIGTERM closes once the passage is clear (or after a bounded wait) and lets go of the hardware', async () => {
    const g = await gate();
    await g.clock.advance(1000);
    await g.ctl.scan('good');
    await g.clock.advance(timing.armTravelMs);
    g.hw.sensor.cm = NEAR;
    await g.clock.advance(passage.occupiedForMs + 100);
    const stopped = g.ctl.stop();
    await g.clock.advance(1000);
    expect(g.hw.arm.position).toBe('open');
    g.hw.sensor.cm = null;
    await g.clock.advance(passage.clearForMs + 100);
    await stopped;
    expect(g.hw.arm.position).toBe('closed');
    expect(g.ctl.state).toBe('stopped');
    expect(g.hw.arm.released).toBe(true);

    const stuck = await gate();
    await stuck.clock.advance(1000);
    await stuck.ctl.scan('good');
    await stuck.clock.advance(timing.armTravelMs);
    stuck.hw.sensor.cm = NEAR;
    await stuck.clock.advance(passage.occupiedForMs + 100);
    const forced = stuck.ctl.stop();
    await stuck.clock.advance(STOP_WAIT_MS + 100);
    await forced;
    expect(stuck.hw.arm.position).toBe('closed');
  });
});
