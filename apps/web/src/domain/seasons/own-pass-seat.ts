import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand, order, orderItem, seasonPass, seasonProduct, ticket } from '../../db/schema/index.ts';
import type { Person } from '../activity/record-activity.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';

/**
 * The holder's seat on one covered match of their pass, for lending or giving it back: the pass (of
 * an order of theirs), the match (not started: a seat is passed on only before kick-off), its stand of
 * the product, and the pass's row there — the valid one, else the latest — locked, so a scan or a
 * second click waits for this transaction.
 */
export async function ownPassSeat(tx: Tx, actor: Person, passId: string, matchId: string, now: Date) {
  if (!isUuid(passId) || !isUuid(matchId)) throw new DomainError('not_found');
  const [pass] = await tx
    .select({
      id: seasonPass.id,
      clubId: seasonPass.clubId,
      productId: seasonPass.productId,
      category: orderItem.category,
      orderId: order.id,
    })
    .from(seasonPass)
    .innerJoin(order, eq(order.id, seasonPass.orderId))
    .innerJoin(orderItem, eq(orderItem.id, seasonPass.orderItemId))
    .where(and(eq(seasonPass.id, passId), eq(order.userId, actor.userId), eq(seasonPass.status, 'valid')));
  if (!pass) throw new DomainError('not_found');
  const [seat] = await tx
    .select({ row: ticket, kickoffAt: match.kickoffAt, status: match.status, title: match.opponentName, matchStandId: matchStand.id })
    .from(ticket)
    .innerJoin(match, eq(match.id, ticket.matchId))
    .innerJoin(seasonProduct, eq(seasonProduct.id, pass.productId))
    .innerJoin(matchStand, and(eq(matchStand.matchId, ticket.matchId), eq(matchStand.standId, seasonProduct.standId)))
    .where(and(eq(ticket.seasonPassId, passId), eq(ticket.matchId, matchId)))
    .orderBy(desc(sql`${ticket.status} = 'valid'`), desc(ticket.createdAt))
    .limit(1)
    .for('update', { of: ticket });
  if (!seat) throw new DomainError('not_found');
  if (seat.kickoffAt.getTime() <= now.getTime() || seat.status === 'played' || seat.status === 'cancelled')
    throw new DomainError('match_started');
  return { pass, seat };
}
