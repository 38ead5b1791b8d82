import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { order } from '../db/schema/index.ts';
import { cancelPendingOrder } from '../domain/sales/cancel-pending-order.ts';
import { refundOrder } from '../domain/sales/refund-order.ts';
import type { PaymentProvider } from '../integrations/payments/provider.ts';
import { type Jobs, QUEUES } from './jobs.ts';

/**
 * A cancelled match: pending orders end (their holds too), and each paid order is refunded in its own
 * transaction. A retry after a failure picks up the orders still paid, so nobody is refunded twice.
 */
export async function workRefundMatch(
  jobs: Jobs,
  db: Db,
  payments: PaymentProvider,
  baseURL: string,
  pollingIntervalSeconds = 2,
): Promise<void> {
  await jobs.boss.work<{ matchId: string }>(QUEUES.refundMatch, { pollingIntervalSeconds }, async ([job]) => {
    const { matchId } = job!.data;
    const open = await db
      .select({ id: order.id, clubId: order.clubId, status: order.status })
      .from(order)
      .where(and(eq(order.matchId, matchId), inArray(order.status, ['pending', 'paid'])));
    for (const o of open) {
      if (o.status === 'pending') {
        await db.transaction((tx) => cancelPendingOrder(tx, jobs, { orderId: o.id })).catch(() => undefined); // paid meanwhile: next run
      } else if (o.status === 'paid') {
        await db.transaction((tx) =>
          refundOrder(tx, payments, jobs, { clubId: o.clubId, orderId: o.id, baseURL, reason: 'match_cancelled' }),
        );
      }
    }
  });
}
