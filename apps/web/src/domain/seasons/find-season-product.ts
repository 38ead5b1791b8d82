import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  competition,
  match,
  matchStand,
  seasonPass,
  seasonProduct,
  seasonProductMatch,
  seasonProductPrice,
  stand,
} from '../../db/schema/index.ts';
import type { Prices } from '../catalog/stand-prices.ts';
import { DomainError } from '../errors.ts';
import { seasonSaleStatus } from './season-rules.ts';

/**
 * One product of this club (another club's is not found): its details, prices, the product it renews,
 * passes sold, and the matches it covers with the seats of its stand on each.
 */
export async function findSeasonProduct(db: Executor, clubId: string, productId: string, now = new Date()) {
  const [p] = await db
    .select({ product: seasonProduct, stand: stand.name })
    .from(seasonProduct)
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .where(and(eq(seasonProduct.id, productId), eq(seasonProduct.clubId, clubId)));
  if (!p) throw new DomainError('not_found');
  const [prices, covered, passes, renews] = await Promise.all([
    db
      .select({ category: seasonProductPrice.category, priceCents: seasonProductPrice.priceCents })
      .from(seasonProductPrice)
      .where(eq(seasonProductPrice.productId, productId)),
    db
      .select({
        id: match.id,
        opponentName: match.opponentName,
        isHome: match.isHome,
        kickoffAt: match.kickoffAt,
        status: match.status,
        competition: competition.name,
        cap: matchStand.cap,
        sold: matchStand.sold,
        held: matchStand.held,
      })
      .from(seasonProductMatch)
      .innerJoin(match, eq(match.id, seasonProductMatch.matchId))
      .innerJoin(competition, eq(competition.id, match.competitionId))
      .leftJoin(matchStand, and(eq(matchStand.matchId, match.id), eq(matchStand.standId, p.product.standId)))
      .where(eq(seasonProductMatch.productId, productId))
      .orderBy(asc(match.kickoffAt)),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(seasonPass)
      .where(and(eq(seasonPass.productId, productId), eq(seasonPass.status, 'valid'))),
    p.product.renewalOfId
      ? db
          .select({ id: seasonProduct.id, name: seasonProduct.name, season: seasonProduct.season })
          .from(seasonProduct)
          .where(and(eq(seasonProduct.id, p.product.renewalOfId), eq(seasonProduct.clubId, clubId)))
      : Promise.resolve([]),
  ]);
  return {
    ...p.product,
    stand: p.stand,
    prices: Object.fromEntries(prices.map((x) => [x.category, x.priceCents])) as Prices,
    matches: covered,
    passes: passes[0]?.count ?? 0,
    renews: renews[0] ?? null,
    status: seasonSaleStatus(p.product, now),
  };
}

export type SeasonProductDetail = Awaited<ReturnType<typeof findSeasonProduct>>;
