import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addPwmChip, emulatePwmKernel, type FakePwmKernel } from '../testing/fake-sysfs.ts';
import { runScript, SRC } from '../testing/run-script.ts';
import { findPwmChip, openPwmChannel, PwmChipNotFound } from './pwm-sysfs.ts';
import { writeSysfs } from './sysfs.ts';

// Every write goes through, and is recorded, so the order of the writes can be checked.
vi.mock('./sysfs.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./sysfs.ts')>();
  return { ...real, writeSysfs: vi.fn(real.writeSysfs) };
});

let sys: string;
let kernel: FakePwmKernel | undefined;
beforeEach(async () => {
  sys = await mkdtemp(join(tmpdir(), 'gate-pwm-'));
  vi.mocked(writeSysfs).mockClear();
});
afterEach(async () => {
  kernel?.stop();
  kernel = undefined;
  await rm(sys, { recursive: true, force: true });
});

const read = async (path: string) => (await readFile(path, 'utf8')).trim();
const writes = () => vi.mocked(writeSysfs).mock.calls.map(([path, value]) => `${path.split('/').at(-1)}=${value}`);

describe('finding the PWM chip', () => {
  it('finds the Pi 5 controller by its device whatever number the kernel gave it', async () => {
    await addPwmChip(sys, '1f0009c000.pwm', 0); // the fan's controller comes first on a Pi 5
    const chip = await addPwmChip(sys, '1f00098000.pwm', 1, 4);
    await expect(findPwmChip('auto', sys)).resolves.toEqual({ path: chip, device: '1f00098000.pwm' });
  });

  it('finds the Pi 4 controller, or the one the configuration names', async () => {
    const chip = await addPwmChip(sys, 'fe20c000.pwm', 2);
    const other = await addPwmChip(sys, '7e20c800.pwm', 3);
    await expect(findPwmChip('auto', sys)).resolves.toMatchObject({ path: chip });
    await expect(findPwmChip('7e20c800.pwm', sys)).resolves.toMatchObject({ path: other });
  });

  it('says which controllers exist when the wanted one does not (overlay missing)', async () => {
    await expect(findPwmChip('auto', sys)).rejects.toThrow(/fe20c000\.pwm or 1f00098000\.pwm: the system has no PWM chip at all/);
    await addPwmChip(sys, '1f0009c000.pwm', 0);
    const error = await findPwmChip('auto', sys).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PwmChipNotFound);
    expect((error as PwmChipNotFound).present).toEqual(['1f0009c000.pwm']);
  });
});

describe('a PWM channel', () => {
  it('exports the channel, waits for its files, sets period then duty, enables, and unexports on release', async () => {
    const path = await addPwmChip(sys, 'fe20c000.pwm', 0);
    kernel = emulatePwmKernel(path, { permissionDelayMs: 50 });
    const pwm = await openPwmChannel({ chip: { path, device: 'fe20c000.pwm' }, channel: 1 });
    expect(pwm.path).toBe(join(path, 'pwm1'));
    await pwm.configure(20_000_000, 1_500_000);
    await pwm.enable();
    expect([await read(join(pwm.path, 'period')), await read(join(pwm.path, 'duty_cycle')), await read(join(pwm.path, 'enable'))]).toEqual([
      '20000000',
      '1500000',
      '1',
    ]);
    expect(writes()).toEqual(['export=1', 'period=20000000', 'duty_cycle=1500000', 'enable=1']);

    await pwm.release();
    expect(writes().slice(-2)).toEqual(['enable=0', 'unexport=1']);
    await vi.waitFor(async () => expect(await stat(pwm.path).catch(() => null)).toBeNull());
  });

  it('writes the duty cycle first when the new period is below the current duty, and never a duty above the period', async () => {
    const path = await addPwmChip(sys, 'fe20c000.pwm', 0);
    kernel = emulatePwmKernel(path);
    const pwm = await openPwmChannel({ chip: { path, device: 'fe20c000.pwm' }, channel: 0 });
    await pwm.configure(66_000_000, 20_000_000);
    vi.mocked(writeSysfs).mockClear();
    await pwm.configure(10_000_000, 12_000);
    expect(writes()).toEqual(['duty_cycle=12000', 'period=10000000']);
    vi.mocked(writeSysfs).mockClear();
    await expect(pwm.configure(20_000_000, 20_000_001)).rejects.toThrow(RangeError);
    await expect(pwm.configure(0, 0)).rejects.toThrow(RangeError);
    await expect(pwm.configure(20_000_000, 1.5)).rejects.toThrow(RangeError);
    expect(writes()).toEqual([]);
  });

  it('takes over a channel left exported by a run that crashed', async () => {
    const path = await addPwmChip(sys, 'fe20c000.pwm', 0);
    kernel = emulatePwmKernel(path);
    const first = await openPwmChannel({ chip: { path, device: 'fe20c000.pwm' }, channel: 0 });
    await first.configure(20_000_000, 1_000_000);
    const second = await openPwmChannel({ chip: { path, device: 'fe20c000.pwm' }, channel: 0 });
    expect(await read(join(second.path, 'duty_cycle'))).toBe('1000000');
  });

  it('waits for udev to make the exported files writable (in a process without the right to ignore permissions)', async () => {
    const path = await addPwmChip(sys, 'fe20c000.pwm', 0);
    kernel = emulatePwmKernel(path, { permissionDelayMs: 60_000 }); // this test gives the permissions itself
    await chmod(sys, 0o755);
    // As root, drop the capabilities that bypass file permissions, as the footarena-gate user has none.
    const prefix = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search'] : [];
    const script = `
      import { openPwmChannel } from ${JSON.stringify(join(SRC, 'hardware/pwm-sysfs.ts'))};
      const started = performance.now();
      const pwm = await openPwmChannel({ chip: { path: ${JSON.stringify(path)}, device: 'fe20c000.pwm' }, channel: 0, permissionWaitMs: 5000 });
      await pwm.configure(20_000_000, 1_000_000);
      console.log(JSON.stringify({ waitedMs: Math.round(performance.now() - started) }));
      try {
        await openPwmChannel({ chip: { path: ${JSON.stringify(path)}, device: 'fe20c000.pwm' }, channel: 1, permissionWaitMs: 300 });
      } catch (error) {
        console.log(JSON.stringify({ refused: error.name, message: error.message }));
      }
    `;
    const running = runScript(sys, script, { prefix });
    // udev's rule runs a moment after the export: give channel 0 its permissions 400 ms later, never channel 1.
    await vi.waitFor(() => stat(join(path, 'pwm0/enable')), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (const name of ['period', 'duty_cycle', 'enable']) await chmod(join(path, 'pwm0', name), 0o664);
    const result = await running;
    expect(result.stderr).toBe('');
    const [waited, refused] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(waited.waitedMs).toBeGreaterThanOrEqual(350);
    expect(refused).toEqual({ refused: 'PwmPermissionDenied', message: expect.stringContaining('pwm1/period') });
    expect(await read(join(path, 'pwm0/duty_cycle'))).toBe('1000000');
  });
});
