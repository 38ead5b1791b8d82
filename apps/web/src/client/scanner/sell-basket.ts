// The box office's basket, without the page: its total with the match's prices, and whether a sale made
// without network fits in what is left of the device's quota (the seats it reserved while online).
import type { GateCatalogResponse, GateLine } from '@footarena/gate-protocol';

export type Catalog = GateCatalogResponse;

/** A cash sale made offline, kept on the phone until it is uploaded (its id makes a second upload harmless). */
export interface PendingSale {
  clientSaleId: string;
  soldAt: string;
  lines: GateLine[];
}

/** The lines of a basket on one stand: the categories with a count above zero. */
export function basketLines(matchStandId: string, counts: ReadonlyMap<string, number>): GateLine[] {
  return [...counts]
    .filter(([, quantity]) => quantity > 0)
    .map(([category, quantity]) => ({ matchStandId, category: category as GateLine['category'], quantity }));
}

/** What the basket costs, at the match's prices (a category the stand does not sell counts nothing). */
export function basketTotal(catalog: Catalog | null, lines: readonly GateLine[]): number {
  return lines.reduce((sum, line) => {
    const price = catalog?.stands.find((s) => s.matchStandId === line.matchStandId)?.prices.find((p) => p.category === line.category);
    return sum + (price ? price.priceCents * line.quantity : 0);
  }, 0);
}

/** Seats of the device's quota on a stand still free for offline sales: the quota left at the last sync, less the sales not yet uploaded. */
export function offlineRoom(catalog: Catalog | null, pending: readonly PendingSale[], matchStandId: string): number {
  const quota = catalog?.stands.find((s) => s.matchStandId === matchStandId)?.quotaLeft ?? 0;
  const queued = pending
    .flatMap((s) => s.lines)
    .filter((l) => l.matchStandId === matchStandId)
    .reduce((sum, l) => sum + l.quantity, 0);
  return Math.max(0, quota - queued);
}

/** Whether an offline sale fits in the quota, stand by stand: beyond it the phone refuses (it would oversell). */
export function fitsOffline(catalog: Catalog | null, pending: readonly PendingSale[], lines: readonly GateLine[]): boolean {
  const perStand = new Map<string, number>();
  for (const line of lines) perStand.set(line.matchStandId, (perStand.get(line.matchStandId) ?? 0) + line.quantity);
  return [...perStand].every(([standId, quantity]) => quantity <= offlineRoom(catalog, pending, standId));
}

/** Cash typed by the steward, "12,50" or "12.5" or "12", in cents; null when it is not an amount. */
export function parseCash(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}
