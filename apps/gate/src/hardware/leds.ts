import { join } from 'node:path';
import type { GateConfig } from '../config.ts';
import { writeSysfs } from './sysfs.ts';
import type { Signal, Signals } from './types.ts';

// A green and a red LED and an active buzzer on GPIOs declared with the gpio-led overlay, so the kernel
// owns the pins and they show up as /sys/class/leds/<name>/brightness. Each part is optional.

type Part = 'green' | 'red' | 'buzzer';

/** What each signal lights steadily; `wait` alternates green and red, `refused` also beeps once. */
const STEADY: Record<Signal, Partial<Record<Part, boolean>>> = {
  ready: {},
  ok: { green: true },
  refused: { red: true },
  wait: {},
  fault: { red: true },
};

export interface LedEnvironment {
  sysRoot?: string;
  beepMs?: number;
  blinkMs?: number;
}

export function createLedSignals(
  names: GateConfig['signals'],
  { sysRoot = '/sys', beepMs = 150, blinkMs = 250 }: LedEnvironment = {},
): Signals {
  const parts = (['green', 'red', 'buzzer'] as const).filter((part) => names[part]);
  const set = (part: Part, on: boolean) => {
    const name = names[part];
    return name ? writeSysfs(join(sysRoot, 'class/leds', name, 'brightness'), on ? 1 : 0) : Promise.resolve();
  };
  let timers: NodeJS.Timeout[] = [];
  let inflight: Promise<void> = Promise.resolve();
  // Stops the timers and waits for a write they had begun, so it cannot land after the next signal's.
  const cancel = async () => {
    for (const timer of timers) clearTimeout(timer);
    timers = [];
    await inflight;
  };
  // A failure in a timer's write shows on the next show() (the same file fails again).
  const later = (step: () => Promise<void>) => () => {
    inflight = step().catch(() => {});
  };

  return {
    async show(signal) {
      await cancel();
      const steady = STEADY[signal];
      await Promise.all(parts.map((part) => set(part, steady[part] ?? false)));
      if (signal === 'refused' && names.buzzer) {
        await set('buzzer', true);
        // Not unref'd: the program must not exit with the buzzer sounding.
        timers.push(
          setTimeout(
            later(() => set('buzzer', false)),
            beepMs,
          ),
        );
      }
      if (signal === 'wait') {
        let phase = true;
        const flip = () => Promise.all([set('green', phase), set('red', !phase)]).then(() => {});
        await flip();
        const blink = setInterval(
          later(() => {
            phase = !phase;
            return flip();
          }),
          blinkMs,
        );
        blink.unref(); // blinking alone never keeps the program running
        timers.push(blink);
      }
    },
    async release() {
      await cancel();
      await Promise.allSettled(parts.map((part) => set(part, false)));
    },
  };
}
