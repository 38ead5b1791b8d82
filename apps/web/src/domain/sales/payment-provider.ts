import type { Executor } from '../../db/client.ts';

// The port every way to pay implements (integrations/payments: demo, stripe); the domain calls only this.

export interface CheckoutRequest {
  orderId: string;
  reference: string;
  email: string;
  /** What the buyer reads on the payment page, one line per stand and category. */
  lines: { name: string; unitAmountCents: number; quantity: number }[];
  totalCents: number;
  feeCents: number;
  holdExpiresAt: Date;
  successUrl: string;
  cancelUrl: string;
  /** The club's connected account that receives the ticket money (Stripe). */
  destinationAccountId?: string;
}

/** What the provider says of a checkout session: the truth fulfilment acts on, never the request. */
export interface SessionTruth {
  paid: boolean;
  amountCents: number;
  orderId: string;
  /** The payment a refund refers to (Stripe's PaymentIntent), once paid. */
  paymentId?: string;
  /** Money already given back for this payment at the provider (a refund from its dashboard). */
  refundedCents?: number;
}

/**
 * A way to pay. `demo` (the embedded default: a local page, no money moves) and `stripe` drive the
 * same fulfilment. Methods take the executor because the demo provider keeps its sessions in the
 * database, in the caller's transaction.
 */
export interface PaymentProvider {
  readonly kind: 'demo' | 'stripe';
  createSession(db: Executor, request: CheckoutRequest): Promise<{ sessionId: string; url: string }>;
  retrieveSession(db: Executor, sessionId: string): Promise<SessionTruth | null>;
  expireSession(db: Executor, sessionId: string): Promise<void>;
  /** Gives the buyer their money back, with FootArena's fee in proportion; idempotent per key. */
  refund(
    db: Executor,
    payment: { sessionId: string; paymentId: string | null; amountCents: number; idempotencyKey: string },
  ): Promise<void>;
}
