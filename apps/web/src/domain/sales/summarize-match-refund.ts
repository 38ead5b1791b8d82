import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { order, orderItem } from '../../db/schema/index.ts';
import { listSeasonMatchHolders, seasonMatchRefundCents } from '../seasons/list-season-match-holders.ts';

/**
 * What cancelling a match gives back: its paid orders (one per buyer), their tickets and money not yet
 * refunded; and the season passes holding a seat on it, with this match's share of them (refundSeasonMatch).
 */
export async function summarizeMatchRefund(db: Executor, clubId: string, matchId: string) {
  const [paid] = await db
    .select({
      buyers: sql<number>`count(*)::int`,
      amountCents: sql<number>`coalesce(sum(${order.totalCents} - ${order.creditCents} - ${order.refundedCents}), 0)::int`,
    })
    .from(order)
    .where(and(eq(order.clubId, clubId), eq(order.matchId, matchId), eq(order.status, 'paid')));
  const [items] = await db
    .select({ tickets: sql<number>`coalesce(sum(${orderItem.quantity} - ${orderItem.refundedQuantity}), 0)::int` })
    .from(orderItem)
    .innerJoin(order, eq(order.id, orderItem.orderId))
    .where(and(eq(order.clubId, clubId), eq(order.matchId, matchId), eq(order.status, 'paid')));
  const holders = await listSeasonMatchHolders(db, clubId, matchId);
  const seasonAmountCents = [...Map.groupBy(holders, (h) => h.orderId).values()].reduce(
    (sum, passes) => sum + seasonMatchRefundCents(passes[0]!.order, passes),
    0,
  );
  return {
    buyers: paid?.buyers ?? 0,
    tickets: items?.tickets ?? 0,
    amountCents: paid?.amountCents ?? 0,
    seasonHolders: holders.length,
    seasonAmountCents,
  };
}
