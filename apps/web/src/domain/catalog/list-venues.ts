import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { matchStand, type PriceCategory, stand, standPrice, venue } from '../../db/schema/index.ts';

/** A club's venues with their stands, prices, and the seats each stand ever sold or holds. */
export async function listVenues(db: Executor, clubId: string) {
  const [venues, stands, prices, taken] = await Promise.all([
    db.select().from(venue).where(eq(venue.clubId, clubId)).orderBy(asc(venue.name)),
    db
      .select({
        id: stand.id,
        venueId: stand.venueId,
        name: stand.name,
        capacity: stand.capacity,
        archivedAt: stand.archivedAt,
      })
      .from(stand)
      .where(eq(stand.clubId, clubId))
      .orderBy(asc(stand.name)),
    db
      .select({ standId: standPrice.standId, category: standPrice.category, priceCents: standPrice.priceCents })
      .from(standPrice)
      .where(eq(standPrice.clubId, clubId)),
    db
      .select({ standId: matchStand.standId, seats: sql<number>`coalesce(sum(${matchStand.sold} + ${matchStand.held}), 0)::int` })
      .from(matchStand)
      .where(eq(matchStand.clubId, clubId))
      .groupBy(matchStand.standId),
  ]);
  const pricesOf = (standId: string) =>
    Object.fromEntries(prices.filter((p) => p.standId === standId).map((p) => [p.category, p.priceCents])) as Partial<
      Record<PriceCategory, number>
    >;
  return venues.map((v) => ({
    ...v,
    stands: stands
      .filter((s) => s.venueId === v.id)
      .map((s) => ({ ...s, prices: pricesOf(s.id), seatsTaken: taken.find((x) => x.standId === s.id)?.seats ?? 0 })),
  }));
}

export type VenueWithStands = Awaited<ReturnType<typeof listVenues>>[number];
