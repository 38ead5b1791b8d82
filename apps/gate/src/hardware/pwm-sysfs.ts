import { constants } from 'node:fs';
import { access, readdir, readlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readSysfs, writeSysfs } from './sysfs.ts';

// One hardware PWM channel through the kernel's sysfs interface (Documentation/ABI/testing/sysfs-class-pwm).
// The pwmchipN number changes between models and kernels, so the chip is found by the device it belongs
// to, never by its number.

/** The PWM controllers that can drive GPIO18/19: the BCM2711's on a Pi 4, RP1's PWM0 on a Pi 5. */
export const KNOWN_PWM_DEVICES = ['fe20c000.pwm', '1f00098000.pwm'];

export interface PwmChip {
  /** e.g. /sys/class/pwm/pwmchip0 */
  path: string;
  /** The device it belongs to, e.g. fe20c000.pwm */
  device: string;
}

export class PwmChipNotFound extends Error {
  override name = 'PwmChipNotFound';
  /** The devices of the PWM chips that do exist. */
  readonly present: string[];
  constructor(wanted: string, present: string[]) {
    const seen = present.length ? `only ${present.join(', ')}` : 'no PWM chip at all';
    super(`No PWM chip for ${wanted === 'auto' ? KNOWN_PWM_DEVICES.join(' or ') : wanted}: the system has ${seen}`);
    this.present = present;
  }
}

export class PwmPermissionDenied extends Error {
  override name = 'PwmPermissionDenied';
  readonly path: string;
  constructor(path: string) {
    super(`No permission to write ${path} (still denied after waiting for udev)`);
    this.path = path;
  }
}

/** The PWM chips present, with the device each belongs to. */
export async function listPwmChips(sysRoot = '/sys'): Promise<PwmChip[]> {
  const dir = join(sysRoot, 'class/pwm');
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const chips = names.filter((name) => name.startsWith('pwmchip')).sort();
  return Promise.all(
    chips.map(async (name) => {
      const path = join(dir, name);
      // The `device` symlink points at the controller, e.g. ../../../fe20c000.pwm.
      const target = await readlink(join(path, 'device')).catch(() => '');
      return { path, device: basename(target) };
    }),
  );
}

/** The chip of `device` (a name like fe20c000.pwm), or with `auto` the first of the known Raspberry Pi ones. */
export async function findPwmChip(device: string, sysRoot = '/sys'): Promise<PwmChip> {
  const chips = await listPwmChips(sysRoot);
  const wanted = device === 'auto' ? KNOWN_PWM_DEVICES : [device];
  const chip = chips.find((c) => wanted.includes(c.device));
  if (!chip) throw new PwmChipNotFound(device, chips.map((c) => c.device).filter(Boolean));
  return chip;
}

export interface PwmChannel {
  readonly path: string;
  /** Sets period and duty cycle in nanoseconds, in the order the kernel accepts (duty never above period). */
  configure(periodNs: number, dutyNs: number): Promise<void>;
  enable(): Promise<void>;
  disable(): Promise<void>;
  /** Stops the output and unexports the channel. */
  release(): Promise<void>;
}

export interface OpenPwmOptions {
  chip: PwmChip;
  channel: number;
  /** How long to wait for udev to give the exported files to the gpio group. */
  permissionWaitMs?: number;
}

export async function openPwmChannel({ chip, channel, permissionWaitMs = 3000 }: OpenPwmOptions): Promise<PwmChannel> {
  const path = join(chip.path, `pwm${channel}`);
  const file = (name: string) => join(path, name);
  await writeSysfs(join(chip.path, 'export'), channel).catch((error: NodeJS.ErrnoException) => {
    // Already exported (a run that crashed, or another user): take it over.
    if (error.code !== 'EBUSY') throw error;
  });
  // The kernel creates pwmN at once, owned by root; udev then runs its rule and fixes the group a moment later.
  for (const name of ['period', 'duty_cycle', 'enable']) await untilWritable(file(name), permissionWaitMs);

  return {
    path,
    async configure(periodNs, dutyNs) {
      if (!Number.isInteger(periodNs) || !Number.isInteger(dutyNs) || periodNs <= 0 || dutyNs < 0 || dutyNs > periodNs) {
        throw new RangeError(`Bad PWM setting: duty ${dutyNs} ns, period ${periodNs} ns (duty must lie within the period)`);
      }
      // The kernel refuses any moment where duty > period: lowering the period below the current duty
      // needs the duty written first.
      const currentDuty = Number(await readSysfs(file('duty_cycle')));
      if (currentDuty <= periodNs) {
        await writeSysfs(file('period'), periodNs);
        await writeSysfs(file('duty_cycle'), dutyNs);
      } else {
        await writeSysfs(file('duty_cycle'), dutyNs);
        await writeSysfs(file('period'), periodNs);
      }
    },
    enable: () => writeSysfs(file('enable'), 1),
    disable: () => writeSysfs(file('enable'), 0),
    async release() {
      await writeSysfs(file('enable'), 0).catch(() => {});
      await writeSysfs(join(chip.path, 'unexport'), channel).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EINVAL' && error.code !== 'ENOENT') throw error;
      });
    },
  };
}

async function untilWritable(path: string, waitMs: number): Promise<void> {
  const deadline = performance.now() + waitMs;
  for (;;) {
    try {
      await access(path, constants.W_OK);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EACCES' && code !== 'ENOENT') throw error;
      if (performance.now() >= deadline) {
        if (code === 'EACCES') throw new PwmPermissionDenied(path);
        throw error;
      }
      await sleep(25);
    }
  }
}
