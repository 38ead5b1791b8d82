import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/**
 * Gives or takes the "verified" badge: the platform admin has checked that the club is who its name
 * says (platform admin only; the route checks who asks). Verifying again keeps the first date.
 * Returns the club's name, for the confirmation.
 */
export async function setClubVerified(
  tx: Tx,
  { now = new Date() }: Ctx<'now'>,
  input: { actor: Actor; clubId: string; verified: boolean },
): Promise<{ name: string }> {
  const [club] = await tx
    .select({ name: organization.name, verifiedAt: organization.verifiedAt })
    .from(organization)
    .where(eq(organization.id, input.clubId));
  if (!club) throw new DomainError('not_found');
  const verifiedAt = input.verified ? (club.verifiedAt ?? now) : null;
  await tx.update(organization).set({ verifiedAt }).where(eq(organization.id, input.clubId));
  await recordActivity(tx, {
    clubId: input.clubId,
    actor: input.actor,
    action: input.verified ? 'club.verified' : 'club.unverified',
    details: { name: club.name },
  });
  return { name: club.name };
}
