import { describe, expect, it } from 'vitest';
import { WedgeReader } from './wedge.ts';

/** Types `text` one key every `every` ms from `at`; returns what the last key produced. */
function type(reader: WedgeReader, keys: string[], at: number, every = 10) {
  let out: string | null = null;
  keys.forEach((key, i) => {
    out = reader.press(key, at + i * every);
  });
  return out;
}

describe('the keyboard-wedge reader', () => {
  it('reads a code typed in one burst and ended by Enter', () => {
    const reader = new WedgeReader();
    expect(type(reader, [...'FA1:ABCDEFGH', 'Enter'], 0)).toBe('FA1:ABCDEFGH');
  });

  it('starts a new code after a pause of more than a second: a stray key is not its start', () => {
    const reader = new WedgeReader();
    reader.press('x', 0);
    expect(type(reader, [...'FA1:ABCDEFGH', 'Enter'], 1_001)).toBe('FA1:ABCDEFGH');
  });

  it('keeps a code whose keys come less than a second apart', () => {
    const reader = new WedgeReader();
    expect(type(reader, [...'ABCDEFGH', 'Enter'], 0, 1_000)).toBe('ABCDEFGH');
  });

  it('ends nothing with an Enter after fewer than 8 characters, and keeps them for the code', () => {
    const reader = new WedgeReader();
    expect(type(reader, [...'ABC', 'Enter'], 0)).toBeNull();
    expect(type(reader, [...'DEFGH', 'Enter'], 100)).toBe('ABCDEFGH');
  });

  it('ignores keys that type no character, and starts empty after a code', () => {
    const reader = new WedgeReader();
    expect(type(reader, ['Shift', ...'ABCD', 'Shift', ...'EFGH', 'Enter'], 0)).toBe('ABCDEFGH');
    expect(type(reader, [...'IJ', 'Enter'], 200)).toBeNull();
  });
});
