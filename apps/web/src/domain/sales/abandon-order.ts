import type { Tx } from '../../db/client.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { cancelPendingOrder } from './cancel-pending-order.ts';

/**
 * The buyer gives up their own pending order (from its page, or turning back at the payment page):
 * it ends as any unpaid order does, and the club's log says the buyer did it. A guest names the order
 * by its payment session, which only they were sent to.
 */
export async function abandonOrder(
  tx: Tx,
  { outbox }: Ctx<'outbox'>,
  input: {
    actor: Extract<Actor, { userId: string } | { kind: 'guest' }>;
    order: { sessionId: string } | { orderId: string };
  },
) {
  const userId = 'userId' in input.actor ? input.actor.userId : undefined;
  const cancelled = await cancelPendingOrder(tx, outbox, input.order, userId);
  await recordActivity(tx, {
    clubId: cancelled.clubId,
    actor: input.actor,
    action: 'order.abandoned',
    subject: { orderId: cancelled.id, matchId: cancelled.matchId },
  });
  return cancelled;
}
