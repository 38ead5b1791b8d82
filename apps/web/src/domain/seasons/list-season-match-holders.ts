import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { order, orderItem, seasonLoan, seasonOrderSeat, seasonPass, ticket } from '../../db/schema/index.ts';
import { chargedCents } from '../credit/find-credit-balance.ts';
import { matchShareCents } from './season-rules.ts';

/**
 * The passes of paid season orders that still hold a seat on this match: their own row there is valid,
 * or a friend's ticket of an open loan is (lent, the holder still paid for it). A seat given back has
 * neither. With what each pass was bought at and for how many matches (its order's seats).
 */
export async function listSeasonMatchHolders(db: Executor, clubId: string, matchId: string, orderId?: string) {
  const ownRow = sql`exists (select 1 from ${ticket} where ${ticket.seasonPassId} = ${seasonPass.id}
    and ${ticket.matchId} = ${matchId} and ${ticket.status} = 'valid')`;
  const lentRow = sql`exists (select 1 from ${seasonLoan} join ${ticket} on ${ticket.id} = ${seasonLoan.ticketId}
    where ${seasonLoan.passId} = ${seasonPass.id} and ${seasonLoan.matchId} = ${matchId}
      and ${seasonLoan.undoneAt} is null and ${ticket.status} = 'valid')`;
  return db
    .select({
      passId: seasonPass.id,
      orderId: order.id,
      unitPriceCents: orderItem.unitPriceCents,
      matchesBought: sql<number>`(select count(*) from ${seasonOrderSeat} where ${seasonOrderSeat.orderId} = ${order.id})::int`,
      order: {
        totalCents: order.totalCents,
        creditCents: order.creditCents,
        refundedCents: order.refundedCents,
      },
    })
    .from(seasonPass)
    .innerJoin(order, eq(order.id, seasonPass.orderId))
    .innerJoin(orderItem, eq(orderItem.id, seasonPass.orderItemId))
    .where(
      and(
        eq(order.clubId, clubId),
        eq(order.status, 'paid'),
        orderId ? eq(order.id, orderId) : undefined,
        eq(seasonPass.status, 'valid'),
        sql`(${ownRow} or ${lentRow})`,
      ),
    )
    .orderBy(order.id, seasonPass.id);
}

/**
 * What one season order gets back for a cancelled match: each pass's share, never more than is left
 * of what was charged (credit spent is not money to give back).
 */
export function seasonMatchRefundCents(
  current: { totalCents: number; creditCents: number; refundedCents: number },
  passes: readonly { unitPriceCents: number; matchesBought: number }[],
) {
  const shares = passes.reduce((sum, p) => sum + matchShareCents(p.unitPriceCents, p.matchesBought), 0);
  return Math.max(0, Math.min(shares, chargedCents(current) - current.refundedCents));
}
