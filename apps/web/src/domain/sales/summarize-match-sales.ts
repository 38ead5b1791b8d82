import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { order, orderItem } from '../../db/schema/index.ts';
import { toBrusselsLocal } from '../time.ts';

/**
 * Paid sales of one match of this club: the revenue for the club (ticket prices, the fee is
 * FootArena's), tickets sold, and both cumulated per Brussels day for the sales chart. Refunded
 * tickets are not sales: a partly refunded order counts what it kept.
 */
export async function summarizeMatchSales(db: Executor, clubId: string, matchId: string) {
  const rows = await db
    .select({
      paidAt: order.paidAt,
      subtotalCents: sql<number>`sum((${orderItem.quantity} - ${orderItem.refundedQuantity}) * ${orderItem.unitPriceCents})::int`,
      tickets: sql<number>`sum(${orderItem.quantity} - ${orderItem.refundedQuantity})::int`,
    })
    .from(order)
    .innerJoin(orderItem, eq(orderItem.orderId, order.id))
    .where(and(eq(order.clubId, clubId), eq(order.matchId, matchId), eq(order.status, 'paid')))
    .groupBy(order.id)
    .orderBy(asc(order.paidAt));
  const days: { day: string; tickets: number; revenueCents: number }[] = [];
  let tickets = 0;
  let revenueCents = 0;
  for (const row of rows) {
    tickets += row.tickets;
    revenueCents += row.subtotalCents;
    const day = toBrusselsLocal(row.paidAt ?? new Date()).slice(0, 10);
    const last = days.at(-1);
    if (last?.day === day) Object.assign(last, { tickets, revenueCents });
    else days.push({ day, tickets, revenueCents });
  }
  return { tickets, revenueCents, days };
}
