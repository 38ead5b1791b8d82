import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  clubLogo,
  match,
  order,
  orderItem,
  organization,
  seasonLoan,
  seasonProduct,
  stand,
  ticket,
  user,
  venue,
} from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import type { OrderTickets } from './find-order-tickets.ts';

/**
 * One lent seat as the tickets mail renders an order (findOrderTickets' shape): the friend's ticket,
 * mailed to the friend, in the lender's language, with the lender's name. Null once it is no longer
 * valid (the loan was undone before the mail went).
 */
export async function findLentTicket(db: Executor, ticketId: string): Promise<(OrderTickets & { lender: string }) | null> {
  const [found] = await db
    .select({
      reference: order.reference,
      email: sql<string>`coalesce(${ticket.holderEmail}, '')`,
      locale: sql<string | null>`coalesce(${user.locale}, ${order.buyerLocale})`,
      name: ticket.holderName,
      lender: sql<string>`coalesce(${user.name}, ${order.buyerName}, '')`,
      status: ticket.status,
      matchId: match.id,
      kickoffAt: match.kickoffAt,
      gatesOpenAt: match.gatesOpenAt,
      isHome: match.isHome,
      opponent: match.opponentName,
      club: organization.name,
      colorPrimary: organization.colorPrimary,
      colorSecondary: organization.colorSecondary,
      clubId: organization.id,
      venue: venue.name,
      street: venue.street,
      postalCode: venue.postalCode,
      commune: venue.commune,
      id: ticket.id,
      code: ticket.code,
      shortCode: ticket.shortCode,
      stand: stand.name,
      category: orderItem.category,
      unitPriceCents: orderItem.unitPriceCents,
    })
    .from(ticket)
    .innerJoin(seasonLoan, eq(seasonLoan.ticketId, ticket.id))
    .innerJoin(order, eq(order.id, ticket.orderId))
    .innerJoin(orderItem, eq(orderItem.id, ticket.orderItemId))
    .innerJoin(match, eq(match.id, ticket.matchId))
    .innerJoin(organization, eq(organization.id, ticket.clubId))
    .innerJoin(seasonProduct, eq(seasonProduct.id, order.seasonProductId))
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .leftJoin(venue, eq(venue.id, match.venueId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(eq(ticket.id, ticketId));
  if (found?.status !== 'valid') return null;
  const [logo] = await db
    .select({ contentType: clubLogo.contentType, bytes: clubLogo.bytes })
    .from(clubLogo)
    .where(eq(clubLogo.clubId, found.clubId));
  const { id, code, shortCode, stand: standName, category, unitPriceCents, status: _, ...head } = found;
  return {
    ...head,
    guest: false,
    title: matchTitle(head.isHome, head.club, head.opponent),
    tickets: [{ id, code, shortCode, stand: standName, category, unitPriceCents, holderName: null, holderEmail: null, holderLocale: null }],
    logo: logo ?? null,
  };
}
