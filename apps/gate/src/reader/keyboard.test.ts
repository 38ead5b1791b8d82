import { execFile } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EV_KEY, EV_SYN, inputEvent, keyStroke, typed } from '../testing/fake-evdev.ts';
import { runScript, SRC } from '../testing/run-script.ts';
import { createKeyboardReader, createKeyDecoder, findKeyboard } from './keyboard.ts';

// A real FootArena code (base45: digits, capitals, space and $%*+-./:).
const CODE =
  'FA1:MC1UQ542EKH5GM7%+9 MHYWJW 3SG7X80/D1$ L6/FB4IHJBPXF8:JLVC/E3+3JOVR-R79AU%NPQNH534-+OXOMG$BOI9729LE2$BBX98AG7632%81R4S%ROMSQO*RJAL.EVZQ4PUAN5L8CDIOA1WT';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gate-kbd-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function decode(...chunks: Buffer[]) {
  const codes: string[] = [];
  const push = createKeyDecoder((code) => codes.push(code));
  for (const chunk of chunks) push(chunk);
  return codes;
}

describe('decoding key events', () => {
  it('gives a FootArena code as printed, Shift making its capitals and symbols, Enter ending it', () => {
    expect(decode(typed(CODE))).toEqual([CODE]);
  });

  it('reads every character of a US keyboard, keypad included', () => {
    const text = 'abc XYZ 0123456789 !@#$%^&*()_+-=[]{};\':",./<>?\\|`~';
    const keypad = [71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 55, 98].flatMap((code, i) => keyStroke(1000 + i, code));
    expect(decode(typed(text), Buffer.concat([...keypad, ...keyStroke(1100, 96)]))).toEqual([text, '789-456+1230.*/']);
  });

  it('puts events back together when they arrive cut at any byte', () => {
    const bytes = Buffer.concat([typed('FA1:AB C'), typed('FA1:$%*+-./:', { startMs: 1_700_000_001_000 })]);
    const pieces = [];
    for (let at = 0; at < bytes.length; at += 7) pieces.push(bytes.subarray(at, at + 7));
    expect(decode(...pieces)).toEqual(['FA1:AB C', 'FA1:$%*+-./:']);
  });

  it('drops half a code when the next key comes after a pause no reader makes', () => {
    const half = typed('FA1:HALF', { enter: false, startMs: 1_000_000 });
    const next = typed('FA1:WHOLE', { startMs: 1_000_000 + 16 + 500 });
    expect(decode(half, next)).toEqual(['FA1:WHOLE']);
    expect(decode(typed('FA1:SLOW', { everyMs: 250 }))).toEqual(['FA1:SLOW']);
  });

  it('drops a code longer than 512 characters, then reads the next one', () => {
    expect(decode(typed('A'.repeat(513)), typed('FA1:NEXT', { startMs: 1_700_000_002_000 }))).toEqual(['FA1:NEXT']);
    expect(decode(typed('A'.repeat(512)))).toEqual(['A'.repeat(512)]);
  });

  it('drops a code when the kernel lost events, or a key types nothing known; ignores Ctrl and follows Caps Lock', () => {
    const dropped = Buffer.concat([
      typed('FA1:AB', { enter: false }),
      inputEvent(1_700_000_000_020, EV_SYN, 3, 0),
      typed('CD', { startMs: 1_700_000_000_030 }),
    ]);
    const tab = Buffer.concat([
      typed('FA1:AB', { enter: false }),
      ...keyStroke(1_700_000_000_020, 15),
      typed('CD', { startMs: 1_700_000_000_030 }),
    ]);
    const ctrlAndCaps = Buffer.concat([
      inputEvent(1_700_000_000_000, EV_KEY, 29, 1),
      ...keyStroke(1_700_000_000_001, 58),
      typed('ab1', { startMs: 1_700_000_000_002 }),
    ]);
    expect(decode(dropped, tab, ctrlAndCaps, typed('OK', { startMs: 1_700_000_000_100 }))).toEqual(['AB1', 'ok']);
  });
});

describe('the keyboard reader', () => {
  it('finds the udev symlink first, else the first keyboard by id, and says so when there is none', async () => {
    await expect(findKeyboard(dir)).rejects.toThrow(/No keyboard-like reader found: neither .*footarena-reader nor .*by-id\/\*-event-kbd/);
    await mkdir(join(dir, 'input/by-id'), { recursive: true });
    for (const name of ['usb-Zebra_Scanner-event-kbd', 'usb-Acme_QR_Reader-event-kbd', 'usb-Acme_Mouse-event-mouse']) {
      await writeFile(join(dir, 'input/by-id', name), '');
    }
    await expect(findKeyboard(dir)).resolves.toBe(join(dir, 'input/by-id/usb-Acme_QR_Reader-event-kbd'));
    await symlink(join(dir, 'input/by-id/usb-Zebra_Scanner-event-kbd'), join(dir, 'footarena-reader'));
    await expect(findKeyboard(dir)).resolves.toBe(join(dir, 'footarena-reader'));
  });

  it('reads codes from the device as they come, and stops reading when stopped', async () => {
    const device = join(dir, 'event3');
    await writeFile(device, typed('FA1:FIRST'));
    const codes: string[] = [];
    const reader = createKeyboardReader(device);
    await reader.start(
      (code) => codes.push(code),
      (error) => expect.fail(error.message),
    );
    await vi.waitFor(() => expect(codes).toEqual(['FA1:FIRST']));
    await appendFile(device, typed('FA1:SECOND', { startMs: 1_700_000_005_000 }));
    await vi.waitFor(() => expect(codes).toEqual(['FA1:FIRST', 'FA1:SECOND']));
    await reader.stop();
    await appendFile(device, typed('FA1:THIRD', { startMs: 1_700_000_006_000 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(codes).toEqual(['FA1:FIRST', 'FA1:SECOND']);
  });

  it('reports a device that is unplugged (a read that ends)', async () => {
    const errors: Error[] = [];
    const reader = createKeyboardReader('/dev/null'); // a character device whose reads end at once
    await reader.start(
      () => {},
      (error) => errors.push(error),
    );
    await vi.waitFor(() => expect(errors.map((e) => e.message)).toEqual(['/dev/null was disconnected']));
    await reader.stop();
  });

  it('stops without waiting for a key: its process exits by itself while the device stays open and silent', async () => {
    const fifo = join(dir, 'event-fifo');
    await promisify(execFile)('mkfifo', [fifo]);
    // Opened read-write so it does not wait for a reader; kept open and silent after the code, like a reader nobody uses.
    const writer = await open(fifo, 'r+');
    await writer.write(typed('FA1:FIFO'));
    const script = `
      import { createKeyboardReader } from ${JSON.stringify(join(SRC, 'reader/keyboard.ts'))};
      const reader = createKeyboardReader(${JSON.stringify(fifo)});
      const code = await new Promise((resolve, reject) => reader.start(resolve, reject).catch(reject));
      await reader.stop();
      console.log(code);
    `;
    const result = await runScript(dir, script, { timeoutMs: 8000 });
    await writer.close();
    expect(result).toMatchObject({ timedOut: false, code: 0, stdout: 'FA1:FIFO\n', stderr: '' });
  });
});
