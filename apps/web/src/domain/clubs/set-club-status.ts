import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

export const CLUB_STATUSES = ['active', 'suspended'] as const;
export type ClubStatus = (typeof CLUB_STATUSES)[number];

/** Suspends or reinstates a club (platform admin only; the route checks who asks). */
export async function setClubStatus(db: Executor, clubId: string, status: ClubStatus): Promise<void> {
  const updated = await db.update(organization).set({ status }).where(eq(organization.id, clubId)).returning({ id: organization.id });
  if (updated.length === 0) throw new DomainError('not_found');
}
