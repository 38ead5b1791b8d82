import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type PriceCategory, seasonProduct, seasonProductMatch, seasonProductPrice } from '../../db/schema/index.ts';

/**
 * What a holder earns when a seat they give back for one match sells (decision 021, point 5): the
 * product's price for their category, shared over its covered matches, times the club's give-back
 * share — in integer cents, rounded once. Shown before they confirm, and fixed on the give-back.
 */
export async function quoteGiveBack(db: Executor, pass: { productId: string; category: PriceCategory }): Promise<number> {
  const [product] = await db
    .select({ share: seasonProduct.giveBackSharePercent, price: seasonProductPrice.priceCents })
    .from(seasonProduct)
    .leftJoin(seasonProductPrice, and(eq(seasonProductPrice.productId, seasonProduct.id), eq(seasonProductPrice.category, pass.category)))
    .where(eq(seasonProduct.id, pass.productId));
  const [covered] = await db.select({ n: count() }).from(seasonProductMatch).where(eq(seasonProductMatch.productId, pass.productId));
  if (!product?.price || !covered?.n) return 0;
  return giveBackCredit(product.price, covered.n, product.share);
}

/** price ÷ matches × share %, rounded once (half up) to the cent. */
export const giveBackCredit = (priceCents: number, matches: number, sharePercent: number) =>
  Math.round((priceCents * sharePercent) / (100 * matches));
