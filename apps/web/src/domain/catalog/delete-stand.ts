import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { matchStand, stand } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';

/** Deletes a stand that never sold or held a seat; one that did can only be archived. */
export async function deleteStand(tx: Tx, _ctx: Ctx, input: { actor: Actor; clubId: string; standId: string }): Promise<void> {
  const { clubId, standId } = input;
  const [found] = await tx
    .select({ id: stand.id, name: stand.name })
    .from(stand)
    .where(and(eq(stand.id, standId), eq(stand.clubId, clubId)))
    .for('update');
  if (!found) throw new DomainError('not_found');
  const [usage] = await tx
    .select({ seats: sql<number>`coalesce(sum(${matchStand.sold} + ${matchStand.held}), 0)::int` })
    .from(matchStand)
    .where(eq(matchStand.standId, standId));
  if ((usage?.seats ?? 0) > 0) throw new DomainError('stand_has_sales');
  await tx.delete(matchStand).where(eq(matchStand.standId, standId));
  await tx.delete(stand).where(eq(stand.id, standId));
  await recordActivity(tx, { clubId, actor: input.actor, action: 'stand.deleted', details: { stand: found.name } });
}
