import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { matchStand, order, orderItem } from '../../db/schema/index.ts';
import type { PaymentProvider } from '../../integrations/payments/provider.ts';

/**
 * Gives back the seats of pending orders whose hold has lapsed (all, or one match's): each order
 * flips from pending to expired in one guarded UPDATE, so two releasers never give seats back twice.
 * Runs as a job every minute and lazily before seats are taken.
 */
export async function releaseExpiredOrders(
  tx: Tx,
  payments: PaymentProvider,
  { matchId, now = new Date() }: { matchId?: string; now?: Date } = {},
) {
  const expired = await tx
    .update(order)
    .set({ status: 'expired' })
    .where(and(eq(order.status, 'pending'), lte(order.holdExpiresAt, now), matchId ? eq(order.matchId, matchId) : undefined))
    .returning({ id: order.id, sessionId: order.providerSessionId });
  if (expired.length === 0) return 0;
  await releaseHeldSeats(
    tx,
    expired.map((o) => o.id),
  );
  // The payment page must not take money for seats that are no longer held (Stripe: expire the session).
  for (const o of expired) if (o.sessionId) await payments.expireSession(tx, o.sessionId);
  return expired.length;
}

/** held -= quantity, per stand, for orders that just left the pending state. */
export async function releaseHeldSeats(tx: Tx, orderIds: string[]): Promise<void> {
  const perStand = await tx
    .select({ matchStandId: orderItem.matchStandId, quantity: sql<number>`sum(${orderItem.quantity})::int` })
    .from(orderItem)
    .where(inArray(orderItem.orderId, orderIds))
    .groupBy(orderItem.matchStandId)
    .orderBy(orderItem.matchStandId); // the lock order placeOrder uses
  for (const { matchStandId, quantity } of perStand) {
    await tx
      .update(matchStand)
      .set({ held: sql`${matchStand.held} - ${quantity}` })
      .where(eq(matchStand.id, matchStandId));
  }
}
