import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { device, matchStand, order, orderItem, scan, seasonProduct, stand, ticket, user } from '../../db/schema/index.ts';

/** The device a ticket entered by (its name is what "already used" tells the steward). */
const entryDevice = alias(device, 'entry_device');

export interface TicketDescription {
  id: string;
  stand: string;
  category: string;
  /** For the steward to glance at, never the full name. */
  holderFirstName: string | null;
}

/**
 * A ticket with what the gate checks (status, stand) and what the steward sees, in one query; `extra`
 * adds fields of its own (a scan reads the first answer to its nonce in the same statement).
 */
export function selectTicketDetails<E extends Record<string, SQL>>(db: Executor, extra: E = {} as E) {
  return (
    db
      .select({
        id: ticket.id,
        seatId: ticket.seatId,
        status: ticket.status,
        revokedAt: ticket.revokedAt,
        standId: stand.id,
        stand: stand.name,
        category: orderItem.category,
        // Passed on: the new holder's; a guest's: the name they gave.
        holder: sql<string | null>`coalesce(${ticket.holderName}, ${user.name}, ${order.buyerName})`,
        usedAt: ticket.usedAt,
        usedBy: entryDevice.name,
        exitedAt: ticket.exitedAt,
        ...extra,
      })
      .from(ticket)
      .innerJoin(orderItem, eq(orderItem.id, ticket.orderItemId))
      .innerJoin(order, eq(order.id, ticket.orderId))
      // A season order's line has no stand: its seats (pass rows, lent seats) are the product's (decision 021).
      .leftJoin(matchStand, eq(matchStand.id, orderItem.matchStandId))
      .leftJoin(seasonProduct, eq(seasonProduct.id, order.seasonProductId))
      .innerJoin(stand, eq(stand.id, sql`coalesce(${matchStand.standId}, ${seasonProduct.standId})`))
      .leftJoin(user, eq(user.id, order.userId))
      .leftJoin(entryDevice, eq(entryDevice.id, ticket.usedByDevice))
  );
}

/** When and by which device a ticket entered, for an `already_used` answer. */
export interface EntryFacts {
  at: Date;
  device: string | null;
}

export const entryOf = (found: { usedAt: Date | null; usedBy: string | null }): EntryFacts | undefined =>
  found.usedAt ? { at: found.usedAt, device: found.usedBy } : undefined;

/**
 * The entry of a ticket of the club, read on its own: for a scan that lost a race for it, and where the
 * match allows re-entry, its latest entry — the one that put the person inside now — rather than the
 * first (the ticket row keeps the first): the last admitting scan of any code of its seat.
 */
export async function findEntry(db: Executor, clubId: string, ticketId: string, latest = false): Promise<EntryFacts | undefined> {
  if (latest) {
    const sameSeat = alias(ticket, 'same_seat');
    const [last] = await db
      .select({ at: scan.scannedAt, device: entryDevice.name })
      .from(ticket)
      .innerJoin(sameSeat, eq(sameSeat.seatId, ticket.seatId))
      .innerJoin(scan, and(eq(scan.ticketId, sameSeat.id), eq(scan.result, 'ok'), eq(scan.direction, 'in')))
      .leftJoin(entryDevice, eq(entryDevice.id, scan.deviceId))
      .where(and(eq(ticket.id, ticketId), eq(ticket.clubId, clubId)))
      .orderBy(desc(scan.scannedAt))
      .limit(1);
    if (last) return last;
  }
  const [found] = await db
    .select({ usedAt: ticket.usedAt, usedBy: entryDevice.name })
    .from(ticket)
    .leftJoin(entryDevice, eq(entryDevice.id, ticket.usedByDevice))
    .where(and(eq(ticket.id, ticketId), eq(ticket.clubId, clubId)));
  return found ? entryOf(found) : undefined;
}

export function toDescription(found: { id: string; stand: string; category: string; holder: string | null }): TicketDescription {
  return { id: found.id, stand: found.stand, category: found.category, holderFirstName: found.holder?.split(/\s+/)[0] ?? null };
}

/** What a steward sees of a scanned ticket of their club: stand, category, the holder's first name. */
export async function describeTicket(db: Executor, clubId: string, ticketId: string): Promise<TicketDescription | null> {
  const [found] = await selectTicketDetails(db).where(and(eq(ticket.id, ticketId), eq(ticket.clubId, clubId)));
  return found ? toDescription(found) : null;
}
