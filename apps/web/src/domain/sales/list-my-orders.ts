import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand, order, orderItem, organization, stand } from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import { clubVerified } from '../clubs/club-verified.ts';

/** A supporter's orders, newest first, with their lines; `only` narrows to one order. */
export async function listMyOrders(db: Executor, userId: string, only: { reference?: string; sessionId?: string } = {}) {
  const orders = await db
    .select({
      id: order.id,
      reference: order.reference,
      status: order.status,
      subtotalCents: order.subtotalCents,
      feeCents: order.feeCents,
      totalCents: order.totalCents,
      holdExpiresAt: order.holdExpiresAt,
      providerSessionId: order.providerSessionId,
      createdAt: order.createdAt,
      matchId: match.id,
      kickoffAt: match.kickoffAt,
      isHome: match.isHome,
      opponent: match.opponentName,
      club: organization.name,
      clubVerified: clubVerified(organization.verifiedAt),
    })
    .from(order)
    .innerJoin(match, eq(match.id, order.matchId))
    .innerJoin(organization, eq(organization.id, order.clubId))
    .where(
      and(
        eq(order.userId, userId),
        only.reference ? eq(order.reference, only.reference) : undefined,
        only.sessionId ? eq(order.providerSessionId, only.sessionId) : undefined,
      ),
    )
    .orderBy(desc(order.createdAt))
    .limit(100);
  if (orders.length === 0) return [];
  const items = await db
    .select({
      orderId: orderItem.orderId,
      stand: stand.name,
      category: orderItem.category,
      quantity: orderItem.quantity,
      unitPriceCents: orderItem.unitPriceCents,
    })
    .from(orderItem)
    .innerJoin(matchStand, eq(matchStand.id, orderItem.matchStandId))
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .where(
      inArray(
        orderItem.orderId,
        orders.map((o) => o.id),
      ),
    );
  return orders.map((o) => ({ ...o, title: matchTitle(o.isHome, o.club, o.opponent), items: items.filter((i) => i.orderId === o.id) }));
}

export type MyOrder = Awaited<ReturnType<typeof listMyOrders>>[number];
