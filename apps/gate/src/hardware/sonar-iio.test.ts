import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIioSonar } from './sonar-iio.ts';
import type { SonarReading } from './types.ts';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gate-iio-'));
  path = join(dir, 'in_distance_raw');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const config = () => ({ source: 'iio' as const, path, everyMs: 60, medianOf: 3 });

describe('the sonar through the srf04 IIO driver', () => {
  it('reads millimetres every period and gives the median in centimetres, beyond 4 m as nothing in range', async () => {
    await writeFile(path, '1234\n');
    const readings: SonarReading[] = [];
    const sonar = createIioSonar(config(), { now: () => 7 });
    await sonar.start(
      (r) => readings.push(r),
      (e) => expect.fail(e.message),
    );
    await vi.waitFor(() => expect(readings.length).toBeGreaterThanOrEqual(2));
    await writeFile(path, '6450\n');
    await vi.waitFor(() => expect(readings.at(-1)?.cm).toBeNull(), { timeout: 2000 });
    await sonar.stop();
    expect(readings[0]).toEqual({ cm: 123.4, at: 7 });
    const count = readings.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(readings).toHaveLength(count);
  });

  it('reports a sensor that keeps failing once, and a device that disappears', async () => {
    await mkdir(path); // reading it fails (EISDIR), as a measurement fails with ETIMEDOUT
    const errors: Error[] = [];
    const sonar = createIioSonar(config());
    await sonar.start(
      () => expect.fail('no reading expected'),
      (e) => errors.push(e),
    );
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 2000 });
    expect(errors[0]!.message).toMatch(/has not answered 5 times in a row \(EISDIR\)/);
    await rm(path, { recursive: true });
    await vi.waitFor(() => expect(errors).toHaveLength(2), { timeout: 2000 });
    expect(errors[1]!.message).toMatch(/device is gone .*ENOENT/);
    await sonar.stop();
  });

  it('refuses to start without the driver, naming the path', async () => {
    await expect(
      createIioSonar(config()).start(
        () => {},
        () => {},
      ),
    ).rejects.toThrow(/No srf04 distance at .*in_distance_raw/);
  });
});
