import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { order, organization, seasonPass, seasonProduct, supporterCredit } from '../../db/schema/index.ts';

/** A supporter's season passes (valid) and their credit balance per club, for their account page. */
export async function listMySeasonPasses(db: Executor, userId: string) {
  const [passes, credits] = await Promise.all([
    db
      .select({ id: seasonPass.id, product: seasonProduct.name, season: seasonProduct.season, club: organization.name })
      .from(seasonPass)
      .innerJoin(order, eq(order.id, seasonPass.orderId))
      .innerJoin(seasonProduct, eq(seasonProduct.id, seasonPass.productId))
      .innerJoin(organization, eq(organization.id, seasonPass.clubId))
      .where(and(eq(order.userId, userId), eq(seasonPass.status, 'valid')))
      .orderBy(asc(organization.name), asc(seasonPass.createdAt)),
    db
      .select({ club: organization.name, cents: sql<number>`sum(${supporterCredit.amountCents})::int` })
      .from(supporterCredit)
      .innerJoin(organization, eq(organization.id, supporterCredit.clubId))
      .where(eq(supporterCredit.userId, userId))
      .groupBy(organization.name)
      .orderBy(asc(organization.name)),
  ]);
  return { passes, credits: credits.filter((c) => c.cents > 0) };
}
