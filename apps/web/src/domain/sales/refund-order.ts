import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { matchStand, order, orderItem } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { releaseOrderCredit } from '../credit/release-order-credit.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { refundPasses } from '../seasons/product-passes.ts';
import { revokeTickets } from '../tickets/revoke-tickets.ts';
import { countPickedTickets } from './count-picked-tickets.ts';
import { refundMailUrl } from './order-subject.ts';
import { planRefund } from './plan-refund.ts';
import { refundPayment } from './refund-payment.ts';
import { sendRefundMail } from './send-refund-mail.ts';

/**
 * Refunds a paid order of this club: everything not yet refunded, or the tickets the club picked
 * (`ticketIds`, valid codes that have not entered). The seats return to sale at once, the provider pays the buyer back — the ticket prices
 * and FootArena's fee in proportion (the last refund takes the rounding rest, so the refunds add up to
 * the total exactly) — and the buyer is told. When the provider is the actor, the money already went
 * back at Stripe (charge.refunded): only the order and the seats follow. `reason: 'match_cancelled'`
 * tells the buyer why.
 */
export async function refundOrder(
  tx: Tx,
  { payments, outbox, baseURL, now = new Date() }: Ctx<'payments' | 'outbox' | 'baseURL' | 'now'>,
  input: {
    actor: Actor;
    clubId: string;
    orderId: string;
    reason?: 'match_cancelled';
    ticketIds?: readonly string[];
    /** The club's words to the buyer, quoted in the mail. */
    message?: string;
  },
) {
  if (!isUuid(input.orderId)) throw new DomainError('not_found');
  const [current] = await tx
    .select()
    .from(order)
    .where(and(eq(order.id, input.orderId), eq(order.clubId, input.clubId), eq(order.status, 'paid')))
    .for('update');
  if (!current) throw new DomainError('not_found'); // not this club's, or not paid (already refunded)
  // A season order is refunded by passes, never by one match's row of a pass.
  if (current.seasonProductId && input.ticketIds) throw new DomainError('not_found');
  const items = await tx.select().from(orderItem).where(eq(orderItem.orderId, current.id)).orderBy(orderItem.matchStandId);
  const picked = input.ticketIds ? await countPickedTickets(tx, current.id, input.ticketIds) : undefined;
  const { plan, count, remainingAfter, amountCents } = planRefund(current, items, picked);
  // Written as soon as the refund is decided: a provider that refuses it below rolls the line back too.
  await recordActivity(tx, {
    clubId: current.clubId,
    actor: input.actor,
    action: input.ticketIds ? 'order.tickets_refunded' : 'order.refunded',
    subject: { orderId: current.id, matchId: current.matchId },
    details: { tickets: count, amountCents, ...(input.reason ? { reason: input.reason } : {}) },
  });

  // The provider first, while only this order is locked (no stand row held during the call).
  await refundPayment(tx, payments, current, amountCents, input.actor);
  for (const { item, quantity } of plan) {
    await tx
      .update(orderItem)
      .set({ refundedQuantity: sql`${orderItem.refundedQuantity} + ${quantity}` })
      .where(eq(orderItem.id, item.id));
    if (item.matchStandId)
      await tx
        .update(matchStand)
        .set({ sold: sql`${matchStand.sold} - ${quantity}` })
        .where(eq(matchStand.id, item.matchStandId));
    // A season item's passes: revoked with their rows on matches still to play, those seats given back.
    if (current.seasonProductId) await refundPasses(tx, item, current.seasonProductId, quantity, now);
    else if (!input.ticketIds) await revokeTickets(tx, { orderItemId: item.id, count: quantity }); // refused at the gate from now on
  }
  if (input.ticketIds) await revokeTickets(tx, { ticketIds: input.ticketIds });
  if (remainingAfter === 0) await releaseOrderCredit(tx, [current.id]);
  const [refunded] = await tx
    .update(order)
    .set({ refundedCents: sql`${order.refundedCents} + ${amountCents}`, status: remainingAfter === 0 ? 'refunded' : 'paid' })
    .where(eq(order.id, current.id))
    .returning();
  await sendRefundMail(tx, outbox, {
    order: current,
    template: input.reason === 'match_cancelled' ? 'matchCancelled' : remainingAfter === 0 ? 'orderRefunded' : 'ticketsRefunded',
    amountCents,
    count,
    url: refundMailUrl(baseURL, current),
    dates: { date: current.createdAt.toISOString() },
    note: input.message,
  });
  return { ...refunded!, amountCents };
}
