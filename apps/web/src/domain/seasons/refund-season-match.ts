import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand, order, seasonLoan, seasonProduct, ticket } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { refundMailUrl } from '../sales/order-subject.ts';
import { refundPayment } from '../sales/refund-payment.ts';
import { sendRefundMail } from '../sales/send-refund-mail.ts';
import { listSeasonMatchHolders, seasonMatchRefundCents } from './list-season-match-holders.ts';

/**
 * A cancelled match covered by a paid season order (decision 021): each valid pass still holding its
 * seat there (its own row, or lent: the holder paid) is refunded that match's share, its row (or the
 * friend's ticket) revoked and the seat given back. The rows are revoked by a guarded UPDATE under the
 * order's lock, and only the passes whose row this call revoked are paid: run twice, or two at once,
 * each pass is refunded once; a seat given back before has no valid row and gets nothing. The order
 * stays paid (its passes go on). Null when nothing was left to refund.
 */
export async function refundSeasonMatch(
  tx: Tx,
  { payments, outbox, baseURL, now = new Date() }: Ctx<'payments' | 'outbox' | 'baseURL' | 'now'>,
  input: { actor: Actor; clubId: string; orderId: string; matchId: string; message?: string },
) {
  if (!isUuid(input.orderId) || !isUuid(input.matchId)) throw new DomainError('not_found');
  const [current] = await tx
    .select()
    .from(order)
    .where(and(eq(order.id, input.orderId), eq(order.clubId, input.clubId), eq(order.status, 'paid')))
    .for('update');
  if (!current?.seasonProductId) throw new DomainError('not_found');
  // Only a cancelled match gives season money back.
  const [cancelled] = await tx
    .select({ id: match.id })
    .from(match)
    .where(and(eq(match.id, input.matchId), eq(match.clubId, input.clubId), eq(match.status, 'cancelled')));
  if (!cancelled) throw new DomainError('not_found');

  // The passes still seated there, as the club's confirmation counted them (listSeasonMatchHolders).
  const seated = await listSeasonMatchHolders(tx, input.clubId, input.matchId, current.id);
  if (seated.length === 0) return null;
  const passIds = seated.map((p) => p.passId);
  const revoke = (which: ReturnType<typeof and>) =>
    tx
      .update(ticket)
      .set({ status: 'revoked', revokedAt: now })
      .where(and(which, eq(ticket.status, 'valid')))
      .returning({ id: ticket.id, passId: ticket.seasonPassId });
  const own = await revoke(and(inArray(ticket.seasonPassId, passIds), eq(ticket.matchId, input.matchId)));
  const loans = await tx
    .select({ passId: seasonLoan.passId, ticketId: seasonLoan.ticketId })
    .from(seasonLoan)
    .where(and(inArray(seasonLoan.passId, passIds), eq(seasonLoan.matchId, input.matchId), isNull(seasonLoan.undoneAt)));
  const lent =
    loans.length > 0
      ? await revoke(
          inArray(
            ticket.id,
            loans.map((l) => l.ticketId),
          ),
        )
      : [];
  const refunded = new Set([...own.map((r) => r.passId!), ...lent.map((r) => loans.find((l) => l.ticketId === r.id)!.passId)]);
  if (refunded.size === 0) return null; // refunded already, or every seat was given back before

  const amountCents = seasonMatchRefundCents(
    current,
    seated.filter((p) => refunded.has(p.passId)),
  );
  const count = refunded.size;
  // Written as soon as the refund is decided: a provider that refuses it below rolls the line back too.
  await recordActivity(tx, {
    clubId: current.clubId,
    actor: input.actor,
    action: 'order.tickets_refunded',
    subject: { orderId: current.id, matchId: input.matchId },
    details: { tickets: count, amountCents, reason: 'match_cancelled' },
  });
  await refundPayment(tx, payments, current, amountCents, input.actor);
  await tx
    .update(matchStand)
    .set({ sold: sql`${matchStand.sold} - ${count}` })
    .where(
      and(
        eq(matchStand.matchId, input.matchId),
        eq(
          matchStand.standId,
          tx.select({ id: seasonProduct.standId }).from(seasonProduct).where(eq(seasonProduct.id, current.seasonProductId)),
        ),
      ),
    );
  const [after] = await tx
    .update(order)
    .set({ refundedCents: sql`${order.refundedCents} + ${amountCents}` })
    .where(eq(order.id, current.id))
    .returning();
  await sendRefundMail(tx, outbox, {
    // Named by the cancelled match, the season product beside it.
    order: { ...current, matchId: input.matchId },
    template: 'seasonMatchCancelled',
    amountCents,
    count,
    url: refundMailUrl(baseURL, current),
    note: input.message,
  });
  return { ...after!, amountCents, passes: count };
}
