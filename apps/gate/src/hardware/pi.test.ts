import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import { addLed, addPwmChip, emulatePwmKernel, type FakePwmKernel } from '../testing/fake-sysfs.ts';
import { createPiHardware } from './pi.ts';

let dir: string;
let chip: string;
let kernel: FakePwmKernel;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gate-pi-'));
  chip = await addPwmChip(dir, '1f00098000.pwm', 0, 4);
  kernel = emulatePwmKernel(chip);
  await addLed(dir, 'gate-green');
});
afterEach(async () => {
  kernel.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the Pi hardware', () => {
  it('drives the servo, LEDs and the chosen sonar and reader from the configuration', async () => {
    const distance = join(dir, 'in_distance_raw');
    await writeFile(distance, '800\n');
    const config = parseConfig(
      JSON.stringify({
        server: { url: 'https://tickets.example.be' },
        servo: { channel: 2 },
        sonar: { source: 'iio', path: distance },
        reader: { kind: 'serial', path: join(dir, 'missing-tty') },
        signals: { green: 'gate-green' },
      }),
    );
    const hardware = createPiHardware(config, { sysRoot: dir, stty: 'true' });
    await hardware.arm.open();
    expect((await readFile(join(chip, 'pwm2/duty_cycle'), 'utf8')).trim()).toBe('2000000');
    await hardware.signals.show('ok');
    expect((await readFile(join(dir, 'class/leds/gate-green/brightness'), 'utf8')).trim()).toBe('1');
    const reading = await new Promise((resolve, reject) => hardware.sensor.start(resolve, reject));
    expect(reading).toMatchObject({ cm: 80 });
    await expect(
      hardware.reader.start(
        () => {},
        () => {},
      ),
    ).rejects.toThrow(/ENOENT.*missing-tty/);
    await hardware.sensor.stop();
    await hardware.signals.release();
    await hardware.arm.release();
  });

  it('by default reads the keyboard reader and times echoes with gpiomon', async () => {
    const hardware = createPiHardware(
      parseConfig(
        JSON.stringify({ server: { url: 'https://tickets.example.be' }, sonar: { source: 'gpiomon', gpiomon: join(dir, 'none') } }),
      ),
      { sysRoot: dir, devRoot: dir },
    );
    await expect(
      hardware.reader.start(
        () => {},
        () => {},
      ),
    ).rejects.toThrow(/No keyboard-like reader found/);
    await expect(
      hardware.sensor.start(
        () => {},
        () => {},
      ),
    ).rejects.toThrow(/none not found: install libgpiod.s tools/);
  });
});
