import { describe, expect, it } from 'vitest';
import { fromBrusselsLocal, toBrusselsLocal } from './time.ts';

describe('Brussels wall-clock time', () => {
  it('converts a winter kick-off (UTC+1) and a summer one (UTC+2)', () => {
    expect(fromBrusselsLocal('2026-12-05T15:00').toISOString()).toBe('2026-12-05T14:00:00.000Z');
    expect(fromBrusselsLocal('2026-08-15T20:30').toISOString()).toBe('2026-08-15T18:30:00.000Z');
  });

  it('keeps a kick-off at 00:30 on its own Brussels day', () => {
    const instant = fromBrusselsLocal('2027-01-01T00:30');
    expect(instant.toISOString()).toBe('2026-12-31T23:30:00.000Z');
    expect(toBrusselsLocal(instant)).toBe('2027-01-01T00:30');
  });

  it('round-trips every hour across both daylight-saving changes of 2026', () => {
    for (const day of ['2026-03-28', '2026-03-29', '2026-10-24', '2026-10-25']) {
      for (let hour = 0; hour < 24; hour++) {
        const local = `${day}T${String(hour).padStart(2, '0')}:15`;
        const skipped = day === '2026-03-29' && hour === 2; // 02:00–03:00 does not exist that night
        if (!skipped) expect(toBrusselsLocal(fromBrusselsLocal(local))).toBe(local);
      }
    }
  });

  it('takes the first of the two 02:30s in October and moves a skipped March time forward', () => {
    expect(fromBrusselsLocal('2026-10-25T02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(toBrusselsLocal(fromBrusselsLocal('2026-03-29T02:30'))).toBe('2026-03-29T03:30');
  });

  it('refuses what is not a time', () => {
    for (const bad of ['tomorrow', '2026-13-01T10:00', '2026-12-05 15:00', '2026-12-05T15:00:00Z']) {
      expect(() => fromBrusselsLocal(bad)).toThrow(RangeError);
    }
  });
});
