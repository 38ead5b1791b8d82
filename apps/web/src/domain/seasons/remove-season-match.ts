import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order, seasonPass, seasonProduct, seasonProductMatch } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/**
 * A match no longer covered — only while the product has sold no pass and no season order is being
 * paid: after that, holders have a seat (and a ticket) on it. The product row is locked first, as a
 * season sale takes it before it reads the covered matches.
 */
export async function removeSeasonMatch(
  tx: Tx,
  _ctx: Ctx,
  input: { actor: Actor; clubId: string; productId: string; matchId: string },
): Promise<void> {
  const { clubId, productId, matchId } = input;
  const [product] = await tx
    .select({ name: seasonProduct.name })
    .from(seasonProduct)
    .where(and(eq(seasonProduct.id, productId), eq(seasonProduct.clubId, clubId)))
    .for('update');
  if (!product) throw new DomainError('not_found');
  const [sold] = await tx.select({ id: seasonPass.id }).from(seasonPass).where(eq(seasonPass.productId, productId)).limit(1);
  const [live] = await tx
    .select({ id: order.id })
    .from(order)
    .where(and(eq(order.seasonProductId, productId), inArray(order.status, ['pending', 'paid'])))
    .limit(1);
  if (sold || live) throw new DomainError('season_passes_sold');
  const removed = await tx
    .delete(seasonProductMatch)
    .where(and(eq(seasonProductMatch.productId, productId), eq(seasonProductMatch.matchId, matchId)))
    .returning({ matchId: seasonProductMatch.matchId });
  if (removed.length === 0) throw new DomainError('not_found');
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'season.match_removed',
    subject: { matchId },
    details: { product: product.name },
  });
}
