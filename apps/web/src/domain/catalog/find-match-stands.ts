import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { matchStand, matchStandPrice, type PriceCategory, stand, standPrice } from '../../db/schema/index.ts';

/**
 * Every stand of the venue as the match editor shows it: open or not for this match, its cap and
 * seats taken, and the prices (the match's own when open, the stand's otherwise).
 */
export async function findMatchStands(db: Executor, clubId: string, matchId: string, venueId: string | null) {
  if (!venueId) return [];
  const rows = await db
    .select({
      standId: stand.id,
      name: stand.name,
      capacity: stand.capacity,
      archived: stand.archivedAt,
      matchStandId: matchStand.id,
      cap: matchStand.cap,
      sold: matchStand.sold,
      held: matchStand.held,
    })
    .from(stand)
    .leftJoin(matchStand, and(eq(matchStand.standId, stand.id), eq(matchStand.matchId, matchId)))
    .where(and(eq(stand.clubId, clubId), eq(stand.venueId, venueId), or(isNull(stand.archivedAt), eq(matchStand.matchId, matchId))))
    .orderBy(asc(stand.name));
  const [base, own] = await Promise.all([
    db.select().from(standPrice).where(eq(standPrice.clubId, clubId)),
    db
      .select({ matchStandId: matchStandPrice.matchStandId, category: matchStandPrice.category, priceCents: matchStandPrice.priceCents })
      .from(matchStandPrice)
      .innerJoin(matchStand, eq(matchStand.id, matchStandPrice.matchStandId))
      .where(eq(matchStand.matchId, matchId)),
  ]);
  return rows.map((r) => {
    const prices = r.matchStandId ? own.filter((p) => p.matchStandId === r.matchStandId) : base.filter((p) => p.standId === r.standId);
    return {
      ...r,
      open: r.matchStandId !== null,
      seatsTaken: (r.sold ?? 0) + (r.held ?? 0),
      prices: Object.fromEntries(prices.map((p) => [p.category, p.priceCents])) as Partial<Record<PriceCategory, number>>,
    };
  });
}

export type MatchStandRow = Awaited<ReturnType<typeof findMatchStands>>[number];
