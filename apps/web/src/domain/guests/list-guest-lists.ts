import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { guest, guestList, guestListStand } from '../../db/schema/index.ts';

/** A match's guest lists (the club's only), with their seats, the places given and the guests. */
export function listGuestLists(db: Executor, clubId: string, matchId: string) {
  return db
    .select({
      id: guestList.id,
      name: guestList.name,
      kind: guestList.kind,
      allowance: sql<number>`coalesce((select sum(s.allowance) from ${guestListStand} s where s.guest_list_id = ${guestList.id}), 0)::int`,
      used: sql<number>`coalesce((select sum(s.used) from ${guestListStand} s where s.guest_list_id = ${guestList.id}), 0)::int`,
      guests: sql<number>`(select count(*) from ${guest} g where g.guest_list_id = ${guestList.id})::int`,
    })
    .from(guestList)
    .where(and(eq(guestList.clubId, clubId), eq(guestList.matchId, matchId)))
    .orderBy(asc(guestList.createdAt), asc(guestList.id));
}
