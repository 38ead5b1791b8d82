import { and, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand, order, orderItem, seasonPass, seasonProduct, ticket } from '../../db/schema/index.ts';

// The product's own count of passes (season_product.held / sold, decision 021), moved with its
// orders like match_stand's seats: always before the stand rows, in the order placeSeasonOrder
// locks them (product, then stands), so a sale and a fulfilment or a release never deadlock.

/** The passes of these orders per season product (the items' quantities, refunded or not). */
async function passesPerProduct(tx: Tx, orderIds: string[]) {
  return tx
    .select({ productId: sql<string>`${order.seasonProductId}`, quantity: sql<number>`sum(${orderItem.quantity})::int` })
    .from(order)
    .innerJoin(orderItem, eq(orderItem.orderId, order.id))
    .where(and(inArray(order.id, orderIds), isNotNull(order.seasonProductId)))
    .groupBy(order.seasonProductId)
    .orderBy(order.seasonProductId);
}

/** held -= passes, for season orders that just left the pending state unpaid. */
export async function releaseHeldPasses(tx: Tx, orderIds: string[]): Promise<void> {
  for (const { productId, quantity } of await passesPerProduct(tx, orderIds)) {
    await tx
      .update(seasonProduct)
      .set({ held: sql`${seasonProduct.held} - ${quantity}` })
      .where(eq(seasonProduct.id, productId));
  }
}

/**
 * A paid season order's passes become sold: moved from held, or — its hold had lapsed — taken again
 * if the product's cap still allows. False when it does not (the payment must be refunded).
 */
export async function sellPasses(tx: Tx, orderId: string, wasPending: boolean): Promise<boolean> {
  for (const { productId, quantity } of await passesPerProduct(tx, [orderId])) {
    const moved = wasPending
      ? await tx
          .update(seasonProduct)
          .set({ held: sql`${seasonProduct.held} - ${quantity}`, sold: sql`${seasonProduct.sold} + ${quantity}` })
          .where(eq(seasonProduct.id, productId))
          .returning({ id: seasonProduct.id })
      : await tx
          .update(seasonProduct)
          .set({ sold: sql`${seasonProduct.sold} + ${quantity}` })
          .where(
            and(
              eq(seasonProduct.id, productId),
              sql`(${seasonProduct.cap} is null or ${seasonProduct.sold} + ${seasonProduct.held} + ${quantity} <= ${seasonProduct.cap})`,
            ),
          )
          .returning({ id: seasonProduct.id });
    if (moved.length === 0) return false;
  }
  return true;
}

/**
 * Refunds `count` passes of a season order's item: the passes revoked (the newest first), their
 * ticket rows on matches not yet kicked off revoked, those seats given back (sold − 1 per row on its
 * match's stand), and the product's sold − count. A row already revoked (a seat given back, a match
 * lent) gives nothing back twice: only rows this refund revokes return their seat.
 */
export async function refundPasses(tx: Tx, item: { id: string }, productId: string, count: number, now: Date): Promise<void> {
  if (count <= 0) return;
  await tx
    .update(seasonProduct)
    .set({ sold: sql`${seasonProduct.sold} - ${count}` })
    .where(eq(seasonProduct.id, productId));
  const picked = await tx
    .select({ id: seasonPass.id })
    .from(seasonPass)
    .where(and(eq(seasonPass.orderItemId, item.id), eq(seasonPass.status, 'valid')))
    .orderBy(desc(seasonPass.createdAt), desc(seasonPass.id))
    .limit(count);
  if (picked.length === 0) return;
  const passIds = picked.map((p) => p.id);
  await tx.update(seasonPass).set({ status: 'revoked', revokedAt: now }).where(inArray(seasonPass.id, passIds));
  const future = tx.select({ id: match.id }).from(match).where(gt(match.kickoffAt, now));
  const revoked = await tx
    .update(ticket)
    .set({ status: 'revoked', revokedAt: now })
    .where(and(inArray(ticket.seasonPassId, passIds), eq(ticket.status, 'valid'), inArray(ticket.matchId, future)))
    .returning({ matchId: ticket.matchId });
  // The pass's rows on matches already played stay as they were: their entry is history.
  const perMatch = new Map<string, number>();
  for (const r of revoked) perMatch.set(r.matchId, (perMatch.get(r.matchId) ?? 0) + 1);
  if (perMatch.size === 0) return;
  const [product] = await tx.select({ standId: seasonProduct.standId }).from(seasonProduct).where(eq(seasonProduct.id, productId));
  const stands = await tx
    .select({ id: matchStand.id, matchId: matchStand.matchId })
    .from(matchStand)
    .where(and(eq(matchStand.standId, product!.standId), inArray(matchStand.matchId, [...perMatch.keys()])))
    .orderBy(matchStand.id);
  for (const s of stands) {
    await tx
      .update(matchStand)
      .set({ sold: sql`${matchStand.sold} - ${perMatch.get(s.matchId)!}` })
      .where(eq(matchStand.id, s.id));
  }
}
