import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { guest, guestList, guestListStand, matchStand, order, stand, ticket } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/**
 * One guest list of the club (another club's is not found): its seats in every open stand of the match
 * (allowance 0 and no id where it has none yet), and its guests with how many of their places entered.
 */
export async function findGuestList(db: Executor, clubId: string, guestListId: string) {
  const [list] = await db
    .select()
    .from(guestList)
    .where(and(eq(guestList.id, guestListId), eq(guestList.clubId, clubId)));
  if (!list) throw new DomainError('not_found');
  const [stands, guests] = await Promise.all([
    db
      .select({
        id: guestListStand.id,
        matchStandId: matchStand.id,
        name: stand.name,
        allowance: sql<number>`coalesce(${guestListStand.allowance}, 0)::int`,
        used: sql<number>`coalesce(${guestListStand.used}, 0)::int`,
        seatsLeft: sql<number>`greatest(${matchStand.cap} - ${matchStand.sold} - ${matchStand.held}, 0)::int`,
      })
      .from(matchStand)
      .innerJoin(stand, eq(stand.id, matchStand.standId))
      .leftJoin(guestListStand, and(eq(guestListStand.matchStandId, matchStand.id), eq(guestListStand.guestListId, list.id)))
      .where(and(eq(matchStand.matchId, list.matchId), eq(matchStand.clubId, clubId)))
      .orderBy(asc(stand.name)),
    listGuests(db, clubId, { guestListId: list.id }),
  ]);
  return { ...list, stands, guests };
}

export type GuestList = Awaited<ReturnType<typeof findGuestList>>;

/** Guests of one list, or of a match, with their stand and the places that entered (sorted by name). */
export function listGuests(db: Executor, clubId: string, where: { guestListId: string } | { matchId: string }) {
  return db
    .select({
      id: guest.id,
      name: guest.name,
      email: guest.email,
      places: guest.places,
      guestListId: guest.guestListId,
      listName: guestList.name,
      matchStandId: guestListStand.matchStandId,
      standId: matchStand.standId,
      stand: stand.name,
      reference: order.reference,
      entered: sql<number>`(select count(*) from ${ticket} t where t.order_id = ${guest.orderId} and t.used_at is not null)::int`,
    })
    .from(guest)
    .innerJoin(guestList, eq(guestList.id, guest.guestListId))
    .innerJoin(guestListStand, eq(guestListStand.id, guest.guestListStandId))
    .innerJoin(matchStand, eq(matchStand.id, guestListStand.matchStandId))
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .innerJoin(order, eq(order.id, guest.orderId))
    .where(
      and(eq(guest.clubId, clubId), 'guestListId' in where ? eq(guest.guestListId, where.guestListId) : eq(guest.matchId, where.matchId)),
    )
    .orderBy(asc(guest.name), asc(guest.id));
}
