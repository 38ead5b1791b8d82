import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { stand, venue } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { assertPrices, type Prices, writeStandPrices } from './stand-prices.ts';

export interface StandInput {
  name: string;
  capacity: number;
  prices: Prices;
}

export async function createStand(tx: Tx, clubId: string, venueId: string, input: StandInput): Promise<string> {
  assertPrices(input.prices, 'price_');
  const [place] = await tx
    .select({ id: venue.id })
    .from(venue)
    .where(and(eq(venue.id, venueId), eq(venue.clubId, clubId)));
  if (!place) throw new DomainError('not_found');
  const [created] = await tx
    .insert(stand)
    .values({ clubId, venueId, name: input.name, capacity: input.capacity })
    .returning({ id: stand.id });
  await writeStandPrices(tx, clubId, created!.id, input.prices);
  return created!.id;
}
