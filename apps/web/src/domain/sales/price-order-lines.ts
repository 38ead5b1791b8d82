import type { PriceCategory } from '../../db/schema/index.ts';
import type { PublicMatch } from '../catalog/find-public-match.ts';
import { DomainError } from '../errors.ts';
import { NotEnoughSeats, type OrderLine } from './place-order.ts';

/** A match's stands as an order sees them: each price, with its stand's seats left and those lapsed holds keep. */
export interface SeenPrices {
  orderLimit: number;
  prices: { matchStandId: string; category: PriceCategory; priceCents: number; name: string; left: number; lapsed: number }[];
}

/**
 * Prices an order's lines on a match as seen, or refuses them as placeOrder does: over the order
 * limit, a stand or category not sold here, or a stand with fewer seats left than asked. Only a
 * refusal is decided on what was seen; a seat is still taken by the guarded UPDATE alone (invariant 1).
 */
export function priceOrderLines(seen: SeenPrices, lines: OrderLine[]) {
  const count = lines.reduce((sum, l) => sum + l.quantity, 0);
  if (count > seen.orderLimit) throw new DomainError('over_order_limit', { limit: seen.orderLimit });
  const priced = lines.map((line) => {
    const price = seen.prices.find((p) => p.matchStandId === line.matchStandId && p.category === line.category);
    if (!price) throw new DomainError('not_found'); // another match's stand, or a category not sold here
    return { ...line, unitPriceCents: price.priceCents, standName: price.name };
  });
  for (const matchStandId of new Set(lines.map((l) => l.matchStandId))) {
    const asked = priced.filter((l) => l.matchStandId === matchStandId).reduce((sum, l) => sum + l.quantity, 0);
    const stand = seen.prices.find((p) => p.matchStandId === matchStandId)!;
    if (asked > stand.left) throw new NotEnoughSeats(stand.name, Math.max(stand.left, 0), stand.lapsed);
  }
  return priced;
}

/**
 * The refusal a checkout would get for seats, as the match page just read shows them (three buyers
 * in four at an opening): answered before any transaction. Only when it is certain — the sale open,
 * the basket valid, and no lapsed hold keeping the seats (startCheckout would release those and try
 * again); anything else goes on to placeOrder, which decides.
 */
export function seenSeatsRefusal(m: PublicMatch, lines: OrderLine[]): NotEnoughSeats | null {
  if (!m.saleOpen) return null;
  const prices = m.stands.flatMap((s) =>
    s.prices.map((p) => ({
      matchStandId: s.id,
      category: p.category,
      priceCents: p.priceCents,
      name: s.name,
      left: s.seatsLeft,
      lapsed: s.lapsed,
    })),
  );
  try {
    priceOrderLines(
      { orderLimit: m.orderLimit, prices },
      lines.filter((l) => l.quantity > 0),
    );
  } catch (error) {
    if (error instanceof NotEnoughSeats && error.lapsed === 0) return error;
  }
  return null;
}
