import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Test support: a stand-in for libgpiod's gpiomon, a shell script that answers --version like the real v1
// or v2 tool, records its arguments, prints recorded edges in that version's syntax, then waits like the
// real one (or fails the way it does when the line is busy).

export interface RecordedEdge {
  rising: boolean;
  /** Kernel timestamp in nanoseconds. */
  ns: bigint;
}

export interface FakeGpiomon {
  command: string;
  /** Where the script writes the arguments it was started with. */
  argsFile: string;
}

const VERSIONS = { 1: 'gpiomon (libgpiod) v1.6.3', 2: 'gpiomon v2.1.2 (libgpiod v2.1.2)' };

/** One edge as gpiomon prints it with the format the adapter asks for. */
export function formatEdge(version: 1 | 2, { rising, ns }: RecordedEdge): string {
  const sec = ns / 1_000_000_000n;
  const nsec = ns % 1_000_000_000n;
  return version === 1
    ? `${rising ? 1 : 0} ${sec} ${nsec}` // %e %s %n: nanoseconds not zero-padded
    : `${rising ? 1 : 2} ${sec}.${String(nsec).padStart(9, '0')}`; // %e %S
}

export async function writeFakeGpiomon(
  folder: string,
  version: 1 | 2,
  edges: RecordedEdge[],
  then: 'wait' | { exitCode: number; stderr: string } = 'wait',
  /** Edges printed 0.3 s after the first ones. */
  later: RecordedEdge[] = [],
): Promise<FakeGpiomon> {
  const command = join(folder, `gpiomon-v${version}`);
  const argsFile = `${command}.args`;
  const edgesFile = `${command}.edges`;
  const laterFile = `${command}.later`;
  const lines = (list: RecordedEdge[]) => list.map((edge) => `${formatEdge(version, edge)}\n`).join('');
  await writeFile(edgesFile, lines(edges));
  await writeFile(laterFile, lines(later));
  const end = then === 'wait' ? 'exec sleep 3600' : `echo ${JSON.stringify(then.stderr)} >&2\nexit ${then.exitCode}`;
  await writeFile(
    command,
    `#!/bin/sh
if [ "$1" = "--version" ]; then
  echo ${JSON.stringify(VERSIONS[version])}
  echo "Copyright (C) 2017-2023 Bartosz Golaszewski"
  exit 0
fi
printf '%s\\n' "$@" > ${JSON.stringify(argsFile)}
cat ${JSON.stringify(edgesFile)}
${later.length ? `sleep 0.3\ncat ${JSON.stringify(laterFile)}` : ''}
${end}
`,
  );
  await chmod(command, 0o755);
  return { command, argsFile };
}

/** The width of an echo from `cm` away, in nanoseconds (343 m/s, there and back). */
export const echoNs = (cm: number) => BigInt(Math.round((cm * 2) / (343 * 100 * 1e-9)));

/** Echo pulses of the given distances (null: the ~38 ms no-echo pulse), one every 66 ms from `startNs`. */
export function echoes(distances: (number | null)[], startNs = 9_000_000_000_000_123n): RecordedEdge[] {
  return distances.flatMap((cm, i) => {
    const rise = startNs + BigInt(i) * 66_000_000n;
    return [
      { rising: true, ns: rise },
      { rising: false, ns: rise + (cm === null ? 38_000_000n : echoNs(cm)) },
    ];
  });
}
