import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  clubLogo,
  match,
  matchStand,
  order,
  orderItem,
  organization,
  seasonProduct,
  stand,
  ticket,
  user,
  venue,
} from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';

/**
 * Everything a ticket e-mail, PDF or calendar entry shows for one order: its valid tickets and match.
 * The buyer's: the tickets they still hold (not those passed on). `ticketId`: that one ticket only,
 * addressed to the person it was passed on to (a transfer, or a season seat lent for its match: decision 021).
 */
export async function findOrderTickets(db: Executor, orderId: string, { ticketId }: { ticketId?: string } = {}) {
  const [head] = await db
    .select({
      reference: order.reference,
      email: order.email,
      locale: sql<string | null>`coalesce(${user.locale}, ${order.buyerLocale})`, // a guest's: the language they bought in
      name: sql<string | null>`coalesce(${user.name}, ${order.buyerName})`,
      /** Bought as a guest: the mail carries the private link to the order. */
      guest: sql<boolean>`${order.accessTokenHash} is not null`,
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
    })
    .from(order)
    // One ticket: its own match (a season order has none of its own).
    .innerJoin(match, eq(match.id, ticketId ? sql`(select t.match_id from ${ticket} t where t.id = ${ticketId})` : order.matchId))
    .innerJoin(organization, eq(organization.id, order.clubId))
    .leftJoin(venue, eq(venue.id, match.venueId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(eq(order.id, orderId));
  if (!head) return null;
  const tickets = await db
    .select({
      id: ticket.id,
      code: ticket.code,
      holderName: ticket.holderName,
      holderEmail: ticket.holderEmail,
      holderLocale: sql<string | null>`(select u.locale from ${user} u where u.id = ${ticket.holderUserId})`,
      shortCode: ticket.shortCode,
      stand: stand.name,
      category: orderItem.category,
      unitPriceCents: orderItem.unitPriceCents,
    })
    .from(ticket)
    .innerJoin(orderItem, eq(orderItem.id, ticket.orderItemId))
    .innerJoin(order, eq(order.id, ticket.orderId))
    // A season seat's stand is its product's.
    .leftJoin(matchStand, eq(matchStand.id, orderItem.matchStandId))
    .leftJoin(seasonProduct, eq(seasonProduct.id, order.seasonProductId))
    .innerJoin(stand, eq(stand.id, sql`coalesce(${matchStand.standId}, ${seasonProduct.standId})`))
    .where(and(eq(ticket.orderId, orderId), eq(ticket.status, 'valid'), ticketId ? eq(ticket.id, ticketId) : isNull(ticket.holderEmail)))
    .orderBy(asc(stand.name), asc(ticket.id));
  const [logo] = await db
    .select({ contentType: clubLogo.contentType, bytes: clubLogo.bytes })
    .from(clubLogo)
    .where(eq(clubLogo.clubId, head.clubId));
  const title = matchTitle(head.isHome, head.club, head.opponent);
  const passed = ticketId ? tickets[0] : undefined;
  // A ticket passed on is the new holder's: their address, their name, their language (else the buyer's).
  const to = passed?.holderEmail
    ? { email: passed.holderEmail, name: passed.holderName, locale: passed.holderLocale ?? head.locale, guest: false, from: head.name }
    : {};
  return { ...head, ...to, title, tickets, logo: logo ?? null };
}

export type OrderTickets = NonNullable<Awaited<ReturnType<typeof findOrderTickets>>>;
