import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import type { Actor } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { cancelPendingOrder } from './cancel-pending-order.ts';

/**
 * The provider says a payment session expired or failed: its pending order is cancelled and the seats
 * go back, unless the provider's truth is that it was paid after all (events come out of order).
 * `not_ours`: no order of FootArena has this session.
 */
export async function cancelUnpaidSession(
  db: Db,
  { payments, outbox }: Ctx<'payments' | 'outbox'>,
  { actor, sessionId }: { actor: Actor; sessionId: string },
) {
  const [ours] = await db.select({ id: order.id }).from(order).where(eq(order.providerSessionId, sessionId));
  if (!ours) return 'not_ours' as const;
  const truth = await payments.retrieveSession(db, sessionId);
  if (truth?.paid) return 'paid' as const;
  await db
    .transaction((tx) => cancelPendingOrder(tx, { outbox }, { actor, order: { sessionId } }))
    .catch((error: unknown) => {
      if (!(error instanceof DomainError && error.code === 'not_found')) throw error; // nothing pending left
    });
  return 'cancelled' as const;
}
