import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { seasonPass, seasonProduct, seasonProductMatch, stand } from '../../db/schema/index.ts';
import { seasonSaleStatus } from './season-rules.ts';

/** A club's season ticket products, newest season first: stand, passes sold (valid) and the cap, matches covered. */
export async function listSeasonProducts(db: Executor, clubId: string, now = new Date()) {
  const rows = await db
    .select({
      id: seasonProduct.id,
      season: seasonProduct.season,
      name: seasonProduct.name,
      stand: stand.name,
      cap: seasonProduct.cap,
      held: seasonProduct.held,
      saleOpensAt: seasonProduct.saleOpensAt,
      saleClosesAt: seasonProduct.saleClosesAt,
      renewalOfId: seasonProduct.renewalOfId,
      priorityUntil: seasonProduct.priorityUntil,
      archivedAt: seasonProduct.archivedAt,
      passes: sql<number>`(select count(*)::int from ${seasonPass} where ${seasonPass.productId} = ${seasonProduct.id} and ${seasonPass.status} = 'valid')`,
      matches: sql<number>`(select count(*)::int from ${seasonProductMatch} where ${seasonProductMatch.productId} = ${seasonProduct.id})`,
    })
    .from(seasonProduct)
    .innerJoin(stand, eq(stand.id, seasonProduct.standId))
    .where(and(eq(seasonProduct.clubId, clubId)))
    .orderBy(desc(seasonProduct.season), asc(seasonProduct.name));
  return rows.map((p) => ({ ...p, status: seasonSaleStatus(p, now) }));
}

export type SeasonProductRow = Awaited<ReturnType<typeof listSeasonProducts>>[number];
