import { chmod, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Test support: a small copy of the parts of /sys the gate uses, in a temporary folder, laid out like a
// Raspberry Pi's (class symlinks into /sys/devices, a `device` link naming the controller), with a
// stand-in for the kernel and udev that reacts to `export` the way they do.

/** Where each Pi puts its PWM controller under /sys/devices. */
const PWM_PARENTS: Record<string, string> = {
  'fe20c000.pwm': 'devices/platform/soc',
  '1f00098000.pwm': 'devices/platform/axi/1000120000.pcie',
};

/** Adds pwmchip`index` belonging to `device`; returns its /sys/class/pwm path. */
export async function addPwmChip(sysRoot: string, device: string, index: number, npwm = 2): Promise<string> {
  const parent = PWM_PARENTS[device] ?? 'devices/platform/soc';
  const real = join(sysRoot, parent, device, 'pwm', `pwmchip${index}`);
  await mkdir(real, { recursive: true });
  await symlink(`../../../${device}`, join(real, 'device'));
  await writeFile(join(real, 'npwm'), `${npwm}\n`);
  await writeFile(join(real, 'export'), '');
  await writeFile(join(real, 'unexport'), '');
  await mkdir(join(sysRoot, 'class/pwm'), { recursive: true });
  const link = join(sysRoot, 'class/pwm', `pwmchip${index}`);
  await symlink(join('../..', parent, device, 'pwm', `pwmchip${index}`), link);
  return link;
}

export interface FakePwmKernel {
  /** Stops the stand-in; the files stay. */
  stop(): void;
}

/**
 * Acts as kernel and udev for one chip: a number written to `export` makes pwmN (period, duty_cycle and
 * enable at 0, read-only at first), which udev makes writable `permissionDelayMs` later; `unexport` removes it.
 */
export function emulatePwmKernel(chipPath: string, { permissionDelayMs = 0 } = {}): FakePwmKernel {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      // The kernel handles each write at once, in order; this stand-in looks every 5 ms. Read `export`
      // first: an unexport written before it is then seen too, and is applied first (a channel released
      // and opened again must end up exported). An unexport written after it waits for the next look.
      const exported = (await readFile(join(chipPath, 'export'), 'utf8')).trim();
      if (exported) await writeFile(join(chipPath, 'export'), '');
      const unexported = (await readFile(join(chipPath, 'unexport'), 'utf8')).trim();
      if (unexported) {
        await writeFile(join(chipPath, 'unexport'), '');
        // Renamed away first, as the kernel removes the channel at once: a slow removal must not leave
        // old files for a new export to find.
        const gone = join(chipPath, `.gone-${process.hrtime.bigint()}`);
        if (
          await rename(join(chipPath, `pwm${unexported}`), gone).then(
            () => true,
            () => false,
          )
        )
          await rm(gone, { recursive: true });
      }
      if (exported) {
        const dir = join(chipPath, `pwm${exported}`);
        // Exporting an exported channel changes nothing (the kernel answers EBUSY).
        if (
          await mkdir(dir).then(
            () => false,
            () => true,
          )
        )
          return;
        for (const name of ['period', 'duty_cycle', 'enable']) {
          const file = join(dir, name);
          await writeFile(file, '0\n');
          await chmod(file, 0o444);
        }
        setTimeout(async () => {
          for (const name of ['period', 'duty_cycle', 'enable']) await chmod(join(dir, name), 0o664).catch(() => {});
        }, permissionDelayMs);
      }
    } finally {
      busy = false;
    }
  }, 5);
  return { stop: () => clearInterval(timer) };
}

/** Adds /sys/class/leds/`name` with its brightness at 0; returns the brightness file. */
export async function addLed(sysRoot: string, name: string): Promise<string> {
  const dir = join(sysRoot, 'class/leds', name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'max_brightness'), '1\n');
  await writeFile(join(dir, 'brightness'), '0\n');
  return join(dir, 'brightness');
}

/** Writes the board's model string where the device tree shows it. */
export async function setModel(sysRoot: string, model: string): Promise<void> {
  const dir = join(sysRoot, 'firmware/devicetree/base');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model'), `${model}\0`);
}
