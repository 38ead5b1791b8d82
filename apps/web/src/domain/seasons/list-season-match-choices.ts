import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { competition, match, matchStand, stand } from '../../db/schema/index.ts';

/**
 * The matches a product may cover: the club's upcoming home matches (not cancelled), each with its
 * competition's kind and the stands it has open — a product covers a match only where its stand is open.
 */
export async function listSeasonMatchChoices(db: Executor, clubId: string, now = new Date()) {
  const matches = await db
    .select({
      id: match.id,
      opponentName: match.opponentName,
      kickoffAt: match.kickoffAt,
      competition: competition.name,
      league: sql<boolean>`${competition.kind} = 'league'`,
    })
    .from(match)
    .innerJoin(competition, eq(competition.id, match.competitionId))
    .where(and(eq(match.clubId, clubId), eq(match.isHome, true), ne(match.status, 'cancelled'), gt(match.kickoffAt, now)))
    .orderBy(asc(match.kickoffAt))
    .limit(200);
  const open = matches.length
    ? await db
        .select({ matchId: matchStand.matchId, standId: matchStand.standId, name: stand.name })
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
        .orderBy(asc(stand.name))
    : [];
  return matches.map((m) => ({ ...m, stands: open.filter((s) => s.matchId === m.id).map(({ standId, name }) => ({ standId, name })) }));
}

export type SeasonMatchChoice = Awaited<ReturnType<typeof listSeasonMatchChoices>>[number];

/**
 * The quick choice "all home league matches from … to …" (instants; `to` excluded): the league ones in
 * range where the stand is open, and those in range where it is not (to say so).
 */
export function leagueMatchesBetween(choices: readonly SeasonMatchChoice[], standId: string, from: Date, to: Date) {
  const inRange = choices.filter((m) => m.league && m.kickoffAt >= from && m.kickoffAt < to);
  const open = (m: SeasonMatchChoice) => m.stands.some((s) => s.standId === standId);
  return { covered: inRange.filter(open), standClosed: inRange.filter((m) => !open(m)) };
}
