import type { PublicMatch } from '../catalog/find-public-match.ts';
import { platformFee, type SalesConfig } from './fees.ts';
import type { OrderLine } from './place-order.ts';

/**
 * What a basket will cost before it is ordered, from the match's prices as its page shows them: the
 * lines it names on this match (others are left out), the tickets, the fee and the total the buyer
 * will pay. placeOrder prices the order again, from the database, when it is placed.
 */
export function priceBasket(
  m: PublicMatch,
  lines: OrderLine[],
  config: Pick<SalesConfig, 'feePercent' | 'feeFixedCents'>,
  /** The buyer's credit with the club: it pays the tickets first, as placeOrder spends it. */
  { creditCents: balance = 0 }: { creditCents?: number } = {},
) {
  const priced = lines.flatMap((line) => {
    const stand = m.stands.find((s) => s.id === line.matchStandId);
    const price = stand?.prices.find((p) => p.category === line.category);
    return stand && price && line.quantity > 0 ? [{ ...line, stand: stand.name, unitPriceCents: price.priceCents }] : [];
  });
  return basketTotals(priced, config, balance);
}

/** A priced basket's count and money: the fee on the subtotal, the buyer's credit paying the tickets first. */
export function basketTotals<L extends { unitPriceCents: number; quantity: number }>(
  priced: L[],
  config: Pick<SalesConfig, 'feePercent' | 'feeFixedCents'>,
  balance = 0,
) {
  const subtotalCents = priced.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const feeCents = platformFee(subtotalCents, config);
  const creditCents = Math.min(balance, subtotalCents);
  return {
    lines: priced,
    count: priced.reduce((sum, l) => sum + l.quantity, 0),
    subtotalCents,
    feeCents,
    totalCents: subtotalCents + feeCents,
    creditCents,
    /** What the buyer pays: the total less the credit. */
    chargedCents: subtotalCents + feeCents - creditCents,
  };
}

export type PricedBasket = ReturnType<typeof priceBasket>;
