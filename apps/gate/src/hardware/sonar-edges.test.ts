import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { echoes, echoNs, writeFakeGpiomon } from '../testing/fake-gpiomon.ts';
import { addPwmChip, emulatePwmKernel, type FakePwmKernel } from '../testing/fake-sysfs.ts';
import { runScript, SRC } from '../testing/run-script.ts';
import { GpiomonMissing } from './gpiomon.ts';
import { createEdgeSonar, echoToCm } from './sonar-edges.ts';
import type { SonarReading } from './types.ts';

let dir: string;
let chip: string;
let kernel: FakePwmKernel;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gate-sonar-'));
  chip = await addPwmChip(dir, 'fe20c000.pwm', 0);
  kernel = emulatePwmKernel(chip, { permissionDelayMs: 20 });
});
afterEach(async () => {
  kernel.stop();
  await rm(dir, { recursive: true, force: true });
});

const config = (gpiomon: string) => ({
  source: 'gpiomon' as const,
  gpiomon,
  chip: 'gpiochip0',
  echoLine: 24,
  triggerPwmChannel: 1,
  medianOf: 3,
});
const read = async (path: string) => (await readFile(path, 'utf8')).trim();
// Beyond 2^53 ns of uptime (104 days), where one float of nanoseconds would lose precision.
const LATE = 9_100_000_000_000_123n;

function listen() {
  const readings: SonarReading[] = [];
  const errors: Error[] = [];
  return { readings, errors, onReading: (r: SonarReading) => readings.push(r), onError: (e: Error) => errors.push(e) };
}

describe('echo widths', () => {
  it('turn into centimetres at 343 m/s there and back, the no-echo pulse into null, and glitches into nothing', () => {
    expect(echoToCm(Number(echoNs(50)))).toBeCloseTo(50, 3);
    expect(echoToCm(2_915_452)).toBeCloseTo(50, 2);
    expect(echoToCm(38_000_000)).toBeNull();
    expect(echoToCm(30_000_000)).toBeNull();
    expect(echoToCm(20_000)).toBeUndefined();
  });
});

describe.each([1, 2] as const)('the sonar through libgpiod v%i gpiomon', (version) => {
  it('triggers by PWM, times echoes from kernel timestamps and gives the median of the last three', async () => {
    // One falling edge before any rising (gpiomon started mid-echo), a 20 µs glitch, an echo only 30 ms
    // after the previous one (not given), then a stray far echo the median hides, then nothing in range.
    const recorded = [
      { rising: false, ns: LATE - 1_000_000n },
      ...echoes([50], LATE),
      { rising: true, ns: LATE + 10_000_000n },
      { rising: false, ns: LATE + 10_020_000n },
      ...echoes([120], LATE + 30_000_000n),
      ...echoes([52, 300, 51, null, null], LATE + 66_000_000n),
    ];
    const gpiomon = await writeFakeGpiomon(dir, version, recorded);
    let clock = 1000;
    const sonar = createEdgeSonar(config(gpiomon.command), 'auto', { sysRoot: dir, now: () => clock++ });
    const { readings, errors, onReading, onError } = listen();
    await sonar.start(onReading, onError);

    expect([
      await read(join(chip, 'pwm1/period')),
      await read(join(chip, 'pwm1/duty_cycle')),
      await read(join(chip, 'pwm1/enable')),
    ]).toEqual(['66000000', '12000', '1']);
    await vi.waitFor(() => expect(readings).toHaveLength(6));
    // 50 | (50,120: 30 ms after, not given) | 50,120,52 | 120,52,300 | 52,300,51 | 300,51,∞ | 51,∞,∞
    expect(readings.map((r) => r.cm)).toEqual([50, 52, 120, 52, 300, null]);
    expect(readings.map((r) => r.at)).toEqual([1000, 1001, 1002, 1003, 1004, 1005]);
    expect(errors).toEqual([]);
    const args = (await read(gpiomon.argsFile)).split('\n');
    expect(args).toEqual(
      version === 1
        ? ['-b', '-F', '%e %s %n', 'gpiochip0', '24']
        : ['-E', 'monotonic', '-C', 'footarena-gate', '-F', '%e %S', '-c', 'gpiochip0', '24'],
    );

    await sonar.stop();
    await vi.waitFor(async () => expect(await stat(join(chip, 'pwm1')).catch(() => null)).toBeNull());
  });

  it('reports gpiomon stopping, with its own words', async () => {
    const gpiomon = await writeFakeGpiomon(dir, version, echoes([80]), {
      exitCode: 1,
      stderr: 'gpiomon: unable to request lines: Device or resource busy',
    });
    const sonar = createEdgeSonar(config(gpiomon.command), 'auto', { sysRoot: dir });
    const { readings, errors, onReading, onError } = listen();
    await sonar.start(onReading, onError);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]!.message).toBe('gpiomon stopped watching the echo line: gpiomon: unable to request lines: Device or resource busy');
    expect(readings.map((r) => r.cm)).toEqual([80]);
    await sonar.stop();
  });

  it('reports a sensor that stops answering, once per silence', async () => {
    const gpiomon = await writeFakeGpiomon(dir, version, echoes([80, 81]));
    const sonar = createEdgeSonar(config(gpiomon.command), 'auto', { sysRoot: dir, silenceMs: 150 });
    const { errors, onReading, onError } = listen();
    await sonar.start(onReading, onError);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]!.message).toMatch(/No echo from the sonar for 150 ms/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).toHaveLength(1);
    await sonar.stop();
  });
});

describe('starting the sonar', () => {
  it('fails plainly when gpiomon is not installed, leaving no PWM channel exported', async () => {
    const sonar = createEdgeSonar(config(join(dir, 'no-gpiomon')), 'auto', { sysRoot: dir });
    await expect(
      sonar.start(
        () => {},
        () => {},
      ),
    ).rejects.toThrow(GpiomonMissing);
    await expect(
      sonar.start(
        () => {},
        () => {},
      ),
    ).rejects.toThrow(/sudo apt install gpiod/);
    expect(await stat(join(chip, 'pwm1')).catch(() => null)).toBeNull();
  });

  it('fails when the PWM controller for the trigger is missing', async () => {
    const gpiomon = await writeFakeGpiomon(dir, 2, []);
    await expect(
      createEdgeSonar(config(gpiomon.command), '1f00098000.pwm', { sysRoot: dir }).start(
        () => {},
        () => {},
      ),
    ).rejects.toThrow(/No PWM chip for 1f00098000\.pwm/);
  });

  it('stops so completely that its process exits by itself', async () => {
    const gpiomon = await writeFakeGpiomon(dir, 2, echoes([60, 61, 62]));
    const script = `
      import { createEdgeSonar } from ${JSON.stringify(join(SRC, 'hardware/sonar-edges.ts'))};
      const sonar = createEdgeSonar(${JSON.stringify(config(gpiomon.command))}, 'auto', { sysRoot: ${JSON.stringify(dir)} });
      const readings = [];
      await new Promise((resolve, reject) => sonar.start((r) => { readings.push(r.cm); if (readings.length === 3) resolve(); }, reject).catch(reject));
      await sonar.stop();
      console.log(JSON.stringify(readings));
    `;
    const result = await runScript(dir, script, { timeoutMs: 8000 });
    expect(result).toMatchObject({ timedOut: false, code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual([60, 60, 61]);
  });
});
