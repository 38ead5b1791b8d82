import { readFile } from 'node:fs/promises';
import type { GateConfig } from '../config.ts';
import { createSonarFilter } from './sonar-filter.ts';
import type { PassageSensor, SonarReading } from './types.ts';

// The HC-SR04 through the kernel's srf04 IIO driver, where a kernel has it: each read of in_distance_raw
// triggers one measurement and answers millimetres. The driver answers ETIMEDOUT when no echo starts
// (sensor missing) and EIO when the echo is longer than ~40 ms (some clones' no-echo pulse).

/** Failed measurements in a row before the sensor counts as not answering (~350 ms at the default pace). */
const FAILURES_BEFORE_ERROR = 5;

type IioSonar = Extract<GateConfig['sonar'], { source: 'iio' }>;

export function createIioSonar(sonar: IioSonar, { now = () => performance.now() }: { now?: () => number } = {}): PassageSensor {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  return {
    async start(onReading: (reading: SonarReading) => void, onError: (error: Error) => void) {
      if (!stopped) throw new Error('The sonar is already started');
      // A missing device is a configuration problem: say so at once rather than as a stream of errors.
      await readFile(sonar.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new Error(`No srf04 distance at ${sonar.path}: is the srf04 overlay loaded?`);
      });
      stopped = false;
      const filter = createSonarFilter(sonar.medianOf);
      let failures = 0;
      const measure = async () => {
        try {
          const mm = Number((await readFile(sonar.path, 'utf8')).trim());
          if (!Number.isFinite(mm)) throw new Error(`Not a distance in ${sonar.path}`);
          failures = 0;
          if (!stopped) onReading({ cm: filter(mm / 10), at: now() });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'ENODEV') {
            stopped = true;
            onError(new Error(`The sonar's device is gone (${sonar.path}): ${code}`));
            return;
          }
          failures += 1;
          if (failures === FAILURES_BEFORE_ERROR) {
            onError(
              new Error(`The sonar has not answered ${failures} times in a row (${code ?? (error as Error).message}): check its wiring`),
            );
          }
        }
        // Paced from the end of each read: a measurement itself takes up to ~60 ms.
        if (!stopped) timer = setTimeout(() => (running = measure()), sonar.everyMs);
      };
      running = measure();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
