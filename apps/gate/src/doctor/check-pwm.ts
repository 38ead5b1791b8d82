import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { findPwmChip, openPwmChannel, PwmChipNotFound, PwmPermissionDenied } from '../hardware/pwm-sysfs.ts';
import { type CheckResult, type DoctorContext, PERMISSION_FIX, piModel } from './check.ts';

// The PWM controller the servo and the sonar's trigger need: there, enabled by the overlay, writable by
// this user, on the channels GPIO18 and GPIO19 use on this model.

const OVERLAY = 'dtoverlay=pwm-2chan,pin=18,func=2,pin2=19,func2=2';
const RP1_PWM0 = '1f00098000.pwm';

export async function checkPwm({ config, sysRoot }: DoctorContext): Promise<CheckResult> {
  const part = 'PWM (servo and sonar trigger)';
  const model = await piModel(sysRoot);
  let chip: Awaited<ReturnType<typeof findPwmChip>>;
  try {
    chip = await findPwmChip(config.servo.chip, sysRoot);
  } catch (error) {
    if (!(error instanceof PwmChipNotFound)) throw error;
    return {
      ok: false,
      part,
      summary: error.message,
      details: [
        `Add this line under [all] at the end of /boot/firmware/config.txt, then reboot: ${OVERLAY}`,
        ...(config.servo.chip === 'auto' ? [] : [`Or set servo.chip to "auto" (it is "${config.servo.chip}")`]),
      ],
    };
  }

  const channels = [config.servo.channel, ...(config.sonar.source === 'gpiomon' ? [config.sonar.triggerPwmChannel] : [])];
  const onPi5 = chip.device === RP1_PWM0 || model === 5;
  if (onPi5 && channels.some((channel) => channel < 2)) {
    return {
      ok: false,
      part,
      summary: `On a Raspberry Pi 5, GPIO18 is PWM channel 2 and GPIO19 channel 3 (the configuration uses ${channels.join(' and ')})`,
      details: ['Set "servo": { "channel": 2 } and "sonar": { "triggerPwmChannel": 3 } in the configuration'],
    };
  }

  try {
    await access(join(chip.path, 'export'), constants.W_OK);
  } catch {
    return { ok: false, part, summary: `This user may not use ${chip.path}`, details: [PERMISSION_FIX] };
  }
  for (const channel of channels) {
    try {
      const pwm = await openPwmChannel({ chip, channel });
      await pwm.release();
    } catch (error) {
      const details = error instanceof PwmPermissionDenied ? [PERMISSION_FIX] : [`Check the line ${OVERLAY} in /boot/firmware/config.txt`];
      return { ok: false, part, summary: `Channel ${channel} of ${chip.device}: ${(error as Error).message}`, details };
    }
  }
  return { ok: true, part, summary: `${chip.device} at ${chip.path}, channels ${channels.join(' and ')} usable` };
}
