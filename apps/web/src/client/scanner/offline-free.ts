// Free entries counted without the network: each takes one of the seats this device kept while online
// (its quota, shared with Sell mode's offline cash sales), is kept on the phone, and is uploaded when
// the network is back. Pure parts, unit-tested; mode-free.ts does the rest.
import type { QuotaResponse } from '@footarena/gate-protocol';
import type { PendingSale } from './sell-basket.ts';
import type { Store } from './storage.ts';

export type KeptSeats = QuotaResponse['quotas'];

export interface PendingFreeEntry {
  nonce: string;
  standId: string;
  matchStandId: string;
  /** When it was counted, by the phone's clock. */
  countedAt: string;
}

export const keptSeatsKey = (matchId: string) => `freeQuota.${matchId}`;
export const pendingFreeKey = (matchId: string) => `freeQueue.${matchId}`;

export function pendingFreeEntries(store: Store, matchId: string): PendingFreeEntry[] {
  return store.get<PendingFreeEntry[]>(pendingFreeKey(matchId)) ?? [];
}

/** Waiting free entries as Sell mode counts what its offline quota has left: one seat each. */
export function freeEntriesAsSales(entries: readonly PendingFreeEntry[]): PendingSale[] {
  return entries.map((e) => ({
    clientSaleId: e.nonce,
    soldAt: e.countedAt,
    lines: [{ matchStandId: e.matchStandId, category: 'child', quantity: 1 }],
  }));
}

/**
 * Seats this device may still use offline on a stand for a free entry: what it kept when it was last
 * online, less the free entries and the cash sales still waiting to be uploaded.
 */
export function freeRoom(kept: KeptSeats, free: readonly PendingFreeEntry[], sales: readonly PendingSale[], standId: string): number {
  const quota = kept.find((q) => q.standId === standId);
  if (!quota) return 0;
  const waiting =
    free.filter((e) => e.matchStandId === quota.matchStandId).length +
    sales.flatMap((s) => s.lines).reduce((sum, l) => sum + (l.matchStandId === quota.matchStandId ? l.quantity : 0), 0);
  return Math.max(0, quota.left - waiting);
}
