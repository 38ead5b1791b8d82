import { and, eq, gt, max } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand, stand } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { StandInput } from './create-stand.ts';
import { assertPrices, writeStandPrices } from './stand-prices.ts';

/**
 * Renames, resizes and reprices a stand. Matches already open keep their own prices; a capacity
 * below what an upcoming match sells of this stand is refused (lower that match's cap first).
 */
export async function updateStand(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  input: { actor: Actor; clubId: string; standId: string; stand: StandInput },
): Promise<void> {
  const { clubId, standId } = input;
  assertPrices(input.stand.prices, 'price_');
  const [largestCap] = await tx
    .select({ cap: max(matchStand.cap) })
    .from(matchStand)
    .innerJoin(match, eq(match.id, matchStand.matchId))
    .where(and(eq(matchStand.standId, standId), eq(matchStand.clubId, clubId), gt(match.kickoffAt, now)));
  if (largestCap?.cap != null && input.stand.capacity < largestCap.cap) {
    throw new DomainError('capacity_below_cap', { cap: largestCap.cap }, 'capacity');
  }
  const updated = await tx
    .update(stand)
    .set({ name: input.stand.name, capacity: input.stand.capacity })
    .where(and(eq(stand.id, standId), eq(stand.clubId, clubId)))
    .returning({ id: stand.id });
  if (updated.length === 0) throw new DomainError('not_found');
  await writeStandPrices(tx, clubId, standId, input.stand.prices);
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'stand.updated',
    details: { stand: input.stand.name, capacity: input.stand.capacity, prices: input.stand.prices },
  });
}
