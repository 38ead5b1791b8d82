import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { GateConfig } from '../config.ts';
import { type Edge, gpiomonArgs, gpiomonVersion, parseEdge } from './gpiomon.ts';
import { findPwmChip, openPwmChannel, type PwmChannel } from './pwm-sysfs.ts';
import { createSonarFilter } from './sonar-filter.ts';
import type { PassageSensor, SonarReading } from './types.ts';

// The HC-SR04 without a kernel driver: a second hardware PWM channel gives the 10 µs trigger ~15 times a
// second with no process involved, and gpiomon prints the echo line's edges with the kernel's timestamps,
// so a busy Node process delays readings but never distorts them. The echo's width is the sound's round trip.

/** ~15 Hz: room for the sensor's ~38 ms no-echo pulse and for the last ping's echoes to die down. */
export const TRIGGER_PERIOD_NS = 66_000_000;
/** The sensor wants at least 10 µs; a little more is harmless. */
export const TRIGGER_PULSE_NS = 12_000;
/** An echo this long is the sensor's timeout pulse: nothing within range. */
const NO_ECHO_NS = 30_000_000;
/** Shorter than the sensor's 2 cm minimum: a glitch on the line, not an echo. */
const MIN_ECHO_NS = 100_000;
/** The sensor needs 60 ms between measurements; readings closer than that are not given. */
const MIN_READING_GAP_NS = 60_000_000;
const SPEED_OF_SOUND_CM_PER_NS = 343 * 100 * 1e-9;

/** The distance an echo of `widthNs` measured: null for nothing in range, undefined for no echo at all. */
export function echoToCm(widthNs: number): number | null | undefined {
  if (widthNs < MIN_ECHO_NS) return undefined;
  if (widthNs >= NO_ECHO_NS) return null;
  return (widthNs * SPEED_OF_SOUND_CM_PER_NS) / 2;
}

const nsBetween = (from: Edge, to: Edge) => (to.sec - from.sec) * 1e9 + (to.nsec - from.nsec);

export interface EdgeSonarEnvironment {
  sysRoot?: string;
  /** The program's clock, stamped on each reading. */
  now?: () => number;
  /** With the trigger running, even an empty passage gives an edge every 66 ms: silence this long means the sensor is gone. */
  silenceMs?: number;
  permissionWaitMs?: number;
}

type GpiomonSonar = Extract<GateConfig['sonar'], { source: 'gpiomon' }>;
type Gpiomon = ChildProcessByStdio<null, Readable, Readable>;

export function createEdgeSonar(
  sonar: GpiomonSonar,
  /** The PWM controller giving the trigger (the servo's, on its other channel). */
  pwmChip: string,
  { sysRoot, now = () => performance.now(), silenceMs = 1000, permissionWaitMs }: EdgeSonarEnvironment = {},
): PassageSensor {
  let trigger: PwmChannel | undefined;
  let gpiomon: Gpiomon | undefined;
  let silence: NodeJS.Timeout | undefined;
  let stopping = false;

  const stop = async () => {
    stopping = true;
    clearTimeout(silence);
    const child = gpiomon;
    gpiomon = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exited;
      clearTimeout(killer);
    }
    const output = trigger;
    trigger = undefined;
    await output?.release();
  };

  return {
    async start(onReading: (reading: SonarReading) => void, onError: (error: Error) => void) {
      if (gpiomon) throw new Error('The sonar is already started');
      stopping = false;
      const version = await gpiomonVersion(sonar.gpiomon);
      try {
        const chip = await findPwmChip(pwmChip, sysRoot);
        trigger = await openPwmChannel({ chip, channel: sonar.triggerPwmChannel, permissionWaitMs });
        await trigger.configure(TRIGGER_PERIOD_NS, TRIGGER_PULSE_NS);
        await trigger.enable();

        const child = spawn(sonar.gpiomon, gpiomonArgs(version, sonar.chip, sonar.echoLine), { stdio: ['ignore', 'pipe', 'pipe'] });
        gpiomon = child;
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr = (stderr + chunk).slice(-2000);
        });
        child.on('exit', (code, signal) => {
          if (stopping) return;
          clearTimeout(silence);
          const why = stderr.trim().split('\n').at(-1) || `exit ${code ?? signal}`;
          onError(new Error(`gpiomon stopped watching the echo line: ${why}`));
        });
        await once(child, 'spawn');

        // Fires once per silence; each edge re-arms it, so a sensor that comes back and goes again is reported again.
        silence = setTimeout(() => {
          onError(new Error(`No echo from the sonar for ${silenceMs} ms: check its wiring, 5 V supply and trigger`));
        }, silenceMs);
        const filter = createSonarFilter(sonar.medianOf);
        let rise: Edge | undefined;
        let last: Edge | undefined;
        createInterface({ input: child.stdout }).on('line', (line) => {
          const edge = parseEdge(version, line);
          if (!edge) return;
          silence?.refresh();
          if (edge.rising) {
            rise = edge;
            return;
          }
          if (!rise) return; // a falling edge whose rising edge came before gpiomon started
          const start = rise;
          rise = undefined;
          const cm = echoToCm(nsBetween(start, edge));
          if (cm === undefined) return;
          const value = filter(cm);
          // Spaced by when each measurement began, on the kernel's clock: a burst of late output does not
          // count as fast readings, and a far echo ending late does not crowd out the next one.
          if (last && nsBetween(last, start) < MIN_READING_GAP_NS) return;
          last = start;
          onReading({ cm: value, at: now() });
        });
      } catch (error) {
        await stop();
        throw error;
      }
    },
    stop,
  };
}
