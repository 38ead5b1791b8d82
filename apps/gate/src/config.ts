import { readFileSync } from 'node:fs';
import { z } from 'zod';

// The gate's one configuration file (JSON), read once at start. Everything but the server's address
// has a default; a bad value stops the program with a message naming the key.

const ms = (fallback: number, min = 0, max = 600_000) => z.number().int().min(min).max(max).default(fallback);

const Servo = z
  .strictObject({
    /** The PWM controller, by its device in sysfs (pwmchipN numbers change between models); auto: Pi 4 or Pi 5's. */
    chip: z.string().min(1).default('auto'),
    /** GPIO18 is channel 0 on a Pi 4 and channel 2 on a Pi 5 (RP1). */
    channel: z.number().int().min(0).max(3).default(0),
    /** SG90 pulses, calibrated per unit: 0.5–2.5 ms at 50 Hz. */
    closedPulseUs: z.number().int().min(500).max(2500).default(1000),
    openPulseUs: z.number().int().min(500).max(2500).default(2000),
  })
  .refine((s) => s.closedPulseUs !== s.openPulseUs, { message: 'closedPulseUs and openPulseUs must differ', path: ['openPulseUs'] });

const Sonar = z.discriminatedUnion('source', [
  z.strictObject({
    /** Echo timed from kernel edge timestamps printed by libgpiod's gpiomon (v1 or v2, detected). */
    source: z.literal('gpiomon'),
    gpiomon: z.string().min(1).default('gpiomon'),
    chip: z.string().min(1).default('gpiochip0'),
    echoLine: z.number().int().min(0).max(63).default(24),
    /** The 10 µs trigger pulse comes from a second hardware PWM channel (~15 Hz), no process needed. */
    triggerPwmChannel: z.number().int().min(0).max(3).default(1),
    /** Readings taken for each value given (median), at least 60 ms apart. */
    medianOf: z.number().int().min(1).max(9).default(3),
  }),
  z.strictObject({
    /** The kernel's srf04 IIO driver, where a kernel has it: millimetres in in_distance_raw. */
    source: z.literal('iio'),
    path: z.string().min(1).default('/sys/bus/iio/devices/iio:device0/in_distance_raw'),
    everyMs: ms(70, 60, 1000),
    medianOf: z.number().int().min(1).max(9).default(3),
  }),
]);

const Reader = z.discriminatedUnion('kind', [
  /** A USB 2D reader acting as a keyboard: an evdev device, grabbed so keys do not reach the console. */
  z.strictObject({ kind: z.literal('keyboard'), path: z.string().min(1).default('auto') }),
  /** A USB reader in serial (CDC) mode: lines ending with CR. */
  z.strictObject({ kind: z.literal('serial'), path: z.string().min(1).default('/dev/ttyACM0') }),
]);

/** LEDs and a buzzer through the gpio-led overlay: names under /sys/class/leds. */
const Signals = z.strictObject({
  green: z.string().min(1).optional(),
  red: z.string().min(1).optional(),
  buzzer: z.string().min(1).optional(),
});

export const GateConfig = z.strictObject({
  server: z.strictObject({
    /** The FootArena site this gate admits for, e.g. https://tickets.example.be. */
    url: z.url({ protocol: /^https?$/ }),
  }),
  /** Where the token, the synced lists and the queue of offline scans are kept (survives a power cut). */
  dataDir: z.string().min(1).default('/var/lib/footarena-gate'),
  /** pi: the real parts; simulated: the simulator's (no hardware). */
  hardware: z.enum(['pi', 'simulated']).default('pi'),
  /** The match to admit for; by default the club's match whose gates open next (or are open). */
  matchId: z.uuid().optional(),
  /** The stand this entrance serves; tickets of other stands are refused. */
  standId: z.uuid().optional(),
  servo: Servo.default({ chip: 'auto', channel: 0, closedPulseUs: 1000, openPulseUs: 2000 }),
  sonar: Sonar.default({ source: 'gpiomon', gpiomon: 'gpiomon', chip: 'gpiochip0', echoLine: 24, triggerPwmChannel: 1, medianOf: 3 }),
  reader: Reader.default({ kind: 'keyboard', path: 'auto' }),
  signals: Signals.default({}),
  passage: z
    .strictObject({
      /** Something nearer than this is a person in the passage. */
      occupiedBelowCm: z.number().min(5).max(400).default(70),
      /** How long a reading must hold before the passage counts as occupied, or as clear again. */
      occupiedForMs: ms(120, 0, 5000),
      clearForMs: ms(300, 0, 5000),
    })
    .default({ occupiedBelowCm: 70, occupiedForMs: 120, clearForMs: 300 }),
  timing: z
    .strictObject({
      /** How long to wait for the server before deciding offline. */
      redeemTimeoutMs: ms(700, 100, 10_000),
      /** The arm's travel, open or closed. */
      armTravelMs: ms(400, 0, 5000),
      /** Nobody passes in this time after opening: close, report "admitted, not passed". */
      passTimeoutMs: ms(10_000, 1000),
      /** The person has passed: wait this long before closing. */
      closeDelayMs: ms(800),
      /** The passage occupied longer than this while open: report it (loitering or tailgating). */
      maxOccupiedMs: ms(6000, 1000),
      /** How long the result shows on the LEDs. */
      showResultMs: ms(1500, 200, 10_000),
      syncEveryMs: ms(10_000, 1000),
      healthEveryMs: ms(30_000, 5000),
    })
    .default({
      redeemTimeoutMs: 700,
      armTravelMs: 400,
      passTimeoutMs: 10_000,
      closeDelayMs: 800,
      maxOccupiedMs: 6000,
      showResultMs: 1500,
      syncEveryMs: 10_000,
      healthEveryMs: 30_000,
    }),
});
export type GateConfig = z.infer<typeof GateConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The configuration in `text` (JSON), or a ConfigError naming every bad key. */
export function parseConfig(text: string, source = 'the configuration'): GateConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = GateConfig.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
  throw new ConfigError(`${source} has ${problems.length === 1 ? 'a bad value' : 'bad values'}:\n${problems.join('\n')}`);
}

export function loadConfig(path: string): GateConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `Cannot read the configuration file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parseConfig(text, path);
}
