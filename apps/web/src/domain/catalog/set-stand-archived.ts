import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { stand } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/** An archived stand is no longer offered for new matches; matches already open keep it. */
export async function setStandArchived(
  tx: Tx,
  _ctx: Ctx,
  input: { actor: Actor; clubId: string; standId: string; archived: boolean },
): Promise<void> {
  const [updated] = await tx
    .update(stand)
    .set({ archivedAt: input.archived ? new Date() : null })
    .where(and(eq(stand.id, input.standId), eq(stand.clubId, input.clubId)))
    .returning({ name: stand.name });
  if (!updated) throw new DomainError('not_found');
  await recordActivity(tx, {
    clubId: input.clubId,
    actor: input.actor,
    action: input.archived ? 'stand.archived' : 'stand.restored',
    details: { stand: updated.name },
  });
}
