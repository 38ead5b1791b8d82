import { charKey, KEY_ENTER, KEY_LEFTSHIFT } from '../reader/us-keymap.ts';

// Test support: the bytes a USB QR reader in keyboard mode makes the kernel write to its evdev device
// (64-bit struct input_event: timeval, type, code, value) when it types a text.

export const EV_SYN = 0;
export const EV_KEY = 1;
export const EV_MSC = 4;

export function inputEvent(ms: number, type: number, code: number, value: number): Buffer {
  const event = Buffer.alloc(24);
  const us = Math.round(ms * 1000);
  event.writeBigInt64LE(BigInt(Math.floor(us / 1_000_000)), 0);
  event.writeBigInt64LE(BigInt(us % 1_000_000), 8);
  event.writeUInt16LE(type, 16);
  event.writeUInt16LE(code, 18);
  event.writeInt32LE(value, 20);
  return event;
}

/** One key pressed and released, as a HID keyboard reports it (scan code, key, sync). */
export function keyStroke(ms: number, code: number): Buffer[] {
  return [
    inputEvent(ms, EV_MSC, 4, 0x70000 + code),
    inputEvent(ms, EV_KEY, code, 1),
    inputEvent(ms, EV_SYN, 0, 0),
    inputEvent(ms + 0.5, EV_KEY, code, 0),
    inputEvent(ms + 0.5, EV_SYN, 0, 0),
  ];
}

/** `text` typed from `startMs`, one character every `everyMs`, Shift held for the characters needing it, then Enter. */
export function typed(text: string, { startMs = 1_700_000_000_000, everyMs = 2, enter = true } = {}): Buffer {
  const events: Buffer[] = [];
  let ms = startMs;
  for (const char of text) {
    const key = charKey(char);
    if (!key) throw new Error(`No US key types ${JSON.stringify(char)}`);
    if (key.shift) events.push(inputEvent(ms, EV_KEY, KEY_LEFTSHIFT, 1), inputEvent(ms, EV_SYN, 0, 0));
    events.push(...keyStroke(ms, key.code));
    if (key.shift) events.push(inputEvent(ms + 0.6, EV_KEY, KEY_LEFTSHIFT, 0), inputEvent(ms + 0.6, EV_SYN, 0, 0));
    ms += everyMs;
  }
  if (enter) events.push(...keyStroke(ms, KEY_ENTER));
  return Buffer.concat(events);
}
