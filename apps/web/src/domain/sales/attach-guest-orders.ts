import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import { recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';

/**
 * The orders bought as a guest with an address join the account that has just proved it owns that
 * address (confirmed it, or signed in to it): they show in "My orders" and "My tickets" from then on,
 * and their private links keep working. Each club's log says so. Returns how many were attached.
 */
export async function attachGuestOrders(
  tx: Tx,
  _ctx: Ctx,
  input: { actor: { userId: string; name: string }; email: string },
): Promise<number> {
  const attached = await tx
    .update(order)
    .set({ userId: input.actor.userId })
    .where(and(isNull(order.userId), eq(order.email, input.email.trim().toLowerCase())))
    .returning({ id: order.id, clubId: order.clubId, matchId: order.matchId });
  for (const o of attached) {
    await recordActivity(tx, {
      clubId: o.clubId,
      actor: input.actor,
      action: 'order.attached',
      subject: { orderId: o.id, matchId: o.matchId },
    });
  }
  return attached.length;
}
