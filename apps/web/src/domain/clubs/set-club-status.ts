import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organization } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

export const CLUB_STATUSES = ['active', 'suspended'] as const;
export type ClubStatus = (typeof CLUB_STATUSES)[number];

/** Suspends or reinstates a club (platform admin only; the route checks who asks). */
export async function setClubStatus(tx: Tx, _ctx: Ctx, input: { actor: Actor; clubId: string; status: ClubStatus }): Promise<void> {
  const updated = await tx
    .update(organization)
    .set({ status: input.status })
    .where(eq(organization.id, input.clubId))
    .returning({ id: organization.id });
  if (updated.length === 0) throw new DomainError('not_found');
  await recordActivity(tx, {
    clubId: input.clubId,
    actor: input.actor,
    action: input.status === 'suspended' ? 'club.suspended' : 'club.reinstated',
  });
}
