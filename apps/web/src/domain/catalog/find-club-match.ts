import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { match, matchStand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { displayStatus, matchSeatsLeft } from './match-status.ts';

/**
 * One match of this club (another club's match id is not found), with the seats taken so far and
 * the status people read.
 */
export async function findClubMatch(db: Executor, clubId: string, matchId: string, now = new Date()) {
  const [row] = await db
    .select()
    .from(match)
    .where(and(eq(match.id, matchId), eq(match.clubId, clubId)));
  if (!row) throw new DomainError('not_found');
  const stands = await db
    .select({ cap: matchStand.cap, sold: matchStand.sold, held: matchStand.held })
    .from(matchStand)
    .where(eq(matchStand.matchId, matchId));
  return {
    ...row,
    seatsTaken: stands.reduce((sum, s) => sum + s.sold + s.held, 0),
    displayStatus: displayStatus(row, matchSeatsLeft(stands), now),
  };
}

export type ClubMatch = Awaited<ReturnType<typeof findClubMatch>>;
