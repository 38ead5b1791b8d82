import Stripe from 'stripe';
import { z } from 'zod';
import type { PaymentProvider } from '../../domain/sales/payment-provider.ts';

export interface StripeOptions {
  secretKey: string;
  webhookSecret: string;
  /** Tests: the local fake Stripe server. */
  apiUrl?: string;
}

export function createStripeClient({ secretKey, apiUrl }: Pick<StripeOptions, 'secretKey' | 'apiUrl'>): Stripe {
  const target = apiUrl ? new URL(apiUrl) : undefined;
  return new Stripe(secretKey, {
    telemetry: false,
    maxNetworkRetries: target ? 0 : 2,
    timeout: target ? 2000 : 20_000,
    ...(target ? { host: target.hostname, port: Number(target.port), protocol: target.protocol.replace(':', '') as 'http' | 'https' } : {}),
  });
}

// Stripe requires a Checkout Session to live 30 minutes at least; a shorter hold is ended explicitly
// by expiring the session when the hold lapses (releaseExpiredOrders), as Stripe advises for limited stock.
const MIN_SESSION_SECONDS = 30 * 60 + 60;

const orderIdField = z.uuid();

/**
 * Stripe Checkout as destination charges on the club's connected account: the buyer pays tickets +
 * FootArena's fee, the fee stays with the platform (application_fee_amount), the rest goes to the
 * club. Payment methods are left dynamic, so Bancontact, cards, Apple Pay and Google Pay all work.
 */
export function createStripeProvider(stripe: Stripe): PaymentProvider {
  return {
    kind: 'stripe',
    async createSession(_db, request) {
      if (!request.destinationAccountId) throw new Error('A paid Stripe checkout needs the club account');
      const expiresAt = Math.max(Math.floor(request.holdExpiresAt.getTime() / 1000), Math.floor(Date.now() / 1000) + MIN_SESSION_SECONDS);
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          // A basket sold at the gate may have no address: Stripe's page then asks for one.
          customer_email: request.email || undefined,
          client_reference_id: request.orderId,
          metadata: { orderId: request.orderId, reference: request.reference },
          line_items: [
            ...request.lines.map((line) => ({
              quantity: line.quantity,
              price_data: { currency: 'eur', unit_amount: line.unitAmountCents, product_data: { name: line.name } },
            })),
            ...(request.feeCents > 0
              ? [
                  {
                    quantity: 1,
                    price_data: { currency: 'eur', unit_amount: request.feeCents, product_data: { name: 'FootArena service fee' } },
                  },
                ]
              : []),
          ],
          payment_intent_data: {
            // No fee (a basket sold at the gate, decision 018): no application fee at all.
            ...(request.feeCents > 0 ? { application_fee_amount: request.feeCents } : {}),
            transfer_data: { destination: request.destinationAccountId },
            metadata: { orderId: request.orderId, reference: request.reference },
          },
          expires_at: expiresAt,
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: `checkout-${request.orderId}` },
      );
      if (!session.url) throw new Error('Stripe returned a session without a URL');
      return { sessionId: session.id, url: session.url };
    },
    async retrieveSession(_db, sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] });
      // Only a session naming one of our order ids is FootArena's (the account may sell other things).
      const orderId = orderIdField.safeParse(session.metadata?.orderId ?? session.client_reference_id).data;
      if (!orderId) return null;
      const intent = typeof session.payment_intent === 'string' ? null : session.payment_intent;
      const charge = await latestCharge(intent);
      return {
        paid: session.payment_status === 'paid',
        amountCents: session.amount_total ?? -1,
        orderId,
        paymentId: typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id,
        refundedCents: charge?.amount_refunded ?? 0,
      };
    },
    async expireSession(_db, sessionId) {
      try {
        await stripe.checkout.sessions.expire(sessionId);
      } catch (error) {
        // Already expired or completed: nothing left to end.
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
      }
    },
    async refund(_db, payment) {
      if (!payment.paymentId) throw new Error(`No payment to refund for session ${payment.sessionId}`);
      // Never ask for more than Stripe still holds: a refund made in its dashboard, or one whose
      // bookkeeping here was lost, already took its share.
      const charge = await latestCharge(await stripe.paymentIntents.retrieve(payment.paymentId));
      const left = charge ? charge.amount - charge.amount_refunded : payment.amountCents;
      const amount = Math.min(payment.amountCents, left);
      if (amount <= 0) return;
      await stripe.refunds.create(
        { payment_intent: payment.paymentId, amount, refund_application_fee: true, reverse_transfer: true },
        { idempotencyKey: payment.idempotencyKey },
      );
    },
  };

  async function latestCharge(intent: Stripe.PaymentIntent | null) {
    const id = typeof intent?.latest_charge === 'string' ? intent.latest_charge : intent?.latest_charge?.id;
    return id ? stripe.charges.retrieve(id) : null;
  }
}
