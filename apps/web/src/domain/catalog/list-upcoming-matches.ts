import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { competition, match, matchStand, organization, venue } from '../../db/schema/index.ts';

/** Upcoming matches of active clubs, soonest first, with the seats still available. */
export async function listUpcomingMatches(db: Executor, opts: { limit?: number; now?: Date } = {}) {
  return db
    .select({
      id: match.id,
      club: organization.name,
      clubSlug: organization.slug,
      opponent: match.opponentName,
      competition: competition.name,
      kickoffAt: match.kickoffAt,
      status: match.status,
      venue: venue.name,
      commune: venue.commune,
      seatsLeft: sql<number>`coalesce(sum(${matchStand.cap} - ${matchStand.sold} - ${matchStand.held}), 0)::int`,
      fromPriceCents: sql<number | null>`min(${matchStand.priceCents})`,
    })
    .from(match)
    .innerJoin(organization, eq(organization.id, match.clubId))
    .innerJoin(competition, eq(competition.id, match.competitionId))
    .innerJoin(venue, eq(venue.id, match.venueId))
    .leftJoin(matchStand, eq(matchStand.matchId, match.id))
    .where(and(gt(match.kickoffAt, opts.now ?? new Date()), ne(match.status, 'cancelled'), eq(organization.status, 'active')))
    .groupBy(match.id, organization.id, competition.id, venue.id)
    .orderBy(asc(match.kickoffAt))
    .limit(opts.limit ?? 20);
}
