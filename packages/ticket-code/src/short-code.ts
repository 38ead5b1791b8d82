// Short codes: what a person types when a ticket's QR cannot be scanned (a cracked screen, a printout
// in the rain). Printed under every QR, e.g. `K7M-Q4P-9XT`. Not signed and not secret: a short code is
// only ever looked up within the match being scanned, by a paired device, and admits by the same
// single-entry update as the QR. Pure: no crypto here (the random part is the caller's).
//
// - Alphabet: 29 symbols, no 0/O, 1/I/L, U (read as V), Z (read as 2). 29 is prime, which is what the
//   check character needs.
// - 9 characters: 8 random (29^8 ≈ 5·10^11 per match) and a check character. The whole code satisfies
//   Σ (i + 1) · value(c_i) ≡ 0 (mod 29), i = 0…8: every weight is non-zero and differs from its
//   neighbours' mod 29, so one mistyped character, and two neighbours swapped, always fail the check.
// - Typed with or without dashes and spaces, in any case.

export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXY';
const BASE = SHORT_CODE_ALPHABET.length; // 29, prime
/** Random characters, then one check character. */
export const SHORT_CODE_RANDOM_LENGTH = 8;
export const SHORT_CODE_LENGTH = SHORT_CODE_RANDOM_LENGTH + 1;

const VALUE = new Map([...SHORT_CODE_ALPHABET].map((char, value) => [char, value]));

function weightedSum(chars: string): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += (i + 1) * VALUE.get(chars[i]!)!;
  return sum % BASE;
}

/** The inverse of the check character's weight (SHORT_CODE_LENGTH) mod 29, found once. */
const CHECK_WEIGHT_INVERSE = (() => {
  for (let x = 1; x < BASE; x++) if ((SHORT_CODE_LENGTH * x) % BASE === 1) return x;
  throw new Error('the short-code base must be prime');
})();

/** The check character that completes 8 characters of the alphabet. */
export function checkCharacter(body: string): string {
  if (body.length !== SHORT_CODE_RANDOM_LENGTH || ![...body].every((c) => VALUE.has(c))) {
    throw new TypeError(`a short code's body is ${SHORT_CODE_RANDOM_LENGTH} characters of its alphabet`);
  }
  const value = (((BASE - weightedSum(body)) % BASE) * CHECK_WEIGHT_INVERSE) % BASE;
  return SHORT_CODE_ALPHABET[value]!;
}

/**
 * A new short code from random bytes (at least SHORT_CODE_RANDOM_LENGTH; each picks one character,
 * by rejection so that every character is equally likely). Returns null when the bytes run out
 * before the code is complete (rare: draw more).
 */
export function shortCodeFromBytes(bytes: Uint8Array): string | null {
  const limit = 256 - (256 % BASE); // 232: bytes at or above it would favour the first characters
  let body = '';
  for (const byte of bytes) {
    if (byte >= limit) continue;
    body += SHORT_CODE_ALPHABET[byte % BASE];
    if (body.length === SHORT_CODE_RANDOM_LENGTH) return body + checkCharacter(body);
  }
  return null;
}

/** The random bytes shortCodeFromBytes almost always completes a code with (rejection is 9 % per byte). */
export const SHORT_CODE_RANDOM_BYTES = 16;

export type ShortCodeParse =
  /** A short code whose check character is right: `code` is its canonical form (9 characters, no dash). */
  | { kind: 'short'; code: string }
  /** Shaped like a short code, but its check character is wrong: a typo. Never looked up. */
  | { kind: 'typo' }
  /** Not a short code at all (a QR code's text, say). */
  | { kind: 'other' };

/**
 * Reads what a person typed: dashes, spaces and case do not matter. Never throws. Only text that is 9
 * characters of the alphabet once dashes and spaces are gone is a short code (or a typo of one).
 */
export function parseShortCode(text: unknown): ShortCodeParse {
  if (typeof text !== 'string' || text.length > 40) return { kind: 'other' };
  const code = text.replace(/[\s-]+/g, '').replace(/[a-z]/g, (c) => c.toUpperCase());
  if (code.length !== SHORT_CODE_LENGTH) return { kind: 'other' };
  // A character outside the alphabet but still a letter or digit (an O for a 0…) is a typo too.
  if (!/^[0-9A-Z]+$/.test(code)) return { kind: 'other' };
  if (![...code].every((c) => VALUE.has(c))) return { kind: 'typo' };
  return weightedSum(code) === 0 ? { kind: 'short', code } : { kind: 'typo' };
}

/** The canonical code as people read it: three groups of three, `K7M-Q4P-9XT`. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`;
}
