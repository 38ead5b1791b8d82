import { describe, expect, it } from 'vitest';
import { SameCodeFilter } from './camera.ts';

describe('the camera’s reads', () => {
  it('take a code that stays in view once', () => {
    const filter = new SameCodeFilter();
    expect(filter.accept('A', 0)).toBe(true);
    // Seen every frame for ten seconds: never again, since it never left the view for 3 s.
    for (let at = 100; at <= 10_000; at += 100) expect(filter.accept('A', at)).toBe(false);
  });

  it('take it again after it left the view for three seconds', () => {
    const filter = new SameCodeFilter();
    filter.accept('A', 0);
    expect(filter.accept('A', 2_999)).toBe(false);
    expect(filter.accept('A', 6_000)).toBe(true);
  });

  it('take another code at once, and the first one again after it', () => {
    const filter = new SameCodeFilter();
    filter.accept('A', 0);
    expect(filter.accept('B', 10)).toBe(true);
    expect(filter.accept('A', 20)).toBe(true);
  });

  it('take the code in view again when the steward asks', () => {
    const filter = new SameCodeFilter();
    filter.accept('A', 0);
    filter.forget();
    expect(filter.accept('A', 10)).toBe(true);
  });
});
