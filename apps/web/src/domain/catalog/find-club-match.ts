import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/** One match of this club (another club's match id is not found), with the seats taken so far. */
export async function findClubMatch(db: Executor, clubId: string, matchId: string) {
  const [row] = await db
    .select()
    .from(match)
    .where(and(eq(match.id, matchId), eq(match.clubId, clubId)));
  if (!row) throw new DomainError('not_found');
  const [taken] = await db
    .select({ seats: sql<number>`coalesce(sum(${matchStand.sold} + ${matchStand.held}), 0)::int` })
    .from(matchStand)
    .where(eq(matchStand.matchId, matchId));
  return { ...row, seatsTaken: taken?.seats ?? 0 };
}

export type ClubMatch = Awaited<ReturnType<typeof findClubMatch>>;
