import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { SALE_CATEGORIES, seasonProduct, seasonProductMatch, seasonProductPrice } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkSeasonProduct, type SeasonProductInput } from './check-season-product.ts';
import { writeSeasonPrices } from './create-season-product.ts';

/**
 * A product's details and prices, changed. The row is locked first, so the cap is checked against the
 * passes sold and held as they are (a season sale updates the same row). The log names the fields changed.
 */
export async function updateSeasonProduct(
  tx: Tx,
  _ctx: Ctx,
  input: { actor: Actor; clubId: string; productId: string; product: SeasonProductInput },
): Promise<void> {
  const { clubId, productId } = input;
  const [before] = await tx
    .select()
    .from(seasonProduct)
    .where(and(eq(seasonProduct.id, productId), eq(seasonProduct.clubId, clubId)))
    .for('update');
  if (!before) throw new DomainError('not_found');
  const [covered] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(seasonProductMatch)
    .where(eq(seasonProductMatch.productId, productId));
  const oldPrices = await tx
    .select({ category: seasonProductPrice.category, priceCents: seasonProductPrice.priceCents })
    .from(seasonProductPrice)
    .where(eq(seasonProductPrice.productId, productId));
  const pricesChanged = SALE_CATEGORIES.some(
    (category) => oldPrices.find((p) => p.category === category)?.priceCents !== input.product.prices[category],
  );
  const values = await checkSeasonProduct(tx, clubId, input.product, { ...before, covered: covered?.count ?? 0 });
  await tx.update(seasonProduct).set(values).where(eq(seasonProduct.id, productId));
  await writeSeasonPrices(tx, clubId, productId, input.product.prices);
  const fields: string[] = (Object.keys(values) as (keyof typeof values)[]).filter((key) => {
    const [a, b] = [values[key], before[key]];
    return a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() !== (b as Date | null)?.getTime() : a !== b;
  });
  if (pricesChanged) fields.push('prices');
  if (fields.length === 0) return; // saved as it was: nothing to log
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'season.product_updated',
    details: { product: values.name, fields, prices: input.product.prices },
  });
}
