import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { matchStand, order, orderItem, stand, ticket, user } from '../../db/schema/index.ts';

/** What a steward sees of a scanned ticket of their club: stand, category, the holder's first name. */
export async function describeTicket(db: Executor, clubId: string, ticketId: string) {
  const [found] = await db
    .select({ id: ticket.id, stand: stand.name, category: orderItem.category, holder: user.name })
    .from(ticket)
    .innerJoin(orderItem, eq(orderItem.id, ticket.orderItemId))
    .innerJoin(matchStand, eq(matchStand.id, orderItem.matchStandId))
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .innerJoin(order, eq(order.id, ticket.orderId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(and(eq(ticket.id, ticketId), eq(ticket.clubId, clubId)));
  if (!found) return null;
  return { id: found.id, stand: found.stand, category: found.category, holderFirstName: found.holder?.split(/\s+/)[0] ?? null };
}
