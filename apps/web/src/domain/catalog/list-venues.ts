import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type PriceCategory, stand, standPrice, venue } from '../../db/schema/index.ts';

/** A club's venues with their stands, prices, and the seats each stand ever sold or holds. */
export async function listVenues(db: Executor, clubId: string) {
  const [venues, stands, prices] = await Promise.all([
    db.select().from(venue).where(eq(venue.clubId, clubId)).orderBy(asc(venue.name)),
    db
      .select({
        id: stand.id,
        venueId: stand.venueId,
        name: stand.name,
        capacity: stand.capacity,
        archivedAt: stand.archivedAt,
        seatsTaken: sql<number>`(select coalesce(sum(ms.sold + ms.held), 0)::int from match_stand ms where ms.stand_id = ${stand.id})`,
      })
      .from(stand)
      .where(eq(stand.clubId, clubId))
      .orderBy(asc(stand.name)),
    db
      .select({ standId: standPrice.standId, category: standPrice.category, priceCents: standPrice.priceCents })
      .from(standPrice)
      .where(eq(standPrice.clubId, clubId)),
  ]);
  const pricesOf = (standId: string) =>
    Object.fromEntries(prices.filter((p) => p.standId === standId).map((p) => [p.category, p.priceCents])) as Partial<
      Record<PriceCategory, number>
    >;
  return venues.map((v) => ({
    ...v,
    stands: stands.filter((s) => s.venueId === v.id).map((s) => ({ ...s, prices: pricesOf(s.id) })),
  }));
}

export type VenueWithStands = Awaited<ReturnType<typeof listVenues>>[number];
