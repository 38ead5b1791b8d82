import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand, order, orderItem, stand, user } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';

/** One order of this club with its lines (another club's order id is not found). */
export async function findClubOrder(db: Executor, clubId: string, orderId: string) {
  if (!isUuid(orderId)) throw new DomainError('not_found');
  const [found] = await db
    .select({
      order,
      buyer: sql<string | null>`coalesce(${user.name}, ${order.buyerName})`,
      opponent: match.opponentName,
      kickoffAt: match.kickoffAt,
    })
    .from(order)
    .innerJoin(match, eq(match.id, order.matchId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(and(eq(order.id, orderId), eq(order.clubId, clubId)));
  if (!found) throw new DomainError('not_found');
  const items = await db
    .select({
      id: orderItem.id,
      stand: stand.name,
      category: orderItem.category,
      unitPriceCents: orderItem.unitPriceCents,
      quantity: orderItem.quantity,
      refundedQuantity: orderItem.refundedQuantity,
    })
    .from(orderItem)
    .innerJoin(matchStand, eq(matchStand.id, orderItem.matchStandId))
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .where(eq(orderItem.orderId, orderId));
  return { ...found.order, buyer: found.buyer, opponent: found.opponent, kickoffAt: found.kickoffAt, items };
}
