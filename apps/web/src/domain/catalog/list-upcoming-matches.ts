import { and, asc, eq, gt, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { competition, match, organization, venue } from '../../db/schema/index.ts';
import { clubVerified } from '../clubs/club-verified.ts';
import { containsPattern } from '../like-pattern.ts';
import { displayStatus } from './match-status.ts';
import { matchTitle } from './match-title.ts';

export interface CatalogFilter {
  /** Instants (the HTTP layer turns Brussels dates into them). */
  from?: Date;
  to?: Date;
  clubSlug?: string;
  competitionSlug?: string;
  q?: string;
  /** Away matches too (a club's own page); the catalog lists the matches clubs sell tickets for. */
  includeAway?: boolean;
}

export const PUBLIC_STATUSES = ['scheduled', 'on_sale', 'postponed'] as const;

/**
 * Upcoming matches of active clubs, soonest first, filtered, one page at a time. Seats left and the
 * lowest price are computed per page only (correlated subqueries on at most `pageSize` rows).
 */
export async function listUpcomingMatches(db: Executor, filter: CatalogFilter = {}, paging: Paging = {}) {
  const { page = 1, pageSize = 20, now = new Date() } = paging;
  const rows = await catalogQuery(db, filter, { ...paging, now });
  const items = rows
    .slice(0, pageSize)
    .map((m) => ({ ...m, title: matchTitle(m.isHome, m.club, m.opponent), displayStatus: displayStatus(m, m.seatsLeft, now) }));
  return { items, hasNext: rows.length > pageSize, page };
}

type Paging = { page?: number; pageSize?: number; now?: Date };

/** The catalog's one SQL query (one row more than a page, to know whether another page follows). */
/** Matches per page of the catalog. */
export const CATALOG_PAGE_SIZE = 20;

export function catalogQuery(
  db: Executor,
  filter: CatalogFilter = {},
  { page = 1, pageSize = CATALOG_PAGE_SIZE, now = new Date() }: Paging = {},
) {
  const conditions: (SQL | undefined)[] = [
    gt(match.kickoffAt, now),
    filter.from ? gte(match.kickoffAt, filter.from) : undefined,
    filter.to ? lt(match.kickoffAt, filter.to) : undefined,
    inArray(match.status, [...PUBLIC_STATUSES]),
    filter.includeAway ? undefined : eq(match.isHome, true),
    eq(organization.status, 'active'),
    filter.clubSlug ? eq(organization.slug, filter.clubSlug) : undefined,
    filter.competitionSlug ? eq(competition.slug, filter.competitionSlug) : undefined,
  ];
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    conditions.push(
      or(
        ilike(organization.name, pattern),
        ilike(match.opponentName, pattern),
        ilike(competition.name, pattern),
        ilike(venue.name, pattern),
        ilike(venue.commune, pattern),
      ),
    );
  }
  return db
    .select({
      id: match.id,
      club: organization.name,
      clubSlug: organization.slug,
      clubLogo: organization.logo,
      clubVerified: clubVerified(organization.verifiedAt),
      opponent: match.opponentName,
      isHome: match.isHome,
      competition: competition.name,
      kickoffAt: match.kickoffAt,
      status: match.status,
      venue: venue.name,
      commune: venue.commune,
      // Correlated subqueries name their own tables (ms, msp): drizzle leaves columns unqualified in
      // some queries, and an unqualified "id" would silently bind to the inner table.
      seatsLeft: sql<number>`(select coalesce(sum(ms.cap - ms.sold - ms.held), 0)::int from match_stand ms where ms.match_id = ${match.id})`,
      // The cheapest standard (adult) ticket: "from 5 €", not "from free" because children enter free.
      fromPriceCents: sql<
        number | null
      >`(select min(msp.price_cents) from match_stand_price msp join match_stand ms on ms.id = msp.match_stand_id where ms.match_id = ${match.id} and msp.category = 'adult')`,
    })
    .from(match)
    .innerJoin(organization, eq(organization.id, match.clubId))
    .innerJoin(competition, eq(competition.id, match.competitionId))
    .leftJoin(venue, eq(venue.id, match.venueId))
    .where(and(...conditions))
    .orderBy(asc(match.kickoffAt), asc(match.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
}

export type CatalogMatch = Awaited<ReturnType<typeof listUpcomingMatches>>['items'][number];
