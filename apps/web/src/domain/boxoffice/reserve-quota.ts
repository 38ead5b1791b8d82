import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { boxOfficeQuota, boxOfficeSetting, DEFAULT_QUOTA_SEATS, matchStand } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { lockGateMatch } from './gate-match.ts';
import { requireSeller } from './gate-seller.ts';
import type { DeviceActor } from './sell-at-gate.ts';

/** How many seats per stand a club's selling devices keep for offline sales (the club's setting). */
export async function quotaSeatsOf(tx: Tx, clubId: string): Promise<number> {
  const [row] = await tx.select({ seats: boxOfficeSetting.quotaSeats }).from(boxOfficeSetting).where(eq(boxOfficeSetting.clubId, clubId));
  return row?.seats ?? DEFAULT_QUOTA_SEATS;
}

/**
 * While online, a selling device (or any device of a match where children enter free) tops up its quota on each stand it serves to the club's setting: per
 * stand, in sorted order, one guarded statement takes what is free up to the missing seats
 * (held += n, never past the cap; invariant 1), then the device's quota row records them. Returns
 * what the device may sell offline per stand.
 */
export async function reserveQuota(tx: Tx, { now = new Date() }: Ctx<'now'>, input: { actor: DeviceActor; matchId: string }) {
  const dev = input.actor.device;
  const m = await lockGateMatch(tx, dev, input.matchId, now);
  // Selling devices keep seats for cash sales; any device keeps some where children enter free, so
  // that free entries counted offline stay within the stand too.
  if (m.freeEntryUnder === null) await requireSeller(tx, dev);
  const size = await quotaSeatsOf(tx, dev.clubId);
  const standIds = [...new Set(m.prices.map((p) => p.matchStandId))].sort();
  const quotas: { matchStandId: string; standId: string; left: number }[] = [];
  for (const matchStandId of standIds) {
    const [open] = await tx
      .select({ left: sql<number>`(${boxOfficeQuota.reserved} - ${boxOfficeQuota.used})::int` })
      .from(boxOfficeQuota)
      .where(and(eq(boxOfficeQuota.deviceId, dev.id), eq(boxOfficeQuota.matchStandId, matchStandId), isNull(boxOfficeQuota.releasedAt)))
      .for('update');
    const missing = size - (open?.left ?? 0);
    let take = 0;
    if (missing > 0) {
      // One statement: the free seats are read under the row lock it takes, and held moves by what it read.
      const free = tx.$with('free').as(
        tx
          .select({
            id: matchStand.id,
            take: sql<number>`least(${missing}, ${matchStand.cap} - ${matchStand.sold} - ${matchStand.held})`.as('take'),
          })
          .from(matchStand)
          .where(and(eq(matchStand.id, matchStandId), eq(matchStand.matchId, m.id)))
          .for('update'),
      );
      const [taken] = await tx
        .with(free)
        .update(matchStand)
        .set({ held: sql`${matchStand.held} + free.take` })
        .from(free)
        .where(and(eq(matchStand.id, sql`free.id`), sql`free.take > 0`))
        .returning({ take: sql<number>`free.take::int` });
      take = taken?.take ?? 0;
    }
    if (take > 0) {
      await tx
        .insert(boxOfficeQuota)
        .values({ clubId: dev.clubId, matchId: m.id, matchStandId, deviceId: dev.id, reserved: take, createdAt: now })
        .onConflictDoUpdate({
          target: [boxOfficeQuota.deviceId, boxOfficeQuota.matchStandId],
          targetWhere: isNull(boxOfficeQuota.releasedAt),
          set: { reserved: sql`${boxOfficeQuota.reserved} + ${take}` },
        });
    }
    const standId = m.prices.find((p) => p.matchStandId === matchStandId)!.standId;
    quotas.push({ matchStandId, standId, left: (open?.left ?? 0) + take });
  }
  return { size, quotas };
}
