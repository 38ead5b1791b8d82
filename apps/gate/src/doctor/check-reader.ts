import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { findKeyboard } from '../reader/keyboard.ts';
import { type CheckResult, type DoctorContext, PERMISSION_FIX } from './check.ts';

// Finds the QR reader's device, checks this user may read it, and with someone at the gate waits for a scan.

const SCAN_MS = 20_000;

export async function checkReader({ config, hardware, devRoot, say, interactive, sleep }: DoctorContext): Promise<CheckResult> {
  const part = 'QR reader';
  const { kind, path } = config.reader;
  let device: string;
  try {
    device = kind === 'keyboard' && path === 'auto' ? await findKeyboard(devRoot) : path;
    await access(device, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES') return { ok: false, part, summary: `This user may not read ${path}`, details: [PERMISSION_FIX] };
    return {
      ok: false,
      part,
      summary: code === 'ENOENT' ? `No reader at ${path}` : (error as Error).message,
      details:
        kind === 'keyboard'
          ? [
              'Plug the reader in; `ls /dev/input/by-id` should list it as …-event-kbd',
              'A reader set to serial (USB CDC) mode needs "reader": { "kind": "serial" }',
            ]
          : [
              'Plug the reader in; in serial (USB CDC) mode it shows as /dev/ttyACM0',
              'A reader typing like a keyboard needs "reader": { "kind": "keyboard" }',
            ],
    };
  }
  if (!interactive) return { ok: true, part, summary: `${device} is there and readable; nobody was there to scan` };

  const codes: string[] = [];
  const errors: Error[] = [];
  try {
    await hardware.reader.start(
      (code) => codes.push(code),
      (error) => errors.push(error),
    );
  } catch (error) {
    return { ok: false, part, summary: `Cannot read ${device}: ${(error as Error).message}` };
  }
  try {
    say(`Scan any QR code now (within ${SCAN_MS / 1000} seconds).`);
    for (let waited = 0; waited < SCAN_MS && !codes.length && !errors.length; waited += 100) await sleep(100);
    if (errors.length) return { ok: false, part, summary: errors[0]!.message };
    const code = codes[0];
    if (code === undefined) {
      return {
        ok: false,
        part,
        summary: `No code read from ${device} in ${SCAN_MS / 1000} seconds`,
        details: [
          'Did the reader beep? If not, it did not see the code: hold it 10–20 cm from the QR code',
          `If it beeped, it may be in another mode than "${kind}", or another keyboard layout than US`,
        ],
      };
    }
    const ticket = code.startsWith('FA1:') ? 'a FootArena ticket' : 'not a FootArena ticket, but the reader works';
    return { ok: true, part, summary: `Read ${code.length} characters (${ticket}): ${code.slice(0, 24)}${code.length > 24 ? '…' : ''}` };
  } finally {
    await hardware.reader.stop();
  }
}
