import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { venue } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { VenueInput } from './create-venue.ts';

export async function updateVenue(
  db: Executor,
  _ctx: Ctx,
  input: { actor: Actor; clubId: string; venueId: string; venue: VenueInput },
): Promise<void> {
  const updated = await db
    .update(venue)
    .set(input.venue)
    .where(and(eq(venue.id, input.venueId), eq(venue.clubId, input.clubId)))
    .returning({ id: venue.id });
  if (updated.length === 0) throw new DomainError('not_found');
}
