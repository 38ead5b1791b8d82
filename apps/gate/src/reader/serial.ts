import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CodeReader } from '../hardware/types.ts';
import { type AssemblerOptions, createCodeAssembler } from './code-assembler.ts';
import { type PolledDevice, type PollOptions, pollDevice } from './poll-device.ts';

// A USB QR reader in serial (CDC-ACM) mode, /dev/ttyACM0: one line per code, ended by CR (or LF).
// Without a native addon there is no tcsetattr, so `stty -F <path> raw -echo` sets the line first:
// raw, so the tty neither waits for a newline, nor turns CR into LF, nor treats a byte as ^C; -echo, so
// nothing is sent back to the reader. CDC-ACM ignores the baud rate. Codes are ASCII: one byte, one char.

const CR = 0x0d;
const LF = 0x0a;

export interface SerialEnvironment extends AssemblerOptions, PollOptions {
  /** The stty program (tests give a stand-in). */
  stty?: string;
  now?: () => number;
}

export function createSerialReader(
  path: string,
  { stty = 'stty', now = () => performance.now(), ...options }: SerialEnvironment = {},
): CodeReader {
  let device: PolledDevice | undefined;
  return {
    async start(onCode, onError) {
      if (device) throw new Error('The reader is already started');
      await promisify(execFile)(stty, ['-F', path, 'raw', '-echo'], { timeout: 5000 }).catch((error: Error & { stderr?: string }) => {
        throw new Error(`Cannot set ${path} to raw mode with stty: ${error.stderr?.trim() || error.message}`);
      });
      const codes = createCodeAssembler(onCode, options);
      const onData = (chunk: Buffer) => {
        const at = now();
        for (const byte of chunk) {
          if (byte === CR || byte === LF) codes.end(at);
          else codes.char(String.fromCharCode(byte), at);
        }
      };
      device = await pollDevice(path, onData, onError, options);
    },
    async stop() {
      const running = device;
      device = undefined;
      await running?.stop();
    },
  };
}
