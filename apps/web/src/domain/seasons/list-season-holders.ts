import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { order, orderItem, seasonPass, seasonProduct, ticket, user } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/**
 * A product's passes (its stand's holders): the holder — the order's buyer —, the category, the order,
 * the status, and how many covered matches the pass's seat has entered so far (by any code of that
 * seat on the match: a friend it was lent to counts).
 */
export async function listSeasonHolders(db: Executor, clubId: string, productId: string) {
  const [own] = await db
    .select({ id: seasonProduct.id })
    .from(seasonProduct)
    .where(and(eq(seasonProduct.id, productId), eq(seasonProduct.clubId, clubId)));
  if (!own) throw new DomainError('not_found');
  const seat = sql.raw('seat');
  return db
    .select({
      id: seasonPass.id,
      shortCode: seasonPass.shortCode,
      status: seasonPass.status,
      revokedAt: seasonPass.revokedAt,
      category: orderItem.category,
      orderId: order.id,
      reference: order.reference,
      orderStatus: order.status,
      holder: sql<string | null>`coalesce(${order.buyerName}, ${user.name})`,
      email: order.email,
      entered: sql<number>`(select count(distinct ${seat}.match_id)::int from ${ticket} own
        join ${ticket} ${seat} on ${seat}.seat_id = own.seat_id
        where own.season_pass_id = ${seasonPass.id} and ${seat}.used_at is not null)`,
    })
    .from(seasonPass)
    .innerJoin(order, eq(order.id, seasonPass.orderId))
    .innerJoin(orderItem, eq(orderItem.id, seasonPass.orderItemId))
    .leftJoin(user, eq(user.id, order.userId))
    .where(and(eq(seasonPass.productId, productId), eq(seasonPass.clubId, clubId)))
    .orderBy(asc(sql`coalesce(${order.buyerName}, ${user.name}, ${order.email})`), asc(seasonPass.createdAt));
}

export type SeasonHolder = Awaited<ReturnType<typeof listSeasonHolders>>[number];
