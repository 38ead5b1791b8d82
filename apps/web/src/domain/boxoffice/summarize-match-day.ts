import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { order, orderItem } from '../../db/schema/index.ts';

/** The rows of the match-day report, in the order people read them. */
export const MATCH_DAY_CHANNELS = ['online', 'gate_cash', 'gate_phone', 'guest', 'free_entry'] as const;
export type MatchDayChannel = (typeof MATCH_DAY_CHANNELS)[number];

/** An order's row of the report: its channel, the gate split by who took the money. */
export const matchDayChannel = sql<MatchDayChannel>`(case when ${order.channel} = 'box_office' then
  (case when ${order.provider} = 'cash' then 'gate_cash' else 'gate_phone' end) else ${order.channel} end)`;

export interface MatchDayRow {
  channel: MatchDayChannel;
  orders: number;
  tickets: number;
  /** Ticket money the club keeps (refunded tickets out). */
  moneyCents: number;
  /** FootArena's fee kept: on online payments only. */
  feeCents: number;
}

/**
 * A match's day in figures, per channel (order.channel; the gate split by who took the money): paid
 * orders, tickets and money net of refunds as summarizeMatchSales counts them (a partly refunded order
 * counts what it kept), and FootArena's fee — only online orders carry one; its refunded part (what was
 * given back beyond the tickets' money) is out.
 */
export async function summarizeMatchDay(db: Executor, clubId: string, matchId: string) {
  const kept = db
    .select({
      id: order.id,
      channel: matchDayChannel.as('channel'),
      tickets: sql<number>`sum(${orderItem.quantity} - ${orderItem.refundedQuantity})`.as('tickets'),
      money: sql<number>`sum((${orderItem.quantity} - ${orderItem.refundedQuantity}) * ${orderItem.unitPriceCents})`.as('money'),
      fee: sql<number>`(case when ${order.channel} = 'online' then ${order.feeCents}
        - greatest(0, ${order.refundedCents} - sum(${orderItem.refundedQuantity} * ${orderItem.unitPriceCents})) else 0 end)`.as('fee'),
    })
    .from(order)
    .innerJoin(orderItem, eq(orderItem.orderId, order.id))
    .where(and(eq(order.clubId, clubId), eq(order.matchId, matchId), eq(order.status, 'paid')))
    .groupBy(order.id)
    .as('kept');
  const sums = await db
    .select({
      channel: kept.channel,
      orders: sql<number>`count(*)::int`,
      tickets: sql<number>`coalesce(sum(${kept.tickets}), 0)::int`,
      moneyCents: sql<number>`coalesce(sum(${kept.money}), 0)::int`,
      feeCents: sql<number>`coalesce(sum(${kept.fee}), 0)::int`,
    })
    .from(kept)
    .groupBy(kept.channel);
  const rows: MatchDayRow[] = MATCH_DAY_CHANNELS.map(
    (channel) => sums.find((s) => s.channel === channel) ?? { channel, orders: 0, tickets: 0, moneyCents: 0, feeCents: 0 },
  );
  const total = rows.reduce(
    (sum, r) => ({
      orders: sum.orders + r.orders,
      tickets: sum.tickets + r.tickets,
      moneyCents: sum.moneyCents + r.moneyCents,
      feeCents: sum.feeCents + r.feeCents,
    }),
    { orders: 0, tickets: 0, moneyCents: 0, feeCents: 0 },
  );
  return { rows, total };
}
