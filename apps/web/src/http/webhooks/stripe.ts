import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type Stripe from 'stripe';
import { order, stripeEvent, user } from '../../db/schema/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { cancelPendingOrder } from '../../domain/sales/cancel-pending-order.ts';
import { findPaymentAccount } from '../../domain/sales/find-payment-account.ts';
import { fulfilOrder } from '../../domain/sales/fulfil-order.ts';
import { refundOrder } from '../../domain/sales/refund-order.ts';
import { refundUnfulfillableOrder } from '../../domain/sales/refund-unfulfillable-order.ts';
import { syncPaymentAccount } from '../../domain/sales/sync-payment-account.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/**
 * Stripe's webhook: a pointer, never the truth. The signature is checked on the raw body; the handler
 * then re-reads the session, account or charge from Stripe. Every branch is idempotent, so events that
 * come twice, late or out of order change nothing more; a replayed event id is acknowledged at once.
 */
export const stripeWebhookRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const deps = c.get('deps');
  if (!deps.stripe) return c.json({ error: 'stripe is not configured' }, 404);
  const body = await c.req.text();
  let event: Stripe.Event;
  try {
    event = await deps.stripe.client.webhooks.constructEventAsync(body, c.req.header('stripe-signature') ?? '', deps.stripe.webhookSecret);
  } catch {
    return c.json({ error: 'invalid signature' }, 400);
  }
  const [seen] = await deps.db.select({ id: stripeEvent.id }).from(stripeEvent).where(eq(stripeEvent.id, event.id));
  if (seen) return c.json({ received: true, duplicate: true });
  await handleEvent(deps, event); // a failure answers 500: Stripe retries, and the handlers are idempotent
  await deps.db.insert(stripeEvent).values({ id: event.id, type: event.type }).onConflictDoNothing();
  return c.json({ received: true });
});

async function handleEvent(deps: AppDeps, event: Stripe.Event) {
  const { db, payments, outbox, config, stripe } = deps;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const sessionId = event.data.object.id;
      try {
        await db.transaction((tx) => fulfilOrder(tx, { payments, outbox, config: config.sales }, sessionId));
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') return; // not a FootArena order
        if (!(error instanceof DomainError) || (error.code !== 'seats_gone' && error.code !== 'match_cancelled')) throw error;
        const reason = error.code;
        const truth = await payments.retrieveSession(db, sessionId);
        const [buyer] = await db
          .select({ locale: user.locale })
          .from(order)
          .innerJoin(user, eq(user.id, order.userId))
          .where(eq(order.providerSessionId, sessionId));
        await db.transaction((tx) =>
          refundUnfulfillableOrder(tx, payments, outbox, {
            sessionId,
            paymentId: truth?.paymentId ?? null,
            baseURL: config.baseURL,
            locale: buyer?.locale,
            reason,
          }),
        );
      }
      return;
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const sessionId = event.data.object.id;
      const truth = await payments.retrieveSession(db, sessionId);
      if (truth?.paid) return; // out of order: the payment went through after all
      await db
        .transaction((tx) => cancelPendingOrder(tx, outbox, { sessionId }))
        .catch((error: unknown) => {
          if (!(error instanceof DomainError && error.code === 'not_found')) throw error; // nothing pending left
        });
      return;
    }
    case 'account.updated': {
      const known = await findPaymentAccount(db, { stripeAccountId: event.data.object.id });
      if (!known || !stripe) return;
      const account = await stripe.client.accounts.retrieve(event.data.object.id);
      await syncPaymentAccount(db, {
        clubId: known.clubId,
        stripeAccountId: account.id,
        chargesEnabled: account.charges_enabled ?? false,
        payoutsEnabled: account.payouts_enabled ?? false,
        detailsSubmitted: account.details_submitted ?? false,
      });
      return;
    }
    case 'charge.refunded': {
      if (!stripe) return;
      const charge = await stripe.client.charges.retrieve(event.data.object.id);
      const paymentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
      if (!paymentId) return;
      const [paid] = await db.select().from(order).where(eq(order.providerPaymentId, paymentId));
      // Compared by amount: a refund the app made itself is already counted and changes nothing.
      if (paid?.status !== 'paid' || charge.amount_refunded <= paid.refundedCents) return;
      if (charge.amount_refunded >= paid.totalCents) {
        await db.transaction((tx) =>
          refundOrder(tx, payments, outbox, { clubId: paid.clubId, orderId: paid.id, baseURL: config.baseURL, reason: 'provider' }),
        );
      } else {
        // Part of the money went back from Stripe's dashboard: recorded, the tickets stay valid.
        await db.update(order).set({ refundedCents: charge.amount_refunded }).where(eq(order.id, paid.id));
      }
      return;
    }
    default:
      return;
  }
}
