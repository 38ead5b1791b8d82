import type { GateConfig } from '../config.ts';
import { createKeyboardReader } from '../reader/keyboard.ts';
import { createSerialReader } from '../reader/serial.ts';
import { createLedSignals } from './leds.ts';
import { createServoArm } from './servo-pwm.ts';
import { createEdgeSonar } from './sonar-edges.ts';
import { createIioSonar } from './sonar-iio.ts';
import type { Hardware } from './types.ts';

// The real parts of a Raspberry Pi gate, as the configuration chooses them. Nothing is touched until the
// controller uses a part; the roots are for tests and the doctor's tests (a fake /sys and /dev).

export interface PiEnvironment {
  sysRoot?: string;
  devRoot?: string;
  /** The program's clock, stamped on sonar readings. */
  now?: () => number;
  stty?: string;
}

export function createPiHardware(config: GateConfig, { sysRoot, devRoot, now, stty }: PiEnvironment = {}): Hardware {
  const { sonar, reader } = config;
  return {
    arm: createServoArm(config.servo, { sysRoot }),
    // The trigger is the servo controller's other channel.
    sensor: sonar.source === 'gpiomon' ? createEdgeSonar(sonar, config.servo.chip, { sysRoot, now }) : createIioSonar(sonar, { now }),
    signals: createLedSignals(config.signals, { sysRoot }),
    reader: reader.kind === 'keyboard' ? createKeyboardReader(reader.path, { devRoot }) : createSerialReader(reader.path, { stty }),
  };
}
