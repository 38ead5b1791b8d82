import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { stand, venue } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { assertPrices, type Prices, writeStandPrices } from './stand-prices.ts';

export interface StandInput {
  name: string;
  capacity: number;
  prices: Prices;
}

export async function createStand(
  tx: Tx,
  _ctx: Ctx,
  input: { actor: Actor; clubId: string; venueId: string; stand: StandInput },
): Promise<string> {
  const { clubId } = input;
  assertPrices(input.stand.prices, 'price_');
  const [place] = await tx
    .select({ id: venue.id })
    .from(venue)
    .where(and(eq(venue.id, input.venueId), eq(venue.clubId, clubId)));
  if (!place) throw new DomainError('not_found');
  const [created] = await tx
    .insert(stand)
    .values({ clubId, venueId: input.venueId, name: input.stand.name, capacity: input.stand.capacity })
    .returning({ id: stand.id });
  await writeStandPrices(tx, clubId, created!.id, input.stand.prices);
  await recordActivity(tx, {
    clubId,
    actor: input.actor,
    action: 'stand.created',
    details: { stand: input.stand.name, capacity: input.stand.capacity, prices: input.stand.prices },
  });
  return created!.id;
}
