import type { Tx } from '../../db/client.ts';
import { recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { cancelPendingOrder } from './cancel-pending-order.ts';

/**
 * The buyer gives up their own pending order (from its page, or turning back at the payment page):
 * it ends as any unpaid order does, and the club's log says the buyer did it.
 */
export async function abandonOrder(
  tx: Tx,
  { outbox }: Ctx<'outbox'>,
  input: { actor: { userId: string; name: string }; order: { sessionId: string } | { orderId: string } },
) {
  const cancelled = await cancelPendingOrder(tx, outbox, input.order, input.actor.userId);
  await recordActivity(tx, {
    clubId: cancelled.clubId,
    actor: input.actor,
    action: 'order.abandoned',
    subject: { orderId: cancelled.id, matchId: cancelled.matchId },
  });
  return cancelled;
}
