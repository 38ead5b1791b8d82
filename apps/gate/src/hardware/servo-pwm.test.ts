import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addPwmChip, emulatePwmKernel, type FakePwmKernel } from '../testing/fake-sysfs.ts';
import { createServoArm } from './servo-pwm.ts';

let sys: string;
let kernel: FakePwmKernel;
let chip: string;
beforeEach(async () => {
  sys = await mkdtemp(join(tmpdir(), 'gate-servo-'));
  await addPwmChip(sys, '1f0009c000.pwm', 0);
  chip = await addPwmChip(sys, '1f00098000.pwm', 1, 4);
  kernel = emulatePwmKernel(chip, { permissionDelayMs: 30 });
});
afterEach(async () => {
  kernel.stop();
  await rm(sys, { recursive: true, force: true });
});

const state = async (channel: number) => {
  const read = async (name: string) => (await readFile(join(chip, `pwm${channel}`, name), 'utf8')).trim();
  return { period: await read('period'), duty: await read('duty_cycle'), enable: await read('enable') };
};

describe('the servo arm', () => {
  it('sends the calibrated pulses every 20 ms on the configured channel of the Pi 5 controller', async () => {
    const arm = createServoArm({ chip: 'auto', channel: 2, closedPulseUs: 1050, openPulseUs: 1950 }, { sysRoot: sys });
    await arm.close();
    expect(await state(2)).toEqual({ period: '20000000', duty: '1050000', enable: '1' });
    await arm.open();
    expect(await state(2)).toEqual({ period: '20000000', duty: '1950000', enable: '1' });
    await arm.release();
    await vi.waitFor(async () => expect(await stat(join(chip, 'pwm2')).catch(() => null)).toBeNull());
  });

  it('runs commands given at once in order, so the last one wins', async () => {
    const arm = createServoArm({ chip: 'auto', channel: 0, closedPulseUs: 1000, openPulseUs: 2000 }, { sysRoot: sys });
    await Promise.all([arm.open(), arm.close(), arm.open(), arm.close()]);
    expect((await state(0)).duty).toBe('1000000');
    await arm.release();
  });

  it('fails a command when the controller is missing, and works once it appears', async () => {
    const arm = createServoArm({ chip: 'fe20c000.pwm', channel: 0, closedPulseUs: 1000, openPulseUs: 2000 }, { sysRoot: sys });
    await expect(arm.open()).rejects.toThrow(/No PWM chip for fe20c000\.pwm/);
    const pi4 = await addPwmChip(sys, 'fe20c000.pwm', 2);
    const pi4Kernel = emulatePwmKernel(pi4);
    await arm.open();
    expect((await readFile(join(pi4, 'pwm0/duty_cycle'), 'utf8')).trim()).toBe('2000000');
    await arm.release();
    pi4Kernel.stop();
  });

  it('releases nothing when it never moved', async () => {
    const arm = createServoArm({ chip: 'auto', channel: 0, closedPulseUs: 1000, openPulseUs: 2000 }, { sysRoot: sys });
    await expect(arm.release()).resolves.toBeUndefined();
  });
});
