import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  formatShortCode,
  parseShortCode,
  SHORT_CODE_ALPHABET,
  SHORT_CODE_LENGTH,
  SHORT_CODE_RANDOM_BYTES,
  shortCodeFromBytes,
} from './index.ts';
import { prng } from './test-prng.ts';
import * as web from './web.ts';

const random = prng(16);
const bytes = () => Uint8Array.from({ length: SHORT_CODE_RANDOM_BYTES }, () => random.int(256));
const codes = Array.from({ length: 500 }, () => shortCodeFromBytes(bytes())!);

describe('short codes', () => {
  it('use no character people confuse', () => {
    for (const ambiguous of '01OILUZ') expect(SHORT_CODE_ALPHABET).not.toContain(ambiguous);
    expect(new Set(SHORT_CODE_ALPHABET).size).toBe(29);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`));
  });

  it('read back typed with or without dashes and spaces, in any case', () => {
    for (const code of codes.slice(0, 50)) {
      const shown = formatShortCode(code);
      expect(shown).toMatch(/^.{3}-.{3}-.{3}$/);
      for (const typed of [code, shown, shown.toLowerCase(), ` ${shown.replaceAll('-', ' ')} `, code.toLowerCase()]) {
        expect(parseShortCode(typed)).toEqual({ kind: 'short', code });
      }
    }
  });

  it('catch every mistyped character and every swap of two neighbours', () => {
    for (const code of codes) {
      for (let i = 0; i < code.length; i++) {
        for (const other of SHORT_CODE_ALPHABET) {
          if (other === code[i]) continue;
          expect(parseShortCode(code.slice(0, i) + other + code.slice(i + 1)).kind, `${code} at ${i} → ${other}`).toBe('typo');
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(parseShortCode(swapped).kind, `${code} swapped at ${i}`).toBe('typo');
        }
      }
    }
  });

  it('tell a typo from text that is no short code', () => {
    expect(parseShortCode('K7M-Q4P-9X0').kind).toBe('typo'); // a zero is no character of the alphabet
    expect(parseShortCode('FA1:MC1UQ542EKH5GM7').kind).toBe('other');
    expect(parseShortCode('K7MQ4P9X').kind).toBe('other'); // a character short
    expect(parseShortCode('K7M.Q4P.9XT').kind).toBe('other');
    expect(parseShortCode(42).kind).toBe('other');
    expect(parseShortCode('é'.repeat(9)).kind).toBe('other');
  });

  it('are drawn evenly from random bytes, and need more bytes rarely', () => {
    expect(shortCodeFromBytes(new Uint8Array(8).fill(250))).toBeNull();
    const counts = new Map<string, number>();
    for (const code of codes) for (const char of code.slice(0, -1)) counts.set(char, (counts.get(char) ?? 0) + 1);
    const expected = (codes.length * 8) / 29;
    for (const char of SHORT_CODE_ALPHABET) expect(Math.abs((counts.get(char) ?? 0) - expected)).toBeLessThan(expected * 0.35);
    expect(() => checkCharacter('K7M')).toThrow(TypeError);
  });

  it('read the same in browsers', () => {
    for (const code of codes.slice(0, 20)) expect(web.parseShortCode(formatShortCode(code))).toEqual(parseShortCode(code));
  });
});
