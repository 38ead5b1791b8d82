import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { matchStand, stand } from '../../db/schema/index.ts';

/** The stands open for a match of the club, with their seats left (what a new guest list may take). */
export function listOpenStands(db: Executor, clubId: string, matchId: string) {
  return db
    .select({
      matchStandId: matchStand.id,
      name: stand.name,
      seatsLeft: sql<number>`greatest(${matchStand.cap} - ${matchStand.sold} - ${matchStand.held}, 0)::int`,
    })
    .from(matchStand)
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .where(and(eq(matchStand.clubId, clubId), eq(matchStand.matchId, matchId)))
    .orderBy(asc(stand.name));
}
