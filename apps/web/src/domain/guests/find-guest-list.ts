import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { guest, guestList, guestListStand, matchStand, stand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { enteredPlaces, selectGuests } from './search-guests.ts';

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
    listGuests(db, clubId, list.id),
  ]);
  return { ...list, stands, guests };
}

export type GuestList = Awaited<ReturnType<typeof findGuestList>>;

/** Guests of one list, with their address and the places that entered (sorted by name). */
function listGuests(db: Executor, clubId: string, guestListId: string) {
  return selectGuests(db, { email: sql<string | null>`${guest.email}`, entered: enteredPlaces })
    .where(and(eq(guest.clubId, clubId), eq(guest.guestListId, guestListId)))
    .orderBy(asc(guest.name), asc(guest.id));
}
