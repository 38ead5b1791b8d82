import type { Executor } from '../../db/client.ts';
import { venue } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';

export interface VenueInput {
  name: string;
  street: string;
  postalCode: string;
  commune: string;
}

/** A club's ground. Not logged: a venue sells nothing until a stand of it opens for a match. */
export async function createVenue(db: Executor, _ctx: Ctx, input: { actor: Actor; clubId: string; venue: VenueInput }): Promise<string> {
  const [created] = await db
    .insert(venue)
    .values({ clubId: input.clubId, ...input.venue })
    .returning({ id: venue.id });
  return created!.id;
}
