import type { SonarReading } from '../hardware/types.ts';
import { type CheckResult, type DoctorContext, PERMISSION_FIX } from './check.ts';

// Watches the sonar with the passage clear (readings come, are steady, and read as clear), then, with
// someone there, while a hand or a person passes (the distance drops).

const CLEAR_MS = 3000;
const PASS_MS = 10_000;
/** Readings of a clear passage may spread this much; more is a loose or badly aimed sensor. */
const STEADY_CM = 10;

export async function checkSonar({ config, hardware, say, interactive, sleep }: DoctorContext): Promise<CheckResult> {
  const part = 'Sonar';
  const threshold = config.passage.occupiedBelowCm;
  const readings: SonarReading[] = [];
  const errors: Error[] = [];
  if (interactive) say(`Keep the passage clear for ${CLEAR_MS / 1000} seconds.`);
  try {
    await hardware.sensor.start(
      (reading) => readings.push(reading),
      (error) => errors.push(error),
    );
  } catch (error) {
    return failure(part, `The sonar did not start: ${(error as Error).message}`, error as Error);
  }
  try {
    await sleep(CLEAR_MS);
    if (errors.length) return failure(part, errors[0]!.message, errors[0]!);
    if (!readings.length) return failure(part, `No reading in ${CLEAR_MS / 1000} seconds`);
    const distances = readings.map((r) => r.cm).filter((cm): cm is number => cm !== null);
    if (!distances.length) {
      return {
        ok: false,
        part,
        summary: 'The sonar sees nothing within 4 m',
        details: [
          'Aim it straight across the passage, at a post or wall 1–2 m away',
          'Check the echo wire and its divider: HC-SR04 Echo → 1 kΩ → GPIO24 (pin 18), and GPIO24 → 2 kΩ → ground',
        ],
      };
    }
    const nearest = Math.min(...distances);
    const farthest = Math.max(...distances);
    const typical = distances.sort((a, b) => a - b)[Math.floor(distances.length / 2)]!;
    if (farthest - nearest > STEADY_CM || distances.length < readings.length * 0.8) {
      return {
        ok: false,
        part,
        summary: `Unsteady readings with the passage clear: ${nearest}–${farthest} cm${distances.length < readings.length ? ', sometimes nothing' : ''}`,
        details: [
          'Fix the sensor firmly and aim it at something flat and still across the passage',
          'Keep the wires short, away from the servo',
        ],
      };
    }
    if (typical < threshold) {
      return {
        ok: false,
        part,
        summary: `The clear passage reads ${typical} cm, which counts as someone there (passage.occupiedBelowCm is ${threshold})`,
        details: [`Aim the sensor farther across, or set passage.occupiedBelowCm below ${Math.floor(typical * 0.8)}`],
      };
    }
    if (!interactive) {
      return { ok: true, part, summary: `Steady at ${typical} cm with the passage clear; nobody was there to pass a hand` };
    }

    say(`Now walk through the passage, or pass a hand in front of the sensor (within ${PASS_MS / 1000} seconds).`);
    const from = readings.length;
    const deadline = PASS_MS / 200;
    for (let i = 0; i < deadline && !readings.slice(from).some((r) => r.cm !== null && r.cm < threshold); i++) await sleep(200);
    const passing = readings.slice(from).filter((r) => r.cm !== null && r.cm < threshold);
    if (!passing.length) {
      return {
        ok: false,
        part,
        summary: `Nothing came nearer than ${threshold} cm while someone passed (clear: ${typical} cm)`,
        details: ['Mount the sensor at waist height (about 1 m), facing across the passage'],
      };
    }
    return {
      ok: true,
      part,
      summary: `Steady at ${typical} cm when clear, ${Math.min(...passing.map((r) => r.cm!))} cm when someone passed`,
    };
  } finally {
    await hardware.sensor.stop();
  }
}

function failure(part: string, summary: string, error?: Error): CheckResult {
  const text = `${summary} ${error?.message ?? ''}`;
  const details = /permission denied|EACCES/i.test(text)
    ? [PERMISSION_FIX]
    : /not found: install/.test(text)
      ? ['sudo apt install gpiod']
      : /PWM chip/.test(text)
        ? ['Run the PWM check first: the trigger needs the pwm-2chan overlay']
        : [
            'HC-SR04 wiring: VCC to 5 V (pin 2), GND to ground (pin 20), Trig to GPIO19 (pin 35), Echo through the 1 kΩ/2 kΩ divider to GPIO24 (pin 18)',
            'Check sonar.chip and sonar.echoLine (gpioinfo lists the lines)',
          ];
  return { ok: false, part, summary, details };
}
