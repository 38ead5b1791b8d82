// Linux key codes (include/uapi/linux/input-event-codes.h) to the characters a US layout gives, without
// and with Shift: the layout QR readers type in by default. FootArena codes need digits, capitals, space
// and $%*+-./: (base45); the rest is here so any code a reader sends arrives as it was printed.

export const KEY_ENTER = 28;
export const KEY_KPENTER = 96;
export const KEY_LEFTSHIFT = 42;
export const KEY_RIGHTSHIFT = 54;
export const KEY_CAPSLOCK = 58;

const KEYS = new Map<number, [string, string]>();
const row = (first: number, plain: string, shifted: string) => {
  for (let i = 0; i < plain.length; i++) KEYS.set(first + i, [plain[i]!, shifted[i]!]);
};
row(2, '1234567890-=', '!@#$%^&*()_+'); // KEY_1 … KEY_EQUAL
row(16, 'qwertyuiop[]', 'QWERTYUIOP{}'); // KEY_Q … KEY_RIGHTBRACE
row(30, "asdfghjkl;'`", 'ASDFGHJKL:"~'); // KEY_A … KEY_GRAVE
row(43, '\\zxcvbnm,./', '|ZXCVBNM<>?'); // KEY_BACKSLASH … KEY_SLASH
KEYS.set(57, [' ', ' ']); // KEY_SPACE
// The keypad, as some readers type digits (Num Lock on, as the console starts).
row(71, '789-456+1230.', '789-456+1230.'); // KEY_KP7 … KEY_KPDOT
KEYS.set(55, ['*', '*']); // KEY_KPASTERISK
KEYS.set(98, ['/', '/']); // KEY_KPSLASH

const LETTER = /^[a-z]$/i;

/** The character of key `code`, or undefined for a key that types none. Caps Lock only changes letters. */
export function keyChar(code: number, shift: boolean, capsLock = false): string | undefined {
  const pair = KEYS.get(code);
  if (!pair) return undefined;
  const char = pair[shift ? 1 : 0];
  return capsLock && LETTER.test(char) ? pair[shift ? 0 : 1] : char;
}

/** The key and Shift that type `char`: the reverse, for tests and recorded scans. */
export function charKey(char: string): { code: number; shift: boolean } | undefined {
  for (const [code, [plain, shifted]] of KEYS) {
    if (plain === char) return { code, shift: false };
    if (shifted === char) return { code, shift: true };
  }
  return undefined;
}
