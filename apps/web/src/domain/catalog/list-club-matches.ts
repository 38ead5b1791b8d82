import { and, asc, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { competition, match, matchStand, stand } from '../../db/schema/index.ts';
import { displayStatus, matchSeatsLeft, seatsLeft } from './match-status.ts';

/** The back office's list: a club's upcoming (or past) matches with seats sold and left per stand. */
export async function listClubMatches(db: Executor, clubId: string, { past = false, now = new Date(), limit = 50 } = {}) {
  const matches = await db
    .select({
      id: match.id,
      opponentName: match.opponentName,
      isHome: match.isHome,
      kickoffAt: match.kickoffAt,
      status: match.status,
      competition: competition.name,
    })
    .from(match)
    .innerJoin(competition, eq(competition.id, match.competitionId))
    .where(and(eq(match.clubId, clubId), past ? lte(match.kickoffAt, now) : gt(match.kickoffAt, now)))
    .orderBy(past ? desc(match.kickoffAt) : asc(match.kickoffAt))
    .limit(limit);
  if (matches.length === 0) return [];
  const stands = await db
    .select({ matchId: matchStand.matchId, name: stand.name, cap: matchStand.cap, sold: matchStand.sold, held: matchStand.held })
    .from(matchStand)
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .where(
      and(
        eq(matchStand.clubId, clubId),
        inArray(
          matchStand.matchId,
          matches.map((m) => m.id),
        ),
      ),
    )
    .orderBy(asc(stand.name));
  return matches.map((m) => {
    const own = stands.filter((s) => s.matchId === m.id).map((s) => ({ ...s, seatsLeft: seatsLeft(s) }));
    return { ...m, displayStatus: displayStatus(m, matchSeatsLeft(own), now), stands: own };
  });
}
