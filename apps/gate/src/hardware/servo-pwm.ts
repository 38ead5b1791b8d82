import type { GateConfig } from '../config.ts';
import { findPwmChip, openPwmChannel, type PwmChannel } from './pwm-sysfs.ts';
import type { GateArm } from './types.ts';

// The gate's arm on an SG90 servo driven by hardware PWM: a pulse every 20 ms whose width sets the angle
// (calibrated per unit in the configuration). The pulses come from the PWM controller, so the arm holds
// its position with no process awake, and a busy CPU cannot make it twitch.

export const SERVO_PERIOD_NS = 20_000_000;

export interface ServoEnvironment {
  sysRoot?: string;
  permissionWaitMs?: number;
}

export function createServoArm(servo: GateConfig['servo'], { sysRoot, permissionWaitMs }: ServoEnvironment = {}): GateArm {
  let channel: Promise<PwmChannel> | undefined;
  // Commands run one after the other: two interleaved period/duty sequences could leave a wrong angle.
  let queue: Promise<unknown> = Promise.resolve();

  const pwm = () => {
    channel ??= findPwmChip(servo.chip, sysRoot)
      .then((chip) => openPwmChannel({ chip, channel: servo.channel, permissionWaitMs }))
      .catch((error: unknown) => {
        channel = undefined; // try again on the next command (udev may have been slow)
        throw error;
      });
    return channel;
  };
  const run = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step);
    queue = next.catch(() => {});
    return next;
  };
  const move = (pulseUs: number) =>
    run(async () => {
      const output = await pwm();
      await output.configure(SERVO_PERIOD_NS, pulseUs * 1000);
      await output.enable();
    });

  return {
    open: () => move(servo.openPulseUs),
    close: () => move(servo.closedPulseUs),
    release: () =>
      run(async () => {
        if (!channel) return;
        const output = await channel.catch(() => undefined);
        channel = undefined;
        // Without pulses the SG90 stops holding: the arm stays where it is, limp.
        await output?.release();
      }),
  };
}
