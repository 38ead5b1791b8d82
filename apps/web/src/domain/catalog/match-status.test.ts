import { describe, expect, it } from 'vitest';
import { displayStatus } from './match-status.ts';

describe('the status people read', () => {
  const kickoffAt = new Date('2026-12-05T14:00:00Z');
  const before = new Date('2026-12-05T10:00:00Z');
  it('follows from seats and clock, not from anyone setting it', () => {
    expect(displayStatus({ status: 'on_sale', kickoffAt }, 12, before)).toBe('on_sale');
    expect(displayStatus({ status: 'on_sale', kickoffAt }, 0, before)).toBe('sold_out');
    expect(displayStatus({ status: 'scheduled', kickoffAt }, 0, before)).toBe('scheduled'); // not on sale: not "sold out"
    expect(displayStatus({ status: 'on_sale', kickoffAt }, 12, new Date('2026-12-05T15:59:00Z'))).toBe('on_sale'); // during the match
    expect(displayStatus({ status: 'on_sale', kickoffAt }, 12, new Date('2026-12-05T16:00:00Z'))).toBe('played');
    expect(displayStatus({ status: 'cancelled', kickoffAt }, 12, new Date('2026-12-06T00:00:00Z'))).toBe('cancelled');
    expect(displayStatus({ status: 'postponed', kickoffAt }, null, before)).toBe('postponed');
  });
});
