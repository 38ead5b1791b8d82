import { describe, expect, it } from 'vitest';
import { BASE45_ALPHABET, base45Length, decodeBase45, encodeBase45 } from './base45.ts';
import { prng } from './test-prng.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('base45', () => {
  it('matches the examples of RFC 9285', () => {
    expect(encodeBase45(text('AB'))).toBe('BB8');
    expect(encodeBase45(text('Hello!!'))).toBe('%69 VD92EX0');
    expect(encodeBase45(text('base-45'))).toBe('UJCLQE7W581');
    expect(decodeBase45('QED8WEX0')).toEqual(text('ietf!'));
  });

  it('round-trips random bytes of every length up to 64 (2,000 cases)', () => {
    const random = prng(45);
    for (let i = 0; i < 2000; i++) {
      const bytes = random.bytes(random.int(65));
      const encoded = encodeBase45(bytes);
      expect(encoded.length).toBe(base45Length(bytes.length));
      expect([...encoded].every((c) => BASE45_ALPHABET.includes(c))).toBe(true);
      expect(decodeBase45(encoded)).toEqual(bytes);
    }
  });

  it('refuses groups above their range, so each byte string has one text', () => {
    expect(decodeBase45('FGW')).toEqual(Uint8Array.of(0xff, 0xff)); // 65535, the largest group
    expect(decodeBase45('GGW')).toBeNull(); // 65536
    expect(decodeBase45('U5')).toEqual(Uint8Array.of(0xff)); // 255, the largest trailing pair
    expect(decodeBase45('V5')).toBeNull(); // 256
    expect(decodeBase45('::')).toBeNull();
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    for (const bad of ['A', 'ABCD', 'AB_', 'AB\n', 'ÀB8', 'B\u0000B', '😀8']) expect(decodeBase45(bad)).toBeNull();
    expect(decodeBase45('')).toEqual(new Uint8Array(0));
  });

  it('reads ASCII lowercase letters as uppercase and nothing else', () => {
    expect(decodeBase45('bb8')).toEqual(text('AB'));
    expect(decodeBase45('BB\u0138')).toBeNull(); // ĸ is not a letter of the alphabet in any case
  });
});
