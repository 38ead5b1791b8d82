import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { order } from '../db/schema/index.ts';
import { DomainError } from '../domain/errors.ts';
import { QUEUES } from '../domain/outbox.ts';
import { cancelPendingOrder } from '../domain/sales/cancel-pending-order.ts';
import type { PaymentProvider } from '../domain/sales/payment-provider.ts';
import { refundOrder } from '../domain/sales/refund-order.ts';
import type { Jobs } from './jobs.ts';

/**
 * A cancelled match: pending orders end (their holds too), and each paid order is refunded in its own
 * transaction. A retry after a failure picks up the orders still open, so nobody is refunded twice.
 */
export async function workRefundMatch(
  jobs: Jobs,
  db: Db,
  payments: PaymentProvider,
  baseURL: string,
  pollingIntervalSeconds = 2,
): Promise<void> {
  await jobs.boss.work<{ matchId: string; message?: string }>(QUEUES.refundMatch, { pollingIntervalSeconds }, async ([job]) => {
    const { matchId, message } = job!.data;
    const open = await db
      .select({ id: order.id, clubId: order.clubId, status: order.status })
      .from(order)
      .where(and(eq(order.matchId, matchId), inArray(order.status, ['pending', 'paid'])));
    // Each order on its own: one that fails does not stop the others; the job then fails as a whole
    // and pg-boss retries it, finding only the orders still open.
    const failures: string[] = [];
    for (const o of open) {
      try {
        if (o.status === 'pending') {
          await db.transaction((tx) => cancelPendingOrder(tx, { outbox: jobs }, { actor: { kind: 'system' }, order: { orderId: o.id } }));
        } else {
          await db.transaction((tx) =>
            refundOrder(
              tx,
              { payments, outbox: jobs, baseURL },
              { actor: { kind: 'system' }, clubId: o.clubId, orderId: o.id, reason: 'match_cancelled', message },
            ),
          );
        }
      } catch (error) {
        // Paid or released meanwhile: a payment completing now is refunded by fulfilment itself.
        if (error instanceof DomainError && error.code === 'not_found') continue;
        failures.push(`${o.id}: ${(error as Error).message}`);
      }
    }
    if (failures.length > 0) throw new Error(`refunds of match ${matchId} failed for ${failures.length} order(s): ${failures.join('; ')}`);
  });
}
