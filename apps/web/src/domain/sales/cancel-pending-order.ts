import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { releaseOrderCredit } from '../credit/release-order-credit.ts';
import { DomainError } from '../errors.ts';
import { expireSessionLater, releaseHeldSeats } from './release-expired-orders.ts';

/**
 * A pending order ends without payment — the buyer gave it up (from its page, or turning back at the
 * payment page), a new order replaced it, the match was cancelled, or the provider says the payment
 * failed or the session expired: the seats return to sale now, and the payment session is ended after
 * the commit. A person may end only their own order (a guest names it by what only they were given:
 * its payment session or private link), and the club's log says the buyer did it; the other endings
 * are not logged (decision 013: the order's status is their record).
 */
export async function cancelPendingOrder(
  tx: Tx,
  { outbox }: Ctx<'outbox'>,
  input: { actor: Actor; order: { sessionId: string } | { orderId: string } },
) {
  const { actor, order: by } = input;
  const buyer = 'userId' in actor ? actor : null; // a person acts only on their own orders
  const [cancelled] = await tx
    .update(order)
    .set({ status: 'cancelled' })
    .where(
      and(
        'sessionId' in by ? eq(order.providerSessionId, by.sessionId) : eq(order.id, by.orderId),
        buyer ? eq(order.userId, buyer.userId) : undefined,
        eq(order.status, 'pending'),
      ),
    )
    .returning({
      id: order.id,
      clubId: order.clubId,
      matchId: order.matchId,
      seasonProductId: order.seasonProductId,
      sessionId: order.providerSessionId,
    });
  if (!cancelled) throw new DomainError('not_found');
  await releaseHeldSeats(tx, [cancelled.id]);
  await releaseOrderCredit(tx, [cancelled.id]);
  if (cancelled.sessionId) await expireSessionLater(tx, outbox, cancelled.sessionId);
  if (buyer || ('kind' in actor && actor.kind === 'guest')) {
    await recordActivity(tx, {
      clubId: cancelled.clubId,
      actor,
      action: 'order.abandoned',
      subject: { orderId: cancelled.id, matchId: cancelled.matchId },
    });
  }
  return cancelled;
}
