import { Hono } from 'hono';
import Stripe from 'stripe';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { DomainError } from '../../domain/errors.ts';
import { cancelUnpaidSession } from '../../domain/sales/cancel-unpaid-session.ts';
import { findPaymentAccount } from '../../domain/sales/find-payment-account.ts';
import { fulfilOrder } from '../../domain/sales/fulfil-order.ts';
import { providerEventSeen, recordProviderEvent } from '../../domain/sales/provider-event-log.ts';
import { recordProviderRefund } from '../../domain/sales/record-provider-refund.ts';
import { refundUnfulfillableOrder } from '../../domain/sales/refund-unfulfillable-order.ts';
import { syncPaymentAccount } from '../../domain/sales/sync-payment-account.ts';
import { readAccount } from '../../integrations/payments/stripe-connect.ts';
import { bodyLimit } from '../middleware/body-limit.ts';
import type { AppEnv } from '../types.ts';

// Stripe documents no maximum event size, but its objects are small (metadata is capped at 50 keys
// of 500 characters) and events carry no expanded lists: 1 MiB is ample, and an unsigned flood is
// refused before it is buffered (hono's bodyLimit counts chunked bodies too, before the handler).
export const STRIPE_EVENT_MAX_BYTES = 1024 * 1024;

const envelope = z.object({ id: z.string().min(1).max(255), type: z.string().min(1).max(255) });
const objectOf = z.object({ data: z.object({ object: z.object({ id: z.string().min(1).max(255) }) }) });

/** The actor of what an event reports: Stripe itself. */
const PROVIDER = { kind: 'provider' } as const;

/** Stripe answers 404 for an object it does not know: nothing to act on, retrying will not change that. */
const unknownAtStripe = (error: unknown) => error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404;

/**
 * Stripe's webhook: a pointer, never the truth. The signature is checked on the raw body; the handler
 * then re-reads the session, account or charge from Stripe. Every branch is idempotent, so events that
 * come twice, late or out of order change nothing more; a replayed event id is acknowledged at once.
 * A signed event about nothing of FootArena's is acknowledged and logged, never retried by Stripe.
 */
export const stripeWebhookRoutes = new Hono<AppEnv>().post(
  '/',
  bodyLimit({ maxSize: STRIPE_EVENT_MAX_BYTES, onError: (c) => c.json({ error: 'payload too large' }, 413) }),
  async (c) => {
    const deps = c.get('deps');
    if (!deps.stripe) return c.json({ error: 'stripe is not configured' }, 404);
    const body = await c.req.text();
    let event: Stripe.Event;
    try {
      event = await deps.stripe.client.webhooks.constructEventAsync(
        body,
        c.req.header('stripe-signature') ?? '',
        deps.stripe.webhookSecret,
      );
    } catch {
      return c.json({ error: 'invalid signature' }, 400);
    }
    const head = envelope.safeParse(event);
    if (!head.success) {
      deps.logger.warn({ requestId: c.get('requestId'), reason: 'no event id or type' }, 'stripe event ignored');
      return c.json({ received: true, ignored: true });
    }
    const { id: eventId, type: eventType } = head.data;
    if (await providerEventSeen(deps.db, eventId)) return c.json({ received: true, duplicate: true });
    const objectId = objectOf.safeParse(event).data?.data.object.id;
    // Any other failure answers 500: Stripe retries, and the handlers are idempotent.
    const ignored = await handleEvent(deps, event, objectId).catch((error: unknown) => {
      if (unknownAtStripe(error)) return 'unknown to Stripe';
      throw error;
    });
    if (ignored) deps.logger.warn({ eventId, eventType, objectId, reason: ignored }, 'stripe event ignored');
    await recordProviderEvent(deps.db, eventId, eventType);
    return c.json({ received: true, ...(ignored ? { ignored: true } : {}) });
  },
);

const HANDLED = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'account.updated',
  'charge.refunded',
]);

/** Acts on one event; returns why it was ignored when it concerns nothing of FootArena's. */
async function handleEvent(deps: AppDeps, event: Stripe.Event, objectId: string | undefined): Promise<string | undefined> {
  const { db, payments, outbox, config, stripe } = deps;
  if (!HANDLED.has(event.type)) return 'event type not handled';
  if (!objectId || !stripe) return 'no data.object.id';
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const sessionId = objectId;
      try {
        await db.transaction((tx) =>
          fulfilOrder(tx, { payments, outbox, config: config.sales, baseURL: config.baseURL }, { actor: PROVIDER, sessionId }),
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') return 'not a FootArena order';
        if (!(error instanceof DomainError) || (error.code !== 'seats_gone' && error.code !== 'match_cancelled')) throw error;
        const reason = error.code;
        const truth = await payments.retrieveSession(db, sessionId);
        await db.transaction((tx) =>
          refundUnfulfillableOrder(
            tx,
            { payments, outbox, baseURL: config.baseURL },
            { actor: { kind: 'system' }, sessionId, paymentId: truth?.paymentId ?? null, reason },
          ),
        );
      }
      return;
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      if ((await cancelUnpaidSession(db, { payments, outbox }, { actor: PROVIDER, sessionId: objectId })) === 'not_ours')
        return 'not a FootArena order';
      return;
    }
    case 'account.updated': {
      const known = await findPaymentAccount(db, { stripeAccountId: objectId });
      if (!known) return 'not a club account';
      await syncPaymentAccount(
        db,
        {},
        { actor: PROVIDER, account: { clubId: known.clubId, ...(await readAccount(stripe.client, objectId)) } },
      );
      return;
    }
    case 'charge.refunded': {
      const charge = await stripe.client.charges.retrieve(objectId);
      const paymentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
      const recorded = await recordProviderRefund(
        db,
        { payments, outbox, baseURL: config.baseURL },
        { actor: PROVIDER, paymentId, amountRefundedCents: charge.amount_refunded },
      );
      if (recorded === 'not_ours') return 'not a FootArena payment';
      return;
    }
  }
}
