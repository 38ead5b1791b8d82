import type { Tx } from '../../db/client.ts';
import type { order } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import { DomainError } from '../errors.ts';
import type { PaymentProvider } from './payment-provider.ts';

/**
 * The provider's part of a refund of `amountCents` of this order: money goes back the way it came (a
 * Stripe order needs Stripe, a demo order moved no money), and not at all when the provider itself
 * reports the refund. Called while only the order is locked; the key is the order's refunded total
 * after this refund, so a retry after a failed commit refunds once at Stripe.
 */
export async function refundPayment(
  tx: Tx,
  payments: PaymentProvider,
  current: Pick<typeof order.$inferSelect, 'id' | 'provider' | 'providerSessionId' | 'providerPaymentId' | 'refundedCents'>,
  amountCents: number,
  actor: Actor,
): Promise<void> {
  if (current.provider === 'stripe' && payments.kind !== 'stripe') throw new DomainError('payments_not_ready');
  const atProvider = 'kind' in actor && actor.kind === 'provider';
  if (!atProvider && amountCents > 0 && current.providerSessionId && current.provider === payments.kind) {
    await payments.refund(tx, {
      sessionId: current.providerSessionId,
      paymentId: current.providerPaymentId,
      amountCents,
      idempotencyKey: `refund-${current.id}-${current.refundedCents + amountCents}`,
    });
  }
}
