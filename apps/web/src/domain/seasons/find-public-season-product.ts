import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  match,
  matchStand,
  organization,
  type PriceCategory,
  seasonProduct,
  seasonProductMatch,
  seasonProductPrice,
  stand,
} from '../../db/schema/index.ts';
import { CATEGORY_ORDER } from '../catalog/find-public-match.ts';
import { seatsLeft } from '../catalog/match-status.ts';
import { matchTitle } from '../catalog/match-title.ts';
import { clubVerified } from '../clubs/club-verified.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { isMember } from '../members/is-member.ts';
import { coveredCounts, inPriorityWindow, isStillToPlay, proRataCents, seasonProductTitle, seasonSaleIsOpen } from './season-rules.ts';

/**
 * A season product as the public sees it: its stand, covered matches, prices (full and today's, pro
 * rata), the passes left — bounded by the product's cap and by the fullest covered match still to play —,
 * the sale and priority windows. The member price is shown only to a member (`viewer`), as placing checks.
 */
export async function findPublicSeasonProduct(
  db: Executor,
  productId: string,
  viewer: { email: string; emailVerified: boolean } | null,
  now = new Date(),
) {
  if (!isUuid(productId)) throw new DomainError('not_found');
  const [p] = await db
    .select({
      id: seasonProduct.id,
      name: seasonProduct.name,
      season: seasonProduct.season,
      standId: seasonProduct.standId,
      standName: stand.name,
      cap: seasonProduct.cap,
      sold: seasonProduct.sold,
      held: seasonProduct.held,
      saleOpensAt: seasonProduct.saleOpensAt,
      saleClosesAt: seasonProduct.saleClosesAt,
      archivedAt: seasonProduct.archivedAt,
      renewalOfId: seasonProduct.renewalOfId,
      priorityUntil: seasonProduct.priorityUntil,
      club: {
        id: organization.id,
        name: organization.name,
        slug: organization.slug,
        logo: organization.logo,
        status: organization.status,
        verified: clubVerified(organization.verifiedAt),
      },
    })
    .from(seasonProduct)
    .innerJoin(organization, eq(organization.id, seasonProduct.clubId))
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .where(eq(seasonProduct.id, productId));
  if (p?.club.status !== 'active') throw new DomainError('not_found');

  const covered = await db
    .select({
      id: match.id,
      isHome: match.isHome,
      opponentName: match.opponentName,
      kickoffAt: match.kickoffAt,
      status: match.status,
      orderLimit: match.orderLimit,
      cap: matchStand.cap,
      sold: matchStand.sold,
      held: matchStand.held,
    })
    .from(seasonProductMatch)
    .innerJoin(match, eq(match.id, seasonProductMatch.matchId))
    .leftJoin(matchStand, and(eq(matchStand.matchId, match.id), eq(matchStand.standId, p.standId)))
    .where(eq(seasonProductMatch.productId, p.id))
    .orderBy(asc(match.kickoffAt));
  const counts = coveredCounts(covered, now);
  const toPlay = covered.filter((m) => isStillToPlay(m, now));
  const member = await isMember(db, p.club.id, viewer);
  const prices = (await db.select().from(seasonProductPrice).where(eq(seasonProductPrice.productId, p.id)))
    .filter((x) => x.category !== 'member' || member)
    .map((x) => ({ category: x.category as PriceCategory, priceCents: x.priceCents, todayCents: proRataCents(x.priceCents, counts) }))
    .sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
  const perMatch = toPlay.map((m) => (m.cap === null ? 0 : seatsLeft({ cap: m.cap, sold: m.sold!, held: m.held! })));
  const left = Math.max(0, Math.min(p.cap === null ? Number.POSITIVE_INFINITY : p.cap - p.sold - p.held, ...perMatch));

  return {
    id: p.id,
    name: p.name,
    season: p.season,
    title: seasonProductTitle({ name: p.name, season: p.season, stand: p.standName }),
    stand: p.standName,
    club: p.club,
    saleOpensAt: p.saleOpensAt,
    saleClosesAt: p.saleClosesAt,
    priorityUntil: inPriorityWindow(p, now) ? p.priorityUntil : null,
    saleOpen: seasonSaleIsOpen(p, now) && toPlay.length > 0,
    matches: covered.map((m) => ({
      id: m.id,
      title: matchTitle(m.isHome, p.club.name, m.opponentName),
      opponent: m.opponentName,
      kickoffAt: m.kickoffAt,
      cancelled: m.status === 'cancelled',
      toPlay: isStillToPlay(m, now),
    })),
    counts,
    proRata: counts.remaining < counts.total,
    prices,
    seatsLeft: toPlay.length === 0 ? 0 : left,
    orderLimit: toPlay.length === 0 ? 0 : Math.min(...toPlay.map((m) => m.orderLimit)),
  };
}

export type PublicSeasonProduct = Awaited<ReturnType<typeof findPublicSeasonProduct>>;
