import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { chargedCents } from '../credit/find-credit-balance.ts';
import { refundOrder } from './refund-order.ts';

/**
 * Money went back at the provider (its dashboard, a dispute): the whole amount refunds the order (seats
 * back on sale, tickets revoked, buyer told); a part is only recorded and the tickets stay valid.
 * Compared by amount, so a refund the app made itself, already counted, changes nothing.
 * `not_ours`: the payment is no order of FootArena's. The actor is the provider that reports it.
 */
export async function recordProviderRefund(
  db: Db,
  ctx: Ctx<'payments' | 'outbox' | 'baseURL'>,
  refund: { actor: Actor; paymentId: string | undefined; amountRefundedCents: number },
) {
  const [paid] = refund.paymentId ? await db.select().from(order).where(eq(order.providerPaymentId, refund.paymentId)) : [];
  if (!paid) return 'not_ours' as const;
  if (paid.status !== 'paid' || refund.amountRefundedCents <= paid.refundedCents) return 'known' as const;
  const { actor } = refund;
  if (refund.amountRefundedCents >= chargedCents(paid)) {
    await db.transaction((tx) => refundOrder(tx, ctx, { actor, clubId: paid.clubId, orderId: paid.id }));
  } else {
    await db.transaction(async (tx) => {
      await tx.update(order).set({ refundedCents: refund.amountRefundedCents }).where(eq(order.id, paid.id));
      await recordActivity(tx, {
        clubId: paid.clubId,
        actor,
        action: 'order.refunded_at_provider',
        subject: { orderId: paid.id, matchId: paid.matchId },
        details: { amountCents: refund.amountRefundedCents - paid.refundedCents },
      });
    });
  }
  return 'recorded' as const;
}
