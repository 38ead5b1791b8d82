import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { clubPaymentAccount, order } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { guestOrderPath } from '../sales/guest-link.ts';
import { findGatePayment } from './find-gate-payment.ts';

/**
 * The buyer at the gate pays the basket on their own phone: the address they gave (optional) is kept for
 * their tickets, and the payment session of exactly that basket is made — the demo page, or Stripe
 * Checkout on the club's account, without FootArena's fee (decision 018). After the provider's call, as
 * the online checkout (no stand row is locked meanwhile). Returns where to send the buyer.
 */
export async function startGatePayment(
  db: Db,
  { payments, baseURL }: Ctx<'payments' | 'baseURL'>,
  input: { actor: { kind: 'guest'; name: string }; token: string; email?: string },
): Promise<{ url: string }> {
  const o = await findGatePayment(db, input.token);
  const orderPage = `${baseURL}${guestOrderPath(input.token)}`;
  if (o.status !== 'pending') return { url: orderPage };
  if (input.email && o.email === '') {
    await db
      .update(order)
      .set({ email: input.email })
      .where(and(eq(order.id, o.id), eq(order.email, '')));
    o.email = input.email;
  }
  // The demo page of a session already made; Stripe answers the same session for the same order (idempotency key).
  if (o.providerSessionId && payments.kind === 'demo') return { url: `${baseURL}/demo-pay/${o.providerSessionId}` };
  let destinationAccountId: string | undefined;
  if (payments.kind === 'stripe') {
    const [account] = await db.select().from(clubPaymentAccount).where(eq(clubPaymentAccount.clubId, o.clubId));
    if (!account?.chargesEnabled) throw new DomainError('payments_not_ready');
    destinationAccountId = account.stripeAccountId;
  }
  const session = await payments.createSession(db, {
    orderId: o.id,
    reference: o.reference,
    email: o.email,
    lines: o.lines.map((l) => ({ name: `${l.stand} · ${l.category}`, unitAmountCents: l.unitPriceCents, quantity: l.quantity })),
    destinationAccountId,
    totalCents: o.totalCents,
    feeCents: o.feeCents,
    holdExpiresAt: o.holdExpiresAt,
    successUrl: orderPage,
    cancelUrl: `${baseURL}${gatePayPath(input.token)}`,
  });
  await db.update(order).set({ providerSessionId: session.sessionId }).where(eq(order.id, o.id));
  return { url: session.url };
}

/** The page the steward's QR code opens on the buyer's phone. */
export const gatePayPath = (token: string) => `/gate-pay/${token}`;
