import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';

/**
 * Gives or takes the "verified" badge: the platform admin has checked that the club is who its name
 * says (platform admin only; the route checks who asks). Verifying again keeps the first date.
 * Returns the club's name, for the confirmation.
 */
export async function setClubVerified(db: Executor, clubId: string, verified: boolean, now = new Date()): Promise<{ name: string }> {
  const [club] = await db
    .select({ name: organization.name, verifiedAt: organization.verifiedAt })
    .from(organization)
    .where(eq(organization.id, clubId));
  if (!club) throw new DomainError('not_found');
  const verifiedAt = verified ? (club.verifiedAt ?? now) : null;
  await db.update(organization).set({ verifiedAt }).where(eq(organization.id, clubId));
  return { name: club.name };
}
