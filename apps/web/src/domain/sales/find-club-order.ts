import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand, order, orderItem, seasonPass, seasonProduct, stand, ticket, user } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { productStand, seasonColumns, seasonTitleOf } from './order-subject.ts';

/** What a club reads of one ticket of an order. */
export type TicketState = 'valid' | 'used' | 'refunded';

/**
 * One order of this club with its lines and its tickets (another club's order id is not found). A
 * seat shows its current code: a re-issued seat is one ticket, not two; a seat whose code was revoked
 * without a new one was refunded.
 */
export async function findClubOrder(db: Executor, clubId: string, orderId: string) {
  if (!isUuid(orderId)) throw new DomainError('not_found');
  const [found] = await db
    .select({
      order,
      buyer: sql<string | null>`coalesce(${user.name}, ${order.buyerName})`,
      opponent: match.opponentName,
      kickoffAt: match.kickoffAt,
      ...seasonColumns,
    })
    .from(order)
    .leftJoin(match, eq(match.id, order.matchId))
    .leftJoin(seasonProduct, eq(seasonProduct.id, order.seasonProductId))
    .leftJoin(productStand, eq(productStand.id, seasonProduct.standId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(and(eq(order.id, orderId), eq(order.clubId, clubId)));
  if (!found) throw new DomainError('not_found');
  const items = await db
    .select({
      id: orderItem.id,
      stand: sql<string>`coalesce(${stand.name}, ${found.seasonStand})`,
      category: orderItem.category,
      unitPriceCents: orderItem.unitPriceCents,
      quantity: orderItem.quantity,
      refundedQuantity: orderItem.refundedQuantity,
    })
    .from(orderItem)
    .leftJoin(matchStand, eq(matchStand.id, orderItem.matchStandId))
    .leftJoin(stand, eq(stand.id, matchStand.standId))
    .where(eq(orderItem.orderId, orderId));
  // A season order's seats are its passes (their rows on each match are the gate's business).
  const codes = found.order.seasonProductId
    ? await db
        .select({
          id: seasonPass.id,
          seatId: seasonPass.id,
          itemId: seasonPass.orderItemId,
          status: seasonPass.status,
          usedAt: sql<Date | null>`null`,
          holderName: sql<string | null>`null`,
          holderEmail: sql<string | null>`null`,
        })
        .from(seasonPass)
        .where(eq(seasonPass.orderId, orderId))
        .orderBy(asc(seasonPass.createdAt), asc(seasonPass.id))
    : await db
        .select({
          id: ticket.id,
          seatId: ticket.seatId,
          itemId: ticket.orderItemId,
          status: ticket.status,
          usedAt: ticket.usedAt,
          holderName: ticket.holderName,
          holderEmail: ticket.holderEmail,
        })
        .from(ticket)
        .where(eq(ticket.orderId, orderId))
        .orderBy(asc(ticket.createdAt), asc(ticket.id));
  const seats = new Map<string, (typeof codes)[number]>(); // in the order seats were first issued
  for (const code of codes) seats.set(code.seatId, code); // the newest code of a seat wins
  const tickets = [...seats.values()].map((code, index) => {
    const item = items.find((i) => i.id === code.itemId)!;
    const state: TicketState = code.status === 'revoked' ? 'refunded' : code.usedAt ? 'used' : 'valid';
    return {
      id: code.id,
      number: index + 1,
      stand: item.stand,
      category: item.category,
      unitPriceCents: item.unitPriceCents,
      state,
      usedAt: code.usedAt,
      /** Passed on: who holds the seat's code now (null: the buyer). */
      holder: code.holderEmail ? { name: code.holderName ?? '', email: code.holderEmail } : null,
    };
  });
  return {
    ...found.order,
    buyer: found.buyer,
    opponent: found.opponent,
    kickoffAt: found.kickoffAt,
    season: seasonTitleOf(found),
    items,
    tickets,
  };
}
