import { and, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, order, orderItem, seasonProduct, user } from '../../db/schema/index.ts';
import { matchDayChannel } from '../boxoffice/summarize-match-day.ts';
import { containsPattern } from '../like-pattern.ts';
import { productStand, seasonColumns, seasonTitleOf } from './order-subject.ts';

/**
 * A club's orders, newest first, searchable by reference, buyer's name or e-mail and narrowed to a
 * match: always scoped by the club id.
 */
export async function listClubOrders(
  db: Executor,
  clubId: string,
  { q = '', matchId, limit = 200 }: { q?: string; matchId?: string; limit?: number } = {},
) {
  const pattern = containsPattern(q.trim());
  const rows = await db
    .select({
      id: order.id,
      reference: order.reference,
      status: order.status,
      createdAt: order.createdAt,
      paidAt: order.paidAt,
      email: order.email,
      buyer: sql<string | null>`coalesce(${user.name}, ${order.buyerName})`, // a guest's: the name they gave
      channel: matchDayChannel,
      subtotalCents: order.subtotalCents,
      feeCents: order.feeCents,
      totalCents: order.totalCents,
      refundedCents: order.refundedCents,
      matchId: match.id,
      opponent: match.opponentName,
      kickoffAt: match.kickoffAt,
      ...seasonColumns,
    })
    .from(order)
    .leftJoin(match, eq(match.id, order.matchId))
    .leftJoin(seasonProduct, eq(seasonProduct.id, order.seasonProductId))
    .leftJoin(productStand, eq(productStand.id, seasonProduct.standId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(
      and(
        eq(order.clubId, clubId),
        matchId ? eq(order.matchId, matchId) : undefined,
        q.trim()
          ? or(ilike(order.reference, pattern), ilike(order.email, pattern), ilike(user.name, pattern), ilike(order.buyerName, pattern))
          : undefined,
      ),
    )
    .orderBy(desc(order.createdAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const tickets = await db
    .select({
      orderId: orderItem.orderId,
      count: sql<number>`sum(${orderItem.quantity})::int`,
      refunded: sql<number>`sum(${orderItem.refundedQuantity})::int`,
    })
    .from(orderItem)
    .where(
      inArray(
        orderItem.orderId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(orderItem.orderId);
  return rows.map((r) => {
    const counted = tickets.find((x) => x.orderId === r.id);
    const { seasonName: _, seasonLabel: __, seasonStand: ___, ...rest } = r;
    return { ...rest, season: seasonTitleOf(r), tickets: counted?.count ?? 0, refundedTickets: counted?.refunded ?? 0 };
  });
}

export type ClubOrder = Awaited<ReturnType<typeof listClubOrders>>[number];
