import { platformFee, type SalesConfig } from '../sales/fees.ts';
import type { PricedBasket } from '../sales/price-basket.ts';
import type { PublicSeasonProduct } from './find-public-season-product.ts';
import type { SeasonLine } from './place-season-order.ts';

/**
 * What a season basket will cost before it is ordered, at today's (pro-rata) prices as the product's
 * page shows them, in the match basket's shape (the same total block renders both). placeSeasonOrder
 * prices it again, from the database, when it is placed.
 */
export function priceSeasonBasket(
  p: PublicSeasonProduct,
  lines: SeasonLine[],
  config: Pick<SalesConfig, 'feePercent' | 'feeFixedCents'>,
): PricedBasket {
  const priced = lines.flatMap((line) => {
    const price = p.prices.find((x) => x.category === line.category);
    return price && line.quantity > 0 ? [{ ...line, matchStandId: p.id, stand: p.stand, unitPriceCents: price.todayCents }] : [];
  });
  const subtotalCents = priced.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const feeCents = platformFee(subtotalCents, config);
  return {
    lines: priced,
    count: priced.reduce((sum, l) => sum + l.quantity, 0),
    subtotalCents,
    feeCents,
    totalCents: subtotalCents + feeCents,
  };
}
