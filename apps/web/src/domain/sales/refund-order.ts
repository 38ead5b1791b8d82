import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { matchStand, order, orderItem, user } from '../../db/schema/index.ts';
import { formatDateTime, isLocale } from '../../i18n/index.ts';
import { renderMail } from '../../integrations/mail/templates.ts';
import type { PaymentProvider } from '../../integrations/payments/provider.ts';
import { type Outbox, QUEUES } from '../../jobs/jobs.ts';
import { DomainError } from '../errors.ts';

/**
 * Refunds a paid order of this club in full: the seats return to sale at once, the provider pays
 * the buyer back (FootArena's fee in proportion), and the buyer is told. `byProvider`: the refund
 * already happened at Stripe (charge.refunded), only the order and the seats follow.
 */
export async function refundOrder(
  tx: Tx,
  payments: PaymentProvider,
  outbox: Outbox,
  input: { clubId: string; orderId: string; baseURL: string; reason: 'club' | 'match_cancelled' | 'provider' },
) {
  const [refunded] = await tx
    .update(order)
    .set({ status: 'refunded' })
    .where(and(eq(order.id, input.orderId), eq(order.clubId, input.clubId), eq(order.status, 'paid')))
    .returning();
  if (!refunded) throw new DomainError('not_found'); // not this club's, or not paid (already refunded)
  const perStand = await tx
    .select({ matchStandId: orderItem.matchStandId, quantity: sql<number>`sum(${orderItem.quantity})::int` })
    .from(orderItem)
    .where(eq(orderItem.orderId, refunded.id))
    .groupBy(orderItem.matchStandId)
    .orderBy(orderItem.matchStandId);
  for (const { matchStandId, quantity } of perStand) {
    await tx
      .update(matchStand)
      .set({ sold: sql`${matchStand.sold} - ${quantity}` })
      .where(eq(matchStand.id, matchStandId));
  }
  if (input.reason !== 'provider' && refunded.totalCents > 0 && refunded.providerSessionId) {
    await payments.refund(tx, {
      sessionId: refunded.providerSessionId,
      paymentId: refunded.providerPaymentId,
      amountCents: refunded.totalCents,
      idempotencyKey: `refund-${refunded.id}`,
    });
  }
  const [buyer] = refunded.userId ? await tx.select({ locale: user.locale }).from(user).where(eq(user.id, refunded.userId)) : [];
  const locale = isLocale(buyer?.locale) ? buyer.locale : undefined;
  await outbox.send(tx, QUEUES.mail, {
    to: refunded.email,
    ...renderMail(input.reason === 'match_cancelled' ? 'matchCancelled' : 'orderRefunded', locale, {
      url: `${input.baseURL}/account/orders/${refunded.reference}`,
      reference: refunded.reference,
      amount: (refunded.totalCents / 100).toFixed(2),
      date: formatDateTime(refunded.createdAt, locale ?? 'fr'),
    }),
  });
  return refunded;
}
