import { describe, expect, it } from 'vitest';
import { freeEntriesAsSales, freeRoom, type PendingFreeEntry } from './offline-free.ts';
import { offlineRoom } from './sell-basket.ts';

const kept = [
  { matchStandId: 'ms-north', standId: 'north', left: 3 },
  { matchStandId: 'ms-south', standId: 'south', left: 1 },
];
const entry = (n: number, stand = 'north'): PendingFreeEntry => ({
  nonce: `free-${n}`,
  standId: stand,
  matchStandId: `ms-${stand}`,
  countedAt: '2026-11-29T14:00:00Z',
});

describe('free entries counted offline', () => {
  it('take the seats the phone kept on their stand, less what waits to be uploaded, and never more', () => {
    expect(freeRoom(kept, [], [], 'north')).toBe(3);
    expect(freeRoom(kept, [entry(1), entry(2)], [], 'north')).toBe(1);
    const cash = [
      {
        clientSaleId: 'sale-1',
        soldAt: '2026-11-29T14:00:00Z',
        lines: [{ matchStandId: 'ms-north', category: 'adult' as const, quantity: 2 }],
      },
    ];
    expect(freeRoom(kept, [entry(1)], cash, 'north')).toBe(0);
    expect(freeRoom(kept, [entry(1), entry(2), entry(3), entry(4)], [], 'north')).toBe(0);
    expect(freeRoom(kept, [entry(1)], [], 'south')).toBe(1); // another stand's entries are not its own
    expect(freeRoom(kept, [], [], 'east')).toBe(0); // no seat kept there: none offline
  });

  it('count in what Sell mode has left of the same seats for cash sales offline', () => {
    const catalog = { stands: [{ matchStandId: 'ms-north', quotaLeft: 3 }] } as Parameters<typeof offlineRoom>[0];
    expect(offlineRoom(catalog, freeEntriesAsSales([entry(1), entry(2)]), 'ms-north')).toBe(1);
  });
});
