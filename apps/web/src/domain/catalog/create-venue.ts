import type { Executor } from '../../db/client.ts';
import { venue } from '../../db/schema/index.ts';

export interface VenueInput {
  name: string;
  street: string;
  postalCode: string;
  commune: string;
}

export async function createVenue(db: Executor, clubId: string, input: VenueInput): Promise<string> {
  const [created] = await db
    .insert(venue)
    .values({ clubId, ...input })
    .returning({ id: venue.id });
  return created!.id;
}
