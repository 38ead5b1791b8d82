import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  clubLogo,
  match,
  matchStand,
  order,
  orderItem,
  organization,
  seasonOrderSeat,
  seasonPass,
  seasonProduct,
  stand,
  user,
} from '../../db/schema/index.ts';
import { matchTitle } from '../catalog/match-title.ts';
import { seasonProductTitle } from '../seasons/season-rules.ts';

/**
 * Everything the e-mail and PDF of a season order show (decision 021): its valid passes — one code
 * each, the code of every covered match — and the matches the order holds a seat on. Null for an
 * order that is not a season order.
 */
export async function findOrderPasses(db: Executor, orderId: string) {
  const [head] = await db
    .select({
      reference: order.reference,
      email: order.email,
      locale: sql<string | null>`coalesce(${user.locale}, ${order.buyerLocale})`,
      name: sql<string | null>`coalesce(${user.name}, ${order.buyerName})`,
      guest: sql<boolean>`${order.accessTokenHash} is not null`,
      productName: seasonProduct.name,
      season: seasonProduct.season,
      stand: stand.name,
      club: organization.name,
      colorPrimary: organization.colorPrimary,
      clubId: organization.id,
    })
    .from(order)
    .innerJoin(seasonProduct, eq(seasonProduct.id, order.seasonProductId))
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .innerJoin(organization, eq(organization.id, order.clubId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(eq(order.id, orderId));
  if (!head) return null;
  const passes = await db
    .select({
      id: seasonPass.id,
      code: seasonPass.code,
      shortCode: seasonPass.shortCode,
      category: orderItem.category,
      unitPriceCents: orderItem.unitPriceCents,
    })
    .from(seasonPass)
    .innerJoin(orderItem, eq(orderItem.id, seasonPass.orderItemId))
    .where(and(eq(seasonPass.orderId, orderId), eq(seasonPass.status, 'valid')))
    .orderBy(asc(seasonPass.createdAt), asc(seasonPass.id));
  const matches = await db
    .select({ kickoffAt: match.kickoffAt, isHome: match.isHome, opponent: match.opponentName, status: match.status })
    .from(seasonOrderSeat)
    .innerJoin(matchStand, eq(matchStand.id, seasonOrderSeat.matchStandId))
    .innerJoin(match, eq(match.id, matchStand.matchId))
    .where(eq(seasonOrderSeat.orderId, orderId))
    .orderBy(asc(match.kickoffAt));
  const [logo] = await db
    .select({ contentType: clubLogo.contentType, bytes: clubLogo.bytes })
    .from(clubLogo)
    .where(eq(clubLogo.clubId, head.clubId));
  return {
    ...head,
    title: seasonProductTitle({ name: head.productName, season: head.season, stand: head.stand }),
    passes: passes.map((p) => ({ ...p, stand: head.stand })),
    matches: matches.map((m) => ({ ...m, title: matchTitle(m.isHome, head.club, m.opponent) })),
    logo: logo ?? null,
  };
}

export type OrderPasses = NonNullable<Awaited<ReturnType<typeof findOrderPasses>>>;
