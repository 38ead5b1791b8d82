import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand, order } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import { admitGateSale } from '../boxoffice/admit-order-tickets.ts';
import type { Ctx } from '../context.ts';
import { chargedCents } from '../credit/find-credit-balance.ts';
import { DomainError } from '../errors.ts';
import { creditGiveBacks } from '../seasons/credit-give-backs.ts';
import { sellPasses } from '../seasons/product-passes.ts';
import { issueTickets } from '../tickets/issue-tickets.ts';
import { seatsPerStand } from './release-expired-orders.ts';

/**
 * Turns a paid checkout session into a paid order, exactly once (invariant 2): it asks the provider
 * for the truth (never trusts the caller), locks the order, and does nothing if it is already paid.
 * Held seats become sold. If the hold had lapsed meanwhile, the seats are taken again when still
 * free (one guarded UPDATE per stand); otherwise `seats_gone` — the payment must be refunded.
 * The actor is whoever reports the payment (the provider's webhook, the buyer on the demo payment
 * page); no activity line: a sale is its order's own record (decision 013).
 */
export async function fulfilOrder(
  tx: Tx,
  { payments, outbox, config, baseURL, now = new Date() }: Ctx<'payments' | 'outbox' | 'config' | 'baseURL' | 'now'>,
  { sessionId }: { actor: Actor; sessionId: string },
) {
  const truth = await payments.retrieveSession(tx, sessionId);
  if (!truth) throw new DomainError('not_found'); // the provider names no order of ours for it
  if (!truth.paid) return { status: 'unpaid' as const };
  let [current] = await tx.select().from(order).where(eq(order.providerSessionId, sessionId)).for('update');
  if (!current) {
    // The session id was never written to the order (a crash right after creating the session):
    // the order named in the session's metadata takes it, so a payment never goes unfulfilled.
    [current] = await tx
      .update(order)
      .set({ providerSessionId: sessionId })
      .where(and(eq(order.id, truth.orderId), isNull(order.providerSessionId)))
      .returning();
  }
  if (!current || current.id !== truth.orderId) throw new DomainError('not_found');
  if (current.status === 'paid') return { status: 'already' as const, order: current };
  // Stripe still says "paid" after a refund: a refunded order never comes back to life.
  if (current.status === 'refunded') return { status: 'refunded' as const, order: current };
  // Money given back at the provider before this confirmation came (a dashboard refund): no tickets.
  if ((truth.refundedCents ?? 0) > 0) return { status: 'refunded_at_provider' as const, order: current };
  // A match cancelled while the buyer was paying: the payment is refunded, never ticketed. The shared
  // lock waits for a cancellation in progress and keeps one from starting until this commits.
  if (current.matchId) {
    const [played] = await tx.select({ status: match.status }).from(match).where(eq(match.id, current.matchId)).for('share');
    if (played?.status === 'cancelled') throw new DomainError('match_cancelled');
  }
  if (truth.amountCents !== chargedCents(current)) throw new DomainError('payment_mismatch');
  // A season order's passes first (the product row before the stand rows, as placeSeasonOrder locks them).
  if (current.seasonProductId && !(await sellPasses(tx, current.id, current.status === 'pending'))) throw new DomainError('seats_gone');

  const seats = await seatsPerStand(tx, [current.id]);
  for (const { matchStandId, quantity } of seats) {
    const moved =
      current.status === 'pending'
        ? await tx
            .update(matchStand)
            .set({ held: sql`${matchStand.held} - ${quantity}`, sold: sql`${matchStand.sold} + ${quantity}` })
            .where(eq(matchStand.id, matchStandId))
            .returning({ id: matchStand.id })
        : await tx
            .update(matchStand)
            .set({ sold: sql`${matchStand.sold} + ${quantity}` })
            .where(and(eq(matchStand.id, matchStandId), sql`${matchStand.sold} + ${matchStand.held} + ${quantity} <= ${matchStand.cap}`))
            .returning({ id: matchStand.id });
    if (moved.length === 0) throw new DomainError('seats_gone'); // the transaction rolls back what moved
  }
  // Seats season holders gave back (decision 021) and this sale took earn them their credit, once.
  await creditGiveBacks(
    tx,
    { outbox, baseURL },
    seats.map((s) => s.matchStandId),
  );
  const [paid] = await tx
    .update(order)
    .set({ status: 'paid', paidAt: now, providerPaymentId: truth.paymentId ?? null })
    .where(eq(order.id, current.id))
    .returning();
  await issueTickets(tx, outbox, paid!.id, config.ticketSealingKey);
  // A basket sold at the gate and paid on the buyer's phone: the people are at the gate, admitted now.
  if (paid!.channel === 'box_office') await admitGateSale(tx, paid!.id, now);
  return { status: 'fulfilled' as const, order: paid! };
}
