import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clubMember } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';

/** Takes someone off the club's member list: from now on they buy at the usual prices. */
export async function removeMember(tx: Tx, _ctx: Ctx, input: { actor: Actor; clubId: string; memberId: string }) {
  if (!isUuid(input.memberId)) throw new DomainError('not_found');
  const [gone] = await tx
    .delete(clubMember)
    .where(and(eq(clubMember.id, input.memberId), eq(clubMember.clubId, input.clubId)))
    .returning();
  if (!gone) throw new DomainError('not_found');
  await recordActivity(tx, {
    clubId: input.clubId,
    actor: input.actor,
    action: 'members.removed',
    details: { name: gone.name, email: gone.email },
  });
  return gone;
}
