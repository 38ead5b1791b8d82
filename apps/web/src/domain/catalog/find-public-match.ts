import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { competition, match, matchStand, matchStandPrice, organization, type PriceCategory, stand, venue } from '../../db/schema/index.ts';
import { clubVerified } from '../clubs/club-verified.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { PUBLIC_STATUSES } from './list-upcoming-matches.ts';
import { displayStatus, matchSeatsLeft, saleIsOpen, seatsLeft } from './match-status.ts';
import { matchTitle } from './match-title.ts';

const opponentClub = alias(organization, 'opponent_club');

/** A match as the public sees it (also past and cancelled ones, so shared links never break). */
export async function findPublicMatch(db: Executor, matchId: string, now = new Date()) {
  if (!isUuid(matchId)) throw new DomainError('not_found');
  const [row] = await db
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
    })
    .from(match)
    .innerJoin(organization, eq(organization.id, match.clubId))
    .innerJoin(competition, eq(competition.id, match.competitionId))
    .leftJoin(venue, eq(venue.id, match.venueId))
    .leftJoin(opponentClub, eq(opponentClub.id, match.opponentClubId))
    .where(eq(match.id, matchId));
  if (row?.club.status !== 'active') throw new DomainError('not_found');

  const stands = await db
    .select({ id: matchStand.id, name: stand.name, cap: matchStand.cap, sold: matchStand.sold, held: matchStand.held })
    .from(matchStand)
    .innerJoin(stand, eq(stand.id, matchStand.standId))
    .where(eq(matchStand.matchId, matchId))
    .orderBy(asc(stand.name));
  const prices =
    stands.length === 0
      ? []
      : await db
          .select({
            matchStandId: matchStandPrice.matchStandId,
            category: matchStandPrice.category,
            priceCents: matchStandPrice.priceCents,
          })
          .from(matchStandPrice)
          .where(
            and(
              inArray(
                matchStandPrice.matchStandId,
                stands.map((s) => s.id),
              ),
            ),
          );
  const { opponentClub: linked, ...found } = row;
  return {
    ...found,
    title: matchTitle(row.isHome, row.club.name, row.opponentName),
    // The opponent's page is linked only while it is public (a suspended club has none).
    opponentClub: linked?.status === 'active' ? { name: linked.name, slug: linked.slug, verified: linked.verified } : null,
    listed: (PUBLIC_STATUSES as readonly string[]).includes(row.status),
    displayStatus: displayStatus(row, matchSeatsLeft(stands), now),
    // Tickets are sold by the home club only: an away match's page shows no form.
    saleOpen: row.isHome && saleIsOpen(row, now),
    stands: stands.map((s) => ({
      id: s.id,
      name: s.name,
      seatsLeft: seatsLeft(s),
      prices: prices
        .filter((p) => p.matchStandId === s.id)
        .map((p) => ({ category: p.category as PriceCategory, priceCents: p.priceCents }))
        .sort((a, b) => b.priceCents - a.priceCents),
    })),
  };
}

export type PublicMatch = Awaited<ReturnType<typeof findPublicMatch>>;
