import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { competition, match, matchStand, matchStandPrice, organization, type PriceCategory, stand, venue } from '../../db/schema/index.ts';
import { clubVerified } from '../clubs/club-verified.ts';
import { creditBalance } from '../credit/find-credit-balance.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { memberAddress, onMemberList } from '../members/is-member.ts';
import { offerMemberPrices } from '../members/offer-member-prices.ts';
import { lapsedHolds } from '../sales/lapsed-holds.ts';
import { publicSeasonProduct, publicSeasonProductsOfMatch } from '../seasons/list-public-season-products.ts';
import { PUBLIC_STATUSES } from './list-upcoming-matches.ts';
import { displayStatus, matchSeatsLeft, saleIsOpen, seatsLeft } from './match-status.ts';
import { matchTitle } from './match-title.ts';

const opponentClub = alias(organization, 'opponent_club');

/** Who looks at a match page: a signed-in person (their member prices and credit), or nobody. */
export type MatchViewer = { id: string; email: string; emailVerified: boolean } | null | undefined;

/**
 * A match as the public sees it (also past and cancelled ones, so shared links never break), as the
 * viewer may buy it: the member price only for a member (decision 021), with their credit with the
 * club and the season products covering the match.
 */
export async function findPublicMatch(db: Executor, matchId: string, viewer?: MatchViewer, now = new Date()) {
  if (!isUuid(matchId)) throw new DomainError('not_found');
  // Built once per database, one statement with the viewer's part: every refused checkout of a rush
  // renders this page.
  const query = preparedOnce(db, 'public_match', (name) => selectPublicMatch(db).prepare(name));
  const [row] = await query.execute({
    matchId,
    now,
    viewerId: viewer?.id ?? null,
    memberEmail: memberAddress(viewer),
  });
  if (row?.club.status !== 'active') throw new DomainError('not_found');

  const { opponentClub: linked, stands, member, seasons, ...found } = row;
  const shown = offerMemberPrices({ stands }, member).stands;
  return {
    ...found,
    // Tickets are sold by the home club only, and so are its season tickets.
    seasons: row.isHome ? seasons.map(publicSeasonProduct) : [],
    title: matchTitle(row.isHome, row.club.name, row.opponentName),
    // The opponent's page is linked only while it is public (a suspended club has none).
    opponentClub: linked?.status === 'active' ? { name: linked.name, slug: linked.slug, verified: linked.verified } : null,
    listed: (PUBLIC_STATUSES as readonly string[]).includes(row.status),
    displayStatus: displayStatus(row, matchSeatsLeft(shown), now),
    // Tickets are sold by the home club only: an away match's page shows no form.
    saleOpen: row.isHome && saleIsOpen(row, now),
    stands: shown.map((s) => ({
      id: s.id,
      name: s.name,
      seatsLeft: seatsLeft(s),
      lapsed: s.lapsed,
      prices: s.prices
        .map((p) => ({ category: p.category as PriceCategory, priceCents: p.priceCents }))
        .sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category)),
    })),
  };
}

/** The order buyers read categories in: the full price first, then the reductions. */
export const CATEGORY_ORDER: readonly PriceCategory[] = ['adult', 'senior', 'youth', 'child', 'member'];

function selectPublicMatch(db: Executor) {
  return db
    .select({
      id: match.id,
      isHome: match.isHome,
      kickoffAt: match.kickoffAt,
      gatesOpenAt: match.gatesOpenAt,
      saleOpensAt: match.saleOpensAt,
      saleClosesAt: match.saleClosesAt,
      status: match.status,
      orderLimit: match.orderLimit,
      opponentName: match.opponentName,
      opponentClub: {
        name: opponentClub.name,
        slug: opponentClub.slug,
        status: opponentClub.status,
        verified: clubVerified(opponentClub.verifiedAt),
      },
      club: {
        id: organization.id,
        name: organization.name,
        slug: organization.slug,
        logo: organization.logo,
        status: organization.status,
        verified: clubVerified(organization.verifiedAt),
      },
      competition: competition.name,
      venue: { name: venue.name, street: venue.street, postalCode: venue.postalCode, commune: venue.commune },
      // The stands and their prices in the same statement: one round trip for the whole page. With the
      // seats lapsed holds keep where a basket could find the stand short: a checkout is refused on
      // this page's figures only when there are none (seenSeatsRefusal).
      stands: sql<
        {
          id: string;
          name: string;
          cap: number;
          sold: number;
          held: number;
          lapsed: number;
          prices: { category: string; priceCents: number }[];
        }[]
      >`(
        select coalesce(json_agg(json_build_object('id', ms.id, 'name', s.name, 'cap', ms.cap, 'sold', ms.sold, 'held', ms.held,
          'lapsed', case when ms.cap - ms.sold - ms.held < ${match.orderLimit}
            then ${lapsedHolds(sql`ms.id`, sql`${sql.placeholder('now')}`)} else 0 end,
          'prices', (select coalesce(json_agg(json_build_object('category', p.category, 'priceCents', p.price_cents)), '[]'::json)
                     from ${matchStandPrice} p where p.match_stand_id = ms.id)) order by s.name), '[]'::json)
        from ${matchStand} ms join ${stand} s on s.id = ms.stand_id
        where ms.match_id = ${match.id})`,
      member: onMemberList(match.clubId, sql.placeholder('memberEmail')),
      // The viewer's credit with the club (findCreditBalance).
      creditCents: sql<number>`greatest(${creditBalance(sql.placeholder('viewerId'), match.clubId)}, 0)`,
      seasons: publicSeasonProductsOfMatch(db, match.id, sql`${sql.placeholder('now')}::timestamptz`),
    })
    .from(match)
    .innerJoin(organization, eq(organization.id, match.clubId))
    .innerJoin(competition, eq(competition.id, match.competitionId))
    .leftJoin(venue, eq(venue.id, match.venueId))
    .leftJoin(opponentClub, eq(opponentClub.id, match.opponentClubId))
    .where(eq(match.id, sql.placeholder('matchId')));
}

export type PublicMatch = Awaited<ReturnType<typeof findPublicMatch>>;
