import { and, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { matchStand, order, orderItem, seasonOrderSeat } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { releaseOrderCredit } from '../credit/release-order-credit.ts';
import { type Outbox, QUEUES, stableJobId } from '../outbox.ts';
import { releaseHeldPasses } from '../seasons/product-passes.ts';

/**
 * Gives back the seats of pending orders whose hold has lapsed (all, or one match's): each order
 * flips from pending to expired in one guarded UPDATE, so two releasers never give seats back twice.
 * Runs as a job every minute and when a checkout finds lapsed holds keeping the seats it asks for.
 * Not logged: a line per lapsed hold would bury the club's log (decision 013).
 */
export async function releaseExpiredOrders(
  tx: Tx,
  { outbox, now = new Date() }: Ctx<'outbox' | 'now'>,
  { matchId }: { actor: Actor; matchId?: string },
) {
  const expired = await tx
    .update(order)
    .set({ status: 'expired' })
    .where(and(eq(order.status, 'pending'), lte(order.holdExpiresAt, now), matchId ? eq(order.matchId, matchId) : undefined))
    .returning({ id: order.id, sessionId: order.providerSessionId });
  if (expired.length === 0) return 0;
  const ids = expired.map((o) => o.id);
  await releaseHeldSeats(tx, ids);
  await releaseOrderCredit(tx, ids);
  for (const o of expired) if (o.sessionId) await expireSessionLater(tx, outbox, o.sessionId);
  return expired.length;
}

/**
 * The payment page must not take money for seats no longer held: its session is expired — by a job
 * after the commit, never by a call to the provider while a stand row is locked.
 */
export async function expireSessionLater(tx: Tx, outbox: Outbox, sessionId: string): Promise<void> {
  await outbox.send(tx, QUEUES.expireSession, { sessionId }, { id: stableJobId(`expire:${sessionId}`) });
}

/** held -= quantity, per stand (and per season product), for orders that just left the pending state. */
export async function releaseHeldSeats(tx: Tx, orderIds: string[]): Promise<void> {
  await releaseHeldPasses(tx, orderIds);
  for (const { matchStandId, quantity } of await seatsPerStand(tx, orderIds)) {
    await tx
      .update(matchStand)
      .set({ held: sql`${matchStand.held} - ${quantity}` })
      .where(eq(matchStand.id, matchStandId));
  }
}

/**
 * The seats of these orders per stand, in the order placeOrder locks the stand rows (no deadlock): a
 * match order's lines, and a season order's seat on each covered match (decision 021).
 */
export async function seatsPerStand(tx: Tx, orderIds: string[]): Promise<{ matchStandId: string; quantity: number }[]> {
  const seats = tx
    .select({ matchStandId: sql<string>`${orderItem.matchStandId}`.as('match_stand_id'), quantity: orderItem.quantity })
    .from(orderItem)
    .where(and(inArray(orderItem.orderId, orderIds), isNotNull(orderItem.matchStandId)))
    .unionAll(
      tx
        .select({ matchStandId: seasonOrderSeat.matchStandId, quantity: seasonOrderSeat.quantity })
        .from(seasonOrderSeat)
        .where(inArray(seasonOrderSeat.orderId, orderIds)),
    )
    .as('seats');
  return tx
    .select({ matchStandId: seats.matchStandId, quantity: sql<number>`sum(${seats.quantity})::int` })
    .from(seats)
    .groupBy(seats.matchStandId)
    .orderBy(seats.matchStandId);
}
