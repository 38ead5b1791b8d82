import { describe, expect, it } from 'vitest';
import { displayStatus, matchSeatsLeft, saleIsOpen, seatsLeft } from './match-status.ts';

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
    expect(displayStatus({ status: 'on_sale', kickoffAt }, null, before)).toBe('on_sale'); // no stand open: nothing to sell out of
  });
});

describe('seats left', () => {
  it('counts held seats as taken until their hold lapses', () => {
    expect(seatsLeft({ cap: 250, sold: 40, held: 10 })).toBe(200);
    expect(seatsLeft({ cap: 10, sold: 10, held: 0 })).toBe(0);
    expect(seatsLeft({ cap: 10, sold: 8, held: 5 })).toBe(0); // never below zero
  });
  it('adds up a match, and says nothing of a match with no stand open', () => {
    expect(
      matchSeatsLeft([
        { cap: 100, sold: 100, held: 0 },
        { cap: 50, sold: 10, held: 5 },
      ]),
    ).toBe(35);
    expect(matchSeatsLeft([{ cap: 100, sold: 90, held: 10 }])).toBe(0);
    expect(matchSeatsLeft([])).toBeNull();
  });
});

describe('the sale window', () => {
  const kickoffAt = new Date('2026-12-05T14:00:00Z');
  const onSale = { status: 'on_sale' as const, kickoffAt, saleOpensAt: null, saleClosesAt: null };
  it('is open while on sale, from its opening to its closing', () => {
    const opens = new Date('2026-12-01T09:00:00Z');
    const closes = new Date('2026-12-05T12:00:00Z');
    const m = { ...onSale, saleOpensAt: opens, saleClosesAt: closes };
    expect(saleIsOpen(m, new Date('2026-12-01T08:59:59Z'))).toBe(false);
    expect(saleIsOpen(m, opens)).toBe(true);
    expect(saleIsOpen(m, new Date('2026-12-05T11:59:59Z'))).toBe(true);
    expect(saleIsOpen(m, closes)).toBe(false);
  });
  it('closes at kick-off when no closing is set, and never opens unless the club put the match on sale', () => {
    expect(saleIsOpen(onSale, new Date('2026-12-05T13:59:59Z'))).toBe(true);
    expect(saleIsOpen(onSale, kickoffAt)).toBe(false);
    for (const status of ['scheduled', 'postponed', 'cancelled', 'sold_out', 'played'] as const) {
      expect(saleIsOpen({ ...onSale, status }, new Date('2026-12-02T10:00:00Z'))).toBe(false);
    }
  });
});
