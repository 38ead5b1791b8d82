import type { SalesConfig } from '../sales/fees.ts';
import { basketTotals, type PricedBasket } from '../sales/price-basket.ts';
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
  /** The buyer's credit with the club: it pays the passes first, as placeSeasonOrder spends it. */
  creditCents = 0,
): PricedBasket {
  const priced = lines.flatMap((line) => {
    const price = p.prices.find((x) => x.category === line.category);
    return price && line.quantity > 0 ? [{ ...line, matchStandId: p.id, stand: p.stand, unitPriceCents: price.todayCents }] : [];
  });
  return basketTotals(priced, config, creditCents);
}
