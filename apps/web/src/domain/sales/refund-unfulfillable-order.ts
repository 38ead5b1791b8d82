import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order, orderItem } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { releaseOrderCredit } from '../credit/release-order-credit.ts';
import { orderSubjectPath } from './order-subject.ts';
import { releaseHeldSeats } from './release-expired-orders.ts';
import { sendRefundMail } from './send-refund-mail.ts';

/**
 * A payment that cannot get its tickets — it completed after its hold lapsed and the seats were sold
 * meanwhile, or the match was cancelled while the buyer paid: never oversold, never paid without
 * tickets — the whole amount goes back and the buyer is told.
 */
export async function refundUnfulfillableOrder(
  tx: Tx,
  { payments, outbox, baseURL }: Ctx<'payments' | 'outbox' | 'baseURL'>,
  input: { actor: Actor; sessionId: string; paymentId: string | null; reason: 'seats_gone' | 'match_cancelled' },
) {
  const [before] = await tx.select({ status: order.status }).from(order).where(eq(order.providerSessionId, input.sessionId)).for('update');
  const wasPending = before?.status === 'pending'; // its seats are still held: give them back
  const [refunded] = await tx
    .update(order)
    .set({ status: 'refunded', providerPaymentId: input.paymentId, refundedCents: sql`${order.totalCents} - ${order.creditCents}` })
    .where(and(eq(order.providerSessionId, input.sessionId), inArray(order.status, ['pending', 'expired', 'cancelled'])))
    .returning();
  if (!refunded) return null; // already handled
  const items = await tx
    .update(orderItem)
    .set({ refundedQuantity: sql`${orderItem.quantity}` })
    .where(eq(orderItem.orderId, refunded.id))
    .returning({ quantity: orderItem.quantity });
  await recordActivity(tx, {
    clubId: refunded.clubId,
    actor: input.actor,
    action: 'order.refunded',
    subject: { orderId: refunded.id, matchId: refunded.matchId },
    details: { tickets: items.reduce((sum, i) => sum + i.quantity, 0), amountCents: refunded.totalCents, reason: input.reason },
  });
  if (wasPending) await releaseHeldSeats(tx, [refunded.id]);
  await releaseOrderCredit(tx, [refunded.id]);
  await payments.refund(tx, {
    sessionId: input.sessionId,
    paymentId: input.paymentId,
    amountCents: refunded.totalCents,
    idempotencyKey: `refund-unfulfillable-${refunded.id}`,
  });
  await sendRefundMail(tx, outbox, {
    order: refunded,
    template: input.reason === 'match_cancelled' ? 'matchCancelled' : 'seatsGone',
    amountCents: refunded.totalCents,
    url: `${baseURL}${orderSubjectPath(refunded)}`,
  });
  return refunded;
}
