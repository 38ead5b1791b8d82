import { spawn } from 'node:child_process';

// libgpiod's gpiomon prints each edge of a GPIO line with the kernel's timestamp. Both generations of the
// tool are in use (Debian 12: v1, Debian 13: v2) and they differ in arguments and output, read here from
// libgpiod's tools/gpiomon.c of each branch:
//   v1: gpiomon [-b] [-F fmt] CHIP OFFSET; %e is 1 rising / 0 falling, %s seconds, %n nanoseconds (not
//       zero-padded); stdout is only line-buffered with -b. The timestamp is CLOCK_MONOTONIC on kernels ≥ 5.7.
//   v2: gpiomon [-E clock] [-F fmt] -c CHIP OFFSET; %e is 1 rising / 2 falling, %S is "seconds.nanoseconds"
//       (nine digits); it flushes after each batch of events.

export type GpiomonVersion = 1 | 2;

export interface Edge {
  rising: boolean;
  /** The kernel's timestamp, split so that uptimes beyond 104 days (2^53 ns) stay exact. */
  sec: number;
  nsec: number;
}

export class GpiomonMissing extends Error {
  override name = 'GpiomonMissing';
}

/** Asks `command --version` which generation it is. */
export async function gpiomonVersion(command: string, timeoutMs = 5000): Promise<GpiomonVersion> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, ['--version'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
    });
    child.stderr.on('data', (chunk) => {
      text += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT' ? new GpiomonMissing(`${command} not found: install libgpiod's tools (sudo apt install gpiod)`) : error,
      ),
    );
    child.on('close', () => resolve(text));
  });
  // v1: "gpiomon (libgpiod) v1.6.3"; v2: "gpiomon v2.1.2 (libgpiod v2.1.2)".
  const major = /\bv(\d+)\.\d+/.exec(output)?.[1];
  if (major === '1' || major === '2') return Number(major) as GpiomonVersion;
  throw new Error(`Cannot tell the libgpiod version of ${command} from: ${output.trim().split('\n')[0] || '(nothing)'}`);
}

/** The arguments watching both edges of `line` on `chip`, printing one edge a line. */
export function gpiomonArgs(version: GpiomonVersion, chip: string, line: number): string[] {
  return version === 1
    ? ['-b', '-F', '%e %s %n', chip, String(line)]
    : ['-E', 'monotonic', '-C', 'footarena-gate', '-F', '%e %S', '-c', chip, String(line)];
}

/** One line of gpiomon's output as an edge, or undefined when it is not one. */
export function parseEdge(version: GpiomonVersion, text: string): Edge | undefined {
  const match = version === 1 ? /^([01]) (\d+) (\d{1,9})$/.exec(text.trim()) : /^([12]) (\d+)\.(\d{9})$/.exec(text.trim());
  if (!match) return undefined;
  return { rising: match[1] === '1', sec: Number(match[2]), nsec: Number(match[3]) };
}
