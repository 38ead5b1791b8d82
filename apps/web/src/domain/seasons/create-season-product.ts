import { and, eq, notInArray } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { SALE_CATEGORIES, seasonProduct, seasonProductPrice } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Prices } from '../catalog/stand-prices.ts';
import type { Ctx } from '../context.ts';
import { coverMatch } from './add-season-match.ts';
import { checkSeasonProduct, type SeasonProductInput } from './check-season-product.ts';

/**
 * A new season ticket product with its prices, covering the matches the club chose (each must have
 * the product's stand open; the first that has not refuses the whole product, so nothing is half made).
 */
export async function createSeasonProduct(
  tx: Tx,
  ctx: Ctx<'config' | 'now'>,
  input: { actor: Actor; clubId: string; product: SeasonProductInput; matchIds: readonly string[] },
): Promise<string> {
  const { clubId } = input;
  const values = await checkSeasonProduct(tx, clubId, input.product);
  const [created] = await tx
    .insert(seasonProduct)
    .values({ clubId, ...values })
    .returning({ id: seasonProduct.id });
  const productId = created!.id;
  await writeSeasonPrices(tx, clubId, productId, input.product.prices);
  const matchIds = [...new Set(input.matchIds)].sort();
  for (const matchId of matchIds) await coverMatch(tx, ctx, { clubId, productId, matchId });
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'season.product_created',
    details: { product: values.name, season: values.season, matches: matchIds.length, prices: input.product.prices },
  });
  return productId;
}

/** Makes the product offer exactly these categories at these prices. */
export async function writeSeasonPrices(db: Executor, clubId: string, productId: string, prices: Prices): Promise<void> {
  const offered = SALE_CATEGORIES.filter((category) => prices[category] !== undefined);
  await db
    .delete(seasonProductPrice)
    .where(and(eq(seasonProductPrice.productId, productId), notInArray(seasonProductPrice.category, offered)));
  for (const category of offered) {
    const priceCents = prices[category] as number;
    await db
      .insert(seasonProductPrice)
      .values({ clubId, productId, category, priceCents })
      .onConflictDoUpdate({ target: [seasonProductPrice.productId, seasonProductPrice.category], set: { priceCents } });
  }
}
