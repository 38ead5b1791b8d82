import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/** One match of this club (another club's match id is not found), with the seats taken so far. */
export async function findClubMatch(db: Executor, clubId: string, matchId: string) {
  const [row] = await db
    .select({
      match,
      seatsTaken: sql<number>`(select coalesce(sum(${matchStand.sold} + ${matchStand.held}), 0)::int from ${matchStand} where ${matchStand.matchId} = ${match.id})`,
    })
    .from(match)
    .where(and(eq(match.id, matchId), eq(match.clubId, clubId)));
  if (!row) throw new DomainError('not_found');
  return { ...row.match, seatsTaken: row.seatsTaken };
}

export type ClubMatch = Awaited<ReturnType<typeof findClubMatch>>;
