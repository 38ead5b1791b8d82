import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import type { Outbox } from '../outbox.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { refundOrder } from './refund-order.ts';

/**
 * Money went back at the provider (its dashboard, a dispute): the whole amount refunds the order (seats
 * back on sale, tickets revoked, buyer told); a part is only recorded and the tickets stay valid.
 * Compared by amount, so a refund the app made itself, already counted, changes nothing.
 * `not_ours`: the payment is no order of FootArena's.
 */
export async function recordProviderRefund(
  db: Db,
  ctx: { payments: PaymentProvider; outbox: Outbox; baseURL: string },
  refund: { paymentId: string | undefined; amountRefundedCents: number },
) {
  const [paid] = refund.paymentId ? await db.select().from(order).where(eq(order.providerPaymentId, refund.paymentId)) : [];
  if (!paid) return 'not_ours' as const;
  if (paid.status !== 'paid' || refund.amountRefundedCents <= paid.refundedCents) return 'known' as const;
  if (refund.amountRefundedCents >= paid.totalCents) {
    await db.transaction((tx) =>
      refundOrder(tx, ctx.payments, ctx.outbox, { clubId: paid.clubId, orderId: paid.id, baseURL: ctx.baseURL, reason: 'provider' }),
    );
  } else {
    await db.update(order).set({ refundedCents: refund.amountRefundedCents }).where(eq(order.id, paid.id));
  }
  return 'recorded' as const;
}
