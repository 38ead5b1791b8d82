import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { guest, guestList, guestListStand, matchStand, stand, ticket } from '../../db/schema/index.ts';

export const MIN_GUEST_SEARCH = 2;

/** How many of a guest's places entered: their valid tickets admitted. */
export const enteredPlaces = sql<number>`(select count(*) from ${ticket} t where t.order_id = ${guest.orderId} and t.used_at is not null and t.status = 'valid')::int`;

/** Escapes LIKE's wildcards so that what the steward typed is matched as typed. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Guests of one match of the club whose name contains the text typed at the gate (at least two
 * characters; case and accents as typed are ignored by ILIKE's case only): their list, stand, places
 * and how many of them entered. Another club's match gives nothing: the club is part of the query.
 */
export async function searchGuests(db: Executor, clubId: string, matchId: string, text: string, limit = 20) {
  const typed = text.trim();
  if (typed.length < MIN_GUEST_SEARCH) return [];
  return selectGuests(db, { entered: enteredPlaces })
    .where(and(eq(guest.clubId, clubId), eq(guest.matchId, matchId), sql`${guest.name} ilike ${likeText(typed)}`))
    .orderBy(asc(guest.name), asc(guest.id))
    .limit(limit);
}

/**
 * Every guest of the match with their tickets' ids and codes, for a scanner to admit by name offline:
 * a place admitted offline is an offline scan of one of those codes, uploaded and judged like any other
 * (first scan wins). Revoked tickets are left out (a removed guest is no longer on the list).
 */
export async function listOfflineGuests(db: Executor, clubId: string, matchId: string) {
  const rows = await selectGuests(db, {
    tickets: sql<
      { id: string; code: string }[]
    >`(select coalesce(json_agg(json_build_object('id', t.id, 'code', t.code) order by t.id), '[]'::json)
        from ${ticket} t where t.order_id = ${guest.orderId} and t.status = 'valid')`,
  })
    .where(and(eq(guest.clubId, clubId), eq(guest.matchId, matchId)))
    .orderBy(asc(guest.name), asc(guest.id));
  return rows;
}

/**
 * Guests with what every view of them shows (name, list, stand, places) and `extra` columns: the list,
 * its stand and the match's stand joined once, here. The caller adds its own filter and order.
 */
export function selectGuests<E extends Record<string, SQL>>(db: Executor, extra: E) {
  return db
    .select({
      id: guest.id,
      name: guest.name,
      list: guestList.name,
      standId: matchStand.standId,
      stand: stand.name,
      places: guest.places,
      ...extra,
    })
    .from(guest)
    .innerJoin(guestList, eq(guestList.id, guest.guestListId))
    .innerJoin(guestListStand, eq(guestListStand.id, guest.guestListStandId))
    .innerJoin(matchStand, eq(matchStand.id, guestListStand.matchStandId))
    .innerJoin(stand, eq(stand.id, matchStand.standId));
}
