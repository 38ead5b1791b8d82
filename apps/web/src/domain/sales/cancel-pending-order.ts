import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import type { Outbox } from '../outbox.ts';
import { expireSessionLater, releaseHeldSeats } from './release-expired-orders.ts';

/**
 * A pending order ends without payment — the buyer turned back at the payment page (`userId`), a
 * new order replaced it, the match was cancelled, or the provider says the payment failed or the
 * session expired: the seats return to sale now, and the payment session is ended after the commit.
 */
export async function cancelPendingOrder(tx: Tx, outbox: Outbox, by: { sessionId: string } | { orderId: string }, userId?: string) {
  const [cancelled] = await tx
    .update(order)
    .set({ status: 'cancelled' })
    .where(
      and(
        'sessionId' in by ? eq(order.providerSessionId, by.sessionId) : eq(order.id, by.orderId),
        userId ? eq(order.userId, userId) : undefined,
        eq(order.status, 'pending'),
      ),
    )
    .returning({ id: order.id, clubId: order.clubId, matchId: order.matchId, sessionId: order.providerSessionId });
  if (!cancelled) throw new DomainError('not_found');
  await releaseHeldSeats(tx, [cancelled.id]);
  if (cancelled.sessionId) await expireSessionLater(tx, outbox, cancelled.sessionId);
  return cancelled;
}
