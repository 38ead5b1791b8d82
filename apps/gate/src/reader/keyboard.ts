import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodeReader } from '../hardware/types.ts';
import { type AssemblerOptions, createCodeAssembler } from './code-assembler.ts';
import { type PolledDevice, type PollOptions, pollDevice } from './poll-device.ts';
import { KEY_CAPSLOCK, KEY_ENTER, KEY_KPENTER, KEY_LEFTSHIFT, KEY_RIGHTSHIFT, keyChar } from './us-keymap.ts';

// A USB QR reader acting as a keyboard, read from its evdev device rather than from a terminal: the codes
// arrive whatever has the console's focus, with the kernel's timestamps. Each `struct input_event` is
// 24 bytes on a 64-bit system: struct timeval (seconds and microseconds, 8 bytes each), then type (u16),
// code (u16) and value (s32), little-endian on the Pi.
// Without ioctl (EVIOCGRAB needs a native addon) the keys also reach the text console; the deployment
// keeps the console from doing anything with them (deploy/gate/GUIDE.md, step 8).

const EVENT_BYTES = 24;
const EV_SYN = 0;
const EV_KEY = 1;
const SYN_DROPPED = 3;
const KEY_DOWN = 1;
/** Ctrl, Alt, Meta and Num Lock: held or toggled around characters, they type nothing themselves. */
const SILENT_KEYS = new Set([29, 56, 69, 97, 100, 125, 126]);

/** The udev rule's stable name for the reader, tried first. */
export const READER_SYMLINK = 'footarena-reader';

/** The device `auto` means: the udev rule's symlink, or else the first keyboard listed by id. */
export async function findKeyboard(devRoot = '/dev'): Promise<string> {
  const symlink = join(devRoot, READER_SYMLINK);
  if (
    await stat(symlink).then(
      () => true,
      () => false,
    )
  )
    return symlink;
  const byId = join(devRoot, 'input/by-id');
  const names = await readdir(byId).catch(() => [] as string[]);
  const keyboard = names.filter((name) => name.endsWith('-event-kbd')).sort()[0];
  if (!keyboard)
    throw new Error(`No keyboard-like reader found: neither ${symlink} nor ${byId}/*-event-kbd exists (is the reader plugged in?)`);
  return join(byId, keyboard);
}

/** Turns the device's bytes into key presses, and those into codes. */
export function createKeyDecoder(onCode: (code: string) => void, options: AssemblerOptions = {}): (chunk: Buffer) => void {
  const codes = createCodeAssembler(onCode, options);
  let rest = Buffer.alloc(0);
  let leftShift = false;
  let rightShift = false;
  let capsLock = false;

  return (chunk) => {
    // The device gives whole events; a FIFO or file standing in for it may not.
    const bytes = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % EVENT_BYTES);
    for (let at = 0; at < whole; at += EVENT_BYTES) {
      const ms = Number(bytes.readBigInt64LE(at)) * 1000 + Number(bytes.readBigInt64LE(at + 8)) / 1000;
      const type = bytes.readUInt16LE(at + 16);
      const code = bytes.readUInt16LE(at + 18);
      const value = bytes.readInt32LE(at + 20);
      if (type === EV_SYN && code === SYN_DROPPED) codes.drop(); // the kernel's buffer overflowed: keys were lost
      if (type !== EV_KEY) continue;
      if (code === KEY_LEFTSHIFT) leftShift = value !== 0;
      else if (code === KEY_RIGHTSHIFT) rightShift = value !== 0;
      else if (value !== KEY_DOWN)
        continue; // releases, and the autorepeat a reader never means
      else if (code === KEY_CAPSLOCK) capsLock = !capsLock;
      else if (SILENT_KEYS.has(code)) continue;
      else if (code === KEY_ENTER || code === KEY_KPENTER) codes.end(ms);
      else {
        const char = keyChar(code, leftShift || rightShift, capsLock);
        if (char === undefined)
          codes.drop(); // a key that types nothing we know: the code cannot be read right
        else codes.char(char, ms);
      }
    }
    rest = Buffer.from(bytes.subarray(whole));
  };
}

export interface KeyboardEnvironment extends AssemblerOptions, PollOptions {
  devRoot?: string;
}

/** `path`: an evdev device, or `auto`. */
export function createKeyboardReader(path: string, { devRoot, ...options }: KeyboardEnvironment = {}): CodeReader {
  let device: PolledDevice | undefined;
  return {
    async start(onCode, onError) {
      if (device) throw new Error('The reader is already started');
      const resolved = path === 'auto' ? await findKeyboard(devRoot) : path;
      device = await pollDevice(resolved, createKeyDecoder(onCode, options), onError, options);
    },
    async stop() {
      const running = device;
      device = undefined;
      await running?.stop();
    },
  };
}
