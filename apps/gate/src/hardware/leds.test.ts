import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addLed } from '../testing/fake-sysfs.ts';
import { createLedSignals } from './leds.ts';

let sys: string;
beforeEach(async () => {
  sys = await mkdtemp(join(tmpdir(), 'gate-leds-'));
  for (const name of ['gate-green', 'gate-red', 'gate-buzzer']) await addLed(sys, name);
});
afterEach(() => rm(sys, { recursive: true, force: true }));

const lit = async () => {
  const on = async (name: string) => (await readFile(join(sys, 'class/leds', name, 'brightness'), 'utf8')).trim() === '1';
  return { green: await on('gate-green'), red: await on('gate-red'), buzzer: await on('gate-buzzer') };
};
const all = { green: 'gate-green', red: 'gate-red', buzzer: 'gate-buzzer' };

describe('the LEDs and the buzzer', () => {
  it('light green for a valid ticket, red with a short beep for a refused one, red for a fault, nothing when ready', async () => {
    const signals = createLedSignals(all, { sysRoot: sys, beepMs: 50 });
    await signals.show('ok');
    expect(await lit()).toEqual({ green: true, red: false, buzzer: false });
    await signals.show('refused');
    expect(await lit()).toEqual({ green: false, red: true, buzzer: true });
    await vi.waitFor(async () => expect(await lit()).toEqual({ green: false, red: true, buzzer: false }));
    await signals.show('fault');
    expect(await lit()).toEqual({ green: false, red: true, buzzer: false });
    await signals.show('ready');
    expect(await lit()).toEqual({ green: false, red: false, buzzer: false });
  });

  it('alternate green and red while the gate is busy, and stop when another signal comes', async () => {
    const signals = createLedSignals(all, { sysRoot: sys, blinkMs: 20 });
    await signals.show('wait');
    expect(await lit()).toEqual({ green: true, red: false, buzzer: false });
    await vi.waitFor(async () => expect(await lit()).toEqual({ green: false, red: true, buzzer: false }));
    await vi.waitFor(async () => expect(await lit()).toEqual({ green: true, red: false, buzzer: false }));
    await signals.show('ok');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await lit()).toEqual({ green: true, red: false, buzzer: false });
  });

  it('turn everything off on release, even a beep under way', async () => {
    const signals = createLedSignals(all, { sysRoot: sys, beepMs: 10_000 });
    await signals.show('refused');
    await signals.release();
    expect(await lit()).toEqual({ green: false, red: false, buzzer: false });
  });

  it('are each optional, and a configured LED that does not exist is an error', async () => {
    const none = createLedSignals({}, { sysRoot: sys });
    await none.show('refused');
    await none.show('wait');
    await none.release();
    expect(await lit()).toEqual({ green: false, red: false, buzzer: false });
    const wrong = createLedSignals({ green: 'gate-gren' }, { sysRoot: sys });
    await expect(wrong.show('ok')).rejects.toThrow(/ENOENT.*gate-gren/);
  });
});
