import { and, eq, notInArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type PriceCategory, SALE_CATEGORIES, standPrice } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { MAX_PRICE_CENTS } from '../money.ts';

/** Prices by category; `adult`, the standard price, is always there. */
export type Prices = { adult: number } & Partial<Record<Exclude<PriceCategory, 'adult'>, number>>;

export function assertPrices(prices: Prices, fieldPrefix: string, max = MAX_PRICE_CENTS): void {
  for (const category of SALE_CATEGORIES) {
    const cents = prices[category];
    if (cents === undefined) continue;
    if (!Number.isInteger(cents) || cents < 0 || cents > max) {
      throw new DomainError('price_out_of_range', { max: max / 100 }, `${fieldPrefix}${category}`);
    }
  }
}

/** Makes the stand offer exactly these categories at these prices. */
export async function writeStandPrices(db: Executor, clubId: string, standId: string, prices: Prices): Promise<void> {
  const offered = SALE_CATEGORIES.filter((category) => prices[category] !== undefined);
  await db.delete(standPrice).where(and(eq(standPrice.standId, standId), notInArray(standPrice.category, offered)));
  for (const category of offered) {
    const values = { clubId, standId, category, priceCents: prices[category] as number };
    await db
      .insert(standPrice)
      .values(values)
      .onConflictDoUpdate({ target: [standPrice.standId, standPrice.category], set: { priceCents: values.priceCents } });
  }
}
