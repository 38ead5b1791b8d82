import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { order } from '../../db/schema/index.ts';
import type { PaymentProvider } from '../../integrations/payments/provider.ts';
import { DomainError } from '../errors.ts';
import { releaseHeldSeats } from './release-expired-orders.ts';

/** The buyer turns back at the payment page: the hold ends now and the seats return to sale. */
export async function cancelPendingOrder(tx: Tx, payments: PaymentProvider, sessionId: string, userId: string) {
  const [cancelled] = await tx
    .update(order)
    .set({ status: 'cancelled' })
    .where(and(eq(order.providerSessionId, sessionId), eq(order.userId, userId), eq(order.status, 'pending')))
    .returning({ id: order.id, matchId: order.matchId });
  if (!cancelled) throw new DomainError('not_found');
  await releaseHeldSeats(tx, [cancelled.id]);
  await payments.expireSession(tx, sessionId);
  return cancelled;
}
