import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from './config.ts';
import type { DoctorContext } from './doctor/check.ts';
import { checkPaired } from './doctor/check-paired.ts';
import { checkReader } from './doctor/check-reader.ts';
import { checkServer } from './doctor/check-server.ts';
import { checkSonar } from './doctor/check-sonar.ts';
import { runDoctor } from './doctor.ts';
import { createPiHardware } from './hardware/pi.ts';
import { typed } from './testing/fake-evdev.ts';
import { echoes, writeFakeGpiomon } from './testing/fake-gpiomon.ts';
import { addPwmChip, emulatePwmKernel, type FakePwmKernel, setModel } from './testing/fake-sysfs.ts';
import { runScript, SRC } from './testing/run-script.ts';

// A gate on the bench: a fake /sys (a Pi 4's PWM chip, with kernel and udev stand-ins), a fake /dev with a
// keyboard reader that has a scan waiting, a fake gpiomon, a data folder, and a FootArena on loopback.

let dir: string;
let sys: string;
let dev: string;
let kernels: FakePwmKernel[];
let server: Server;
let url: string;
let lines: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gate-doctor-'));
  sys = join(dir, 'sys');
  dev = join(dir, 'dev');
  kernels = [];
  lines = [];
  await mkdir(join(dev, 'input/by-id'), { recursive: true });
  await mkdir(join(dir, 'data'));
  server = createServer((request, response) => {
    response.statusCode = request.url === '/healthz' ? 200 : 404;
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const kernel of kernels) kernel.stop();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function pi(model: 4 | 5 = 4) {
  await setModel(sys, `Raspberry Pi ${model} Model B Rev 1.1`);
  const chip = await addPwmChip(sys, model === 4 ? 'fe20c000.pwm' : '1f00098000.pwm', model === 4 ? 0 : 2, model === 4 ? 2 : 4);
  kernels.push(emulatePwmKernel(chip, { permissionDelayMs: 20 }));
}
const paired = () =>
  writeFile(join(dir, 'data/device.json'), JSON.stringify({ deviceId: 'd-1', token: 'secret', clubId: 'c-1', name: 'North gate' }));
const scanWaiting = () => writeFile(join(dev, 'input/by-id/usb-Acme_2D_Reader-event-kbd'), typed('FA1:TEST CODE'));
async function sonar(clear: (number | null)[], passing: (number | null)[] = []) {
  const start = 1_000_000_000_000n;
  const first = echoes(clear, start);
  const later = echoes(passing, start + BigInt(clear.length) * 66_000_000n);
  return (await writeFakeGpiomon(dir, 2, first, 'wait', later)).command;
}
async function configFile(overrides: Record<string, unknown> = {}) {
  const path = join(dir, 'config.json');
  await writeFile(path, JSON.stringify({ server: { url }, dataDir: join(dir, 'data'), ...overrides }));
  return path;
}
// The checks' waits (3 s of clear passage, 20 s to scan…) run 20 times faster on the bench.
const fast = (ms: number) => sleep(ms / 20);
const answers =
  (...replies: boolean[]) =>
  async (question: string) => {
    lines.push(`? ${question}`);
    return replies.shift();
  };
const doctor = (configPath: string, interactive: boolean, ask = answers()) =>
  runDoctor({ configPath, sysRoot: sys, devRoot: dev, interactive, print: (line) => lines.push(line), ask, sleep: fast });

function context(config: Record<string, unknown>, interactive = true): DoctorContext {
  const parsed = parseConfig(JSON.stringify({ server: { url }, dataDir: join(dir, 'data'), ...config }));
  return {
    config: parsed,
    hardware: createPiHardware(parsed, { sysRoot: sys, devRoot: dev }),
    sysRoot: sys,
    devRoot: dev,
    say: (text) => lines.push(text),
    ask: answers(),
    interactive,
    fetch,
    sleep: fast,
  };
}

describe('the doctor', () => {
  it('walks a person through a well-built gate and finds it ready', async () => {
    await pi(4);
    await paired();
    await scanWaiting();
    const gpiomon = await sonar([150, 151, 150, 150, 149, 150, 151, 150], [45, 44, 45, 46]);
    const ok = await doctor(await configFile({ sonar: { source: 'gpiomon', gpiomon } }), true, answers(true));
    expect(lines).toEqual([
      `✓ Configuration: ${join(dir, 'config.json')} is valid`,
      `✓ PWM (servo and sonar trigger): fe20c000.pwm at ${join(sys, 'class/pwm/pwmchip0')}, channels 0 and 1 usable`,
      '  Watch the gate arm: it opens now, and closes again 2 seconds later.',
      '? Did the arm open, then close again?',
      '✓ Servo: The arm opens and closes',
      '    → Not quite the right angles? Adjust servo.openPulseUs (2000) and servo.closedPulseUs (1000), 500–2500 µs',
      '  Keep the passage clear for 3 seconds.',
      '  Now walk through the passage, or pass a hand in front of the sensor (within 10 seconds).',
      '✓ Sonar: Steady at 150 cm when clear, 45 cm when someone passed',
      '  Scan any QR code now (within 20 seconds).',
      '✓ QR reader: Read 13 characters (a FootArena ticket): FA1:TEST CODE',
      expect.stringMatching(new RegExp(`^✓ Server: ${url}/healthz answered in \\d+ ms$`)),
      '✓ Pairing: Paired as "North gate" (device d-1)',
      'All good: the gate is ready.',
    ]);
    expect(ok).toBe(true);
  });

  it('names each bad key of the configuration and checks nothing else', async () => {
    const ok = await doctor(await configFile({ servo: { openPulseUs: 3000 }, pasage: {} }), false);
    expect(ok).toBe(false);
    expect(lines[0]).toMatch(/^✗ Configuration: .*config\.json has bad values:$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}→ servo\.openPulseUs: /));
    expect(lines).toContain('    → (file): Unrecognized key: "pasage"');
    expect(lines.at(-1)).toMatch(/Fix it in .*config\.json, then run the doctor again/);
  });

  it('gives the config.txt line when the PWM overlay is missing, and leaves the servo and sonar for later', async () => {
    await paired();
    await scanWaiting();
    expect(await doctor(await configFile(), false)).toBe(false);
    expect(lines).toContain(
      '✗ PWM (servo and sonar trigger): No PWM chip for fe20c000.pwm or 1f00098000.pwm: the system has no PWM chip at all',
    );
    expect(lines).toContain(
      '    → Add this line under [all] at the end of /boot/firmware/config.txt, then reboot: dtoverlay=pwm-2chan,pin=18,func=2,pin2=19,func2=2',
    );
    expect(lines).toContain('– Servo: not checked, it needs the PWM fixed first');
    expect(lines).toContain('– Sonar: not checked, it needs the PWM fixed first');
    expect(lines).toContain(
      `✓ QR reader: ${join(dev, 'input/by-id/usb-Acme_2D_Reader-event-kbd')} is there and readable; nobody was there to scan`,
    );
  });

  it("tells a Pi 5's owner which PWM channels GPIO18 and GPIO19 are", async () => {
    await pi(5);
    await doctor(await configFile(), false);
    expect(lines).toContain(
      '✗ PWM (servo and sonar trigger): On a Raspberry Pi 5, GPIO18 is PWM channel 2 and GPIO19 channel 3 (the configuration uses 0 and 1)',
    );
    lines = [];
    const gpiomon = await sonar([150, 150, 150, 150]);
    await doctor(await configFile({ servo: { channel: 2 }, sonar: { source: 'gpiomon', gpiomon, triggerPwmChannel: 3 } }), false);
    expect(lines[1]).toMatch(/^✓ PWM .*1f00098000\.pwm at .*pwmchip2, channels 2 and 3 usable$/);
    expect(lines[2]).toMatch(/^✓ Servo: Pulses sent on channel 2 .*nobody was asked to watch$/);
    expect(lines[3]).toBe('✓ Sonar: Steady at 150 cm with the passage clear; nobody was there to pass a hand');
  });

  it('exits non-zero from the command line, printing ✗ lines', async () => {
    const script = `
      process.argv = [process.argv[0], ${JSON.stringify(join(SRC, 'doctor.ts'))}, '--config', ${JSON.stringify(await configFile())},
        '--sys-root', ${JSON.stringify(sys)}, '--dev-root', ${JSON.stringify(dev)}];
      await import(${JSON.stringify(join(SRC, 'doctor.ts'))});
    `;
    const result = await runScript(dir, script, { timeoutMs: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✓ Configuration: /m);
    expect(result.stdout).toMatch(/^✗ PWM \(servo and sonar trigger\): No PWM chip/m);
    expect(result.stdout).toMatch(/^✗ Pairing: This gate is not paired with a club yet$/m);
    expect(result.stdout).toMatch(/Something needs fixing: see the lines marked ✗ above\.\n$/);
  });
});

describe('the sonar check', () => {
  beforeEach(() => pi(4));

  it('finds a sonar that sees nothing, one that wavers, one that sees the passage as occupied, and one blind to people', async () => {
    const cases: [(number | null)[], (number | null)[], RegExp][] = [
      [[null, null, null, null], [], /^The sonar sees nothing within 4 m$/],
      [[150, 90, 150, 200, 120, 180], [], /^Unsteady readings with the passage clear: \d+–\d+ cm$/],
      [[60, 61, 60, 60], [], /^The clear passage reads 60 cm, which counts as someone there \(passage.occupiedBelowCm is 70\)$/],
      [[150, 150, 150, 150], [149, 150, 151], /^Nothing came nearer than 70 cm while someone passed \(clear: 150 cm\)$/],
    ];
    for (const [clear, passing, expected] of cases) {
      const gpiomon = await sonar(clear, passing);
      const result = await checkSonar(context({ sonar: { source: 'gpiomon', gpiomon } }));
      expect(result).toMatchObject({ ok: false, summary: expect.stringMatching(expected) });
      // The kernel removes an unexported channel at once; its stand-in only looks every few milliseconds.
      await vi.waitFor(async () => expect(await stat(join(sys, 'class/pwm/pwmchip0/pwm1')).catch(() => null)).toBeNull());
    }
  });

  it('says what to install when gpiomon is missing', async () => {
    const result = await checkSonar(context({ sonar: { source: 'gpiomon', gpiomon: join(dir, 'gpiomon') } }));
    expect(result).toMatchObject({ ok: false, details: ['sudo apt install gpiod'] });
  });
});

describe('the reader, server and pairing checks', () => {
  it('find no reader plugged in, and a reader that reads nothing in time', async () => {
    expect(await checkReader(context({}))).toMatchObject({ ok: false, summary: expect.stringContaining('No keyboard-like reader found') });
    expect(await checkReader(context({ reader: { kind: 'serial', path: join(dev, 'ttyACM0') } }))).toMatchObject({
      ok: false,
      summary: `No reader at ${join(dev, 'ttyACM0')}`,
      details: [expect.stringContaining('/dev/ttyACM0'), expect.stringContaining('"kind": "keyboard"')],
    });
    await writeFile(join(dev, 'input/by-id/usb-Acme_2D_Reader-event-kbd'), '');
    expect(await checkReader(context({}))).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/^No code read from .* in 20 seconds$/),
    });
  });

  it('find a server that refuses, fails, or is not there', async () => {
    const down = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const failing = createServer((_request, response) => {
      response.statusCode = 503;
      response.end();
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/`;
    expect(await checkServer(context({ server: { url: failingUrl } }))).toMatchObject({
      ok: false,
      summary: `${failingUrl}healthz answered HTTP 503`,
    });
    await new Promise((resolve) => failing.close(resolve));
    await new Promise((resolve) => server.close(resolve));
    server = createServer();
    server.listen(0, '127.0.0.1');
    expect(await checkServer(context({ server: { url: down } }))).toMatchObject({
      ok: false,
      summary: `Cannot reach ${down}/healthz: nothing answers at that address`,
    });
  });

  it('find a gate not paired yet, or a damaged pairing file', async () => {
    expect(await checkPaired(context({}))).toMatchObject({ ok: false, summary: 'This gate is not paired with a club yet' });
    await writeFile(join(dir, 'data/device.json'), '{ "deviceId": "d-1" }');
    expect(await checkPaired(context({}))).toMatchObject({ ok: false, summary: `${join(dir, 'data/device.json')} is damaged` });
  });
});
