import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand, order, orderItem, organization, seasonProduct, stand } from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import { clubVerified } from '../clubs/club-verified.ts';
import { orderSubjectPath, productStand, seasonColumns, seasonTitleOf } from './order-subject.ts';

/** A supporter's orders, newest first, with their lines; `only` narrows to one order. */
export function listMyOrders(db: Executor, userId: string, only: { reference?: string; sessionId?: string } = {}) {
  return selectOrders(
    db,
    and(
      eq(order.userId, userId),
      only.reference ? eq(order.reference, only.reference) : undefined,
      only.sessionId ? eq(order.providerSessionId, only.sessionId) : undefined,
    )!,
  );
}

/**
 * A guest's order, by what only its buyer holds: the hash of its private link's token (the order
 * stays reachable there once attached to an account), or its payment session while it is a guest's.
 */
export async function findGuestOrder(db: Executor, by: { accessTokenHash: string } | { sessionId: string }) {
  const [found] = await selectOrders(
    db,
    'accessTokenHash' in by
      ? eq(order.accessTokenHash, by.accessTokenHash)
      : and(eq(order.providerSessionId, by.sessionId), isNull(order.userId), isNotNull(order.accessTokenHash))!,
  );
  return found ?? null;
}

async function selectOrders(db: Executor, where: SQL) {
  const orders = await db
    .select({
      id: order.id,
      reference: order.reference,
      status: order.status,
      subtotalCents: order.subtotalCents,
      feeCents: order.feeCents,
      totalCents: order.totalCents,
      creditCents: order.creditCents,
      holdExpiresAt: order.holdExpiresAt,
      providerSessionId: order.providerSessionId,
      email: order.email,
      buyerName: order.buyerName,
      /** Bought as a guest: seen through the private link (also once attached to an account). */
      guest: sql<boolean>`${order.accessTokenHash} is not null`,
      createdAt: order.createdAt,
      matchId: order.matchId,
      seasonProductId: order.seasonProductId,
      kickoffAt: match.kickoffAt,
      isHome: match.isHome,
      opponent: match.opponentName,
      club: organization.name,
      clubVerified: clubVerified(organization.verifiedAt),
      ...seasonColumns,
    })
    .from(order)
    .leftJoin(match, eq(match.id, order.matchId))
    .leftJoin(seasonProduct, eq(seasonProduct.id, order.seasonProductId))
    .leftJoin(productStand, eq(productStand.id, seasonProduct.standId))
    .innerJoin(organization, eq(organization.id, order.clubId))
    .where(where)
    .orderBy(desc(order.createdAt))
    .limit(100);
  if (orders.length === 0) return [];
  const items = await db
    .select({
      orderId: orderItem.orderId,
      stand: sql<string>`coalesce(${stand.name}, ${productStand.name})`,
      category: orderItem.category,
      quantity: orderItem.quantity,
      unitPriceCents: orderItem.unitPriceCents,
    })
    .from(orderItem)
    .leftJoin(matchStand, eq(matchStand.id, orderItem.matchStandId))
    .leftJoin(stand, eq(stand.id, matchStand.standId))
    .innerJoin(order, eq(order.id, orderItem.orderId))
    .leftJoin(seasonProduct, eq(seasonProduct.id, order.seasonProductId))
    .leftJoin(productStand, eq(productStand.id, seasonProduct.standId))
    .where(
      inArray(
        orderItem.orderId,
        orders.map((o) => o.id),
      ),
    );
  return orders.map((o) => ({
    ...o,
    // A season order is named by its product ("Season ticket 2026–27 · North stand").
    title: seasonTitleOf(o) ?? matchTitle(o.isHome!, o.club, o.opponent!),
    subjectPath: orderSubjectPath(o),
    items: items.filter((i) => i.orderId === o.id),
  }));
}

export type MyOrder = Awaited<ReturnType<typeof listMyOrders>>[number];
