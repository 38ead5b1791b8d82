import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand, matchStandPrice, organization, type SaleCategory, stand } from '../../db/schema/index.ts';
import { PLAYED_AFTER_MS } from '../catalog/match-status.ts';
import { scopeStands } from '../devices/list-device-matches.ts';
import { DomainError } from '../errors.ts';
import type { GateDevice } from './gate-seller.ts';

export interface GatePrice {
  matchStandId: string;
  standId: string;
  stand: string;
  category: SaleCategory;
  priceCents: number;
}

/**
 * The match a device sells for at the gate, read FOR SHARE (a cancellation waits for the sale): the
 * device's club's home match, on sale (the gate sells after the online sale closes, until the match is
 * played), with the prices of the stands the device may serve. Prices always come from here.
 */
export async function lockGateMatch(db: Executor, dev: GateDevice, matchId: string, now: Date, { selling = true } = {}) {
  const [m] = await db
    .select({
      id: match.id,
      clubId: match.clubId,
      status: match.status,
      kickoffAt: match.kickoffAt,
      isHome: match.isHome,
      freeEntryUnder: match.freeEntryUnder,
      clubStatus: organization.status,
    })
    .from(match)
    .innerJoin(organization, eq(organization.id, match.clubId))
    .where(and(eq(match.id, matchId), eq(match.clubId, dev.clubId)))
    .for('share', { of: match });
  if (!m?.isHome || m.clubStatus !== 'active') throw new DomainError('not_found');
  if (m.status === 'cancelled') throw new DomainError('match_cancelled');
  const open = m.status === 'on_sale' || m.status === 'sold_out';
  if (selling && (!open || now.getTime() >= m.kickoffAt.getTime() + PLAYED_AFTER_MS)) throw new DomainError('sale_closed');
  const prices = await gatePrices(db, dev, matchId);
  return { ...m, prices };
}

/** The prices of the stands of a match that a device may serve, stand by stand. */
export async function gatePrices(db: Executor, dev: GateDevice, matchId: string): Promise<GatePrice[]> {
  const scoped = scopeStands(dev, matchId, undefined);
  if (scoped === 'forbidden') throw new DomainError('forbidden');
  return db
    .select({
      matchStandId: matchStandPrice.matchStandId,
      standId: stand.id,
      stand: stand.name,
      category: sql<SaleCategory>`${matchStandPrice.category}`, // prices are set for sale categories only
      priceCents: matchStandPrice.priceCents,
    })
    .from(matchStandPrice)
    .innerJoin(matchStand, eq(matchStand.id, matchStandPrice.matchStandId))
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .where(and(eq(matchStand.matchId, matchId), eq(matchStand.clubId, dev.clubId), scoped ? inArray(stand.id, [...scoped]) : undefined))
    .orderBy(stand.name, sql`${matchStandPrice.category}`);
}

/** Prices a basket with the match's prices (never the request's); a stand or category not sold here is not_found. */
export function priceGateLines(prices: GatePrice[], lines: readonly { matchStandId: string; category: SaleCategory; quantity: number }[]) {
  const wanted = lines.filter((l) => l.quantity > 0);
  if (wanted.length === 0) throw new DomainError('empty_order');
  const priced = wanted.map((line) => {
    const price = prices.find((p) => p.matchStandId === line.matchStandId && p.category === line.category);
    if (!price) throw new DomainError('not_found');
    return { ...line, unitPriceCents: price.priceCents, standName: price.stand };
  });
  const standIds = [...new Set(priced.map((l) => l.matchStandId))].sort();
  const perStand = standIds.map((id) => ({
    matchStandId: id,
    standName: priced.find((l) => l.matchStandId === id)!.standName,
    quantity: priced.filter((l) => l.matchStandId === id).reduce((sum, l) => sum + l.quantity, 0),
  }));
  const subtotalCents = priced.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  return { priced, perStand, subtotalCents };
}
