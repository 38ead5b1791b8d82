import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { venue } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import type { VenueInput } from './create-venue.ts';

export async function updateVenue(db: Executor, clubId: string, venueId: string, input: VenueInput): Promise<void> {
  const updated = await db
    .update(venue)
    .set(input)
    .where(and(eq(venue.id, venueId), eq(venue.clubId, clubId)))
    .returning({ id: venue.id });
  if (updated.length === 0) throw new DomainError('not_found');
}
