import { describe, expect, it } from 'vitest';
import { basketLines, basketTotal, type Catalog, fitsOffline, offlineRoom, type PendingSale, parseCash } from './sell-basket.ts';

const MAIN = '00000000-0000-4000-8000-000000000001';
const NORTH = '00000000-0000-4000-8000-000000000002';
const catalog: Catalog = {
  quotaSeats: 5,
  stands: [
    {
      matchStandId: MAIN,
      name: 'Main',
      seatsLeft: 40,
      quotaLeft: 5,
      prices: [
        { category: 'adult', priceCents: 1000 },
        { category: 'child', priceCents: 0 },
      ],
    },
    { matchStandId: NORTH, name: 'North', seatsLeft: 0, quotaLeft: 0, prices: [{ category: 'adult', priceCents: 800 }] },
  ],
  shift: null,
};
const sale = (quantity: number, matchStandId = MAIN): PendingSale => ({
  clientSaleId: `sale-${quantity}-${matchStandId}`,
  soldAt: '2026-11-29T14:00:00.000Z',
  lines: [{ matchStandId, category: 'adult', quantity }],
});

describe('the box office basket on the phone', () => {
  it('totals a basket with the match’s prices', () => {
    const lines = basketLines(
      MAIN,
      new Map([
        ['adult', 2],
        ['child', 1],
        ['senior', 0],
      ]),
    );
    expect(lines).toEqual([
      { matchStandId: MAIN, category: 'adult', quantity: 2 },
      { matchStandId: MAIN, category: 'child', quantity: 1 },
    ]);
    expect(basketTotal(catalog, lines)).toBe(2000);
    expect(basketTotal(null, lines)).toBe(0);
  });

  it('refuses locally an offline sale beyond the seats the device reserved, counting the sales not yet uploaded', () => {
    expect(offlineRoom(catalog, [], MAIN)).toBe(5);
    expect(fitsOffline(catalog, [], sale(5).lines)).toBe(true);
    expect(fitsOffline(catalog, [], sale(6).lines)).toBe(false);
    const pending = [sale(3)];
    expect(offlineRoom(catalog, pending, MAIN)).toBe(2);
    expect(fitsOffline(catalog, pending, sale(2).lines)).toBe(true);
    expect(fitsOffline(catalog, pending, sale(3).lines)).toBe(false);
    // A stand without a quota sells nothing offline; without a catalog, nothing at all.
    expect(fitsOffline(catalog, [], sale(1, NORTH).lines)).toBe(false);
    expect(fitsOffline(null, [], sale(1).lines)).toBe(false);
    // Two lines of one stand count together.
    expect(fitsOffline(catalog, pending, [...sale(1).lines, { matchStandId: MAIN, category: 'child', quantity: 2 }])).toBe(false);
  });

  it('reads the counted cash as the steward types it', () => {
    expect(parseCash('40')).toBe(4000);
    expect(parseCash('39,5')).toBe(3950);
    expect(parseCash(' 39.05 ')).toBe(3905);
    expect(parseCash('-1')).toBeNull();
    expect(parseCash('12,345')).toBeNull();
    expect(parseCash('')).toBeNull();
  });
});
