import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand, order, orderItem, organization, stand, ticket, user, venue } from '../../db/schema/index.ts';
import { clubVerified } from '../clubs/club-verified.ts';
import { isUuid } from '../ids.ts';

/** A match counts as played this long after its kick-off; until then a latecomer still needs the QR at the gate. */
const PLAYED_AFTER_KICKOFF_MS = 3 * 60 * 60 * 1000;

/**
 * A supporter's tickets — those they bought and still hold or passed on, and those passed on to them
 * (by their account or their verified e-mail): upcoming first (soonest first, a match under way included), then past ones;
 * `ticketId` narrows to one. Someone else's ticket is simply not there.
 */
export async function listMyTickets(db: Executor, userId: string, { ticketId, now = new Date() }: { ticketId?: string; now?: Date } = {}) {
  if (ticketId && !isUuid(ticketId)) return [];
  const rows = await db
    .select({
      id: ticket.id,
      code: ticket.code,
      shortCode: ticket.shortCode,
      status: ticket.status,
      usedAt: ticket.usedAt,
      /** Revoked because the holder was given a new code for the seat (not refunded). */
      replaced: sql<boolean>`exists (select 1 from ticket successor where successor.seat_id = ${ticket.seatId} and successor.id <> ${ticket.id} and successor.status = 'valid')`,
      /** Passed on: the name of whoever holds the seat's valid code now, when that is someone else. */
      passedTo: sql<string | null>`(select successor.holder_name from ticket successor where successor.seat_id = ${ticket.seatId}
        and successor.id <> ${ticket.id} and successor.status = 'valid' and successor.holder_email is distinct from ${ticket.holderEmail})`,
      reference: order.reference,
      /** Bought by this supporter (else passed on to them: the order's files and mails are the buyer's). */
      bought: sql<boolean>`coalesce(${order.userId} = ${userId}, false)`,
      /** Whether the club lets tickets of this match be passed on. */
      allowTransfers: match.allowTransfers,
      orderedAt: order.createdAt,
      category: orderItem.category,
      unitPriceCents: orderItem.unitPriceCents,
      stand: stand.name,
      matchId: match.id,
      kickoffAt: match.kickoffAt,
      gatesOpenAt: match.gatesOpenAt,
      matchStatus: match.status,
      isHome: match.isHome,
      opponent: match.opponentName,
      club: organization.name,
      clubVerified: clubVerified(organization.verifiedAt),
      venue: venue.name,
      street: venue.street,
      postalCode: venue.postalCode,
      commune: venue.commune,
    })
    .from(ticket)
    .innerJoin(order, eq(order.id, ticket.orderId))
    .innerJoin(orderItem, eq(orderItem.id, ticket.orderItemId))
    .innerJoin(matchStand, eq(matchStand.id, orderItem.matchStandId))
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .innerJoin(match, eq(match.id, ticket.matchId))
    .innerJoin(organization, eq(organization.id, ticket.clubId))
    .leftJoin(venue, eq(venue.id, match.venueId))
    .where(
      and(
        or(
          and(eq(order.userId, userId), isNull(ticket.holderEmail)),
          eq(ticket.holderUserId, userId),
          sql`${ticket.holderEmail} = (select lower(u.email) from ${user} u where u.id = ${userId} and u.email_verified)`,
        ),
        ticketId ? eq(ticket.id, ticketId) : undefined,
      ),
    )
    .orderBy(asc(match.kickoffAt), asc(ticket.id));
  const played = (r: (typeof rows)[number]) => r.kickoffAt.getTime() + PLAYED_AFTER_KICKOFF_MS <= now.getTime();
  const upcoming = rows.filter((r) => !played(r));
  const past = rows.filter(played).reverse();
  return [...upcoming, ...past].map((r) => ({ ...r, past: played(r) }));
}

export type MyTicket = Awaited<ReturnType<typeof listMyTickets>>[number];
