import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { match, order } from '../db/schema/index.ts';
import type { Ctx } from '../domain/context.ts';
import { DomainError } from '../domain/errors.ts';
import { QUEUES } from '../domain/outbox.ts';
import { cancelPendingOrder } from '../domain/sales/cancel-pending-order.ts';
import type { PaymentProvider } from '../domain/sales/payment-provider.ts';
import { refundOrder } from '../domain/sales/refund-order.ts';
import { listSeasonMatchHolders } from '../domain/seasons/list-season-match-holders.ts';
import { refundSeasonMatch } from '../domain/seasons/refund-season-match.ts';
import type { Jobs } from './jobs.ts';

/** The refunds of a cancelled match, run by the job below (and by tests, twice or two at once). */
export async function refundCancelledMatch(
  db: Db,
  refund: Ctx<'payments' | 'outbox' | 'baseURL'>,
  { matchId, message }: { matchId: string; message?: string },
): Promise<void> {
  const open = await db
    .select({ id: order.id, clubId: order.clubId, status: order.status })
    .from(order)
    .where(and(eq(order.matchId, matchId), inArray(order.status, ['pending', 'paid'])));
  const actor = { kind: 'system' } as const;
  const steps: { orderId: string; run: (tx: Tx) => Promise<unknown> }[] = open.map((o) => ({
    orderId: o.id,
    run: (tx) =>
      o.status === 'pending'
        ? cancelPendingOrder(tx, { outbox: refund.outbox }, { actor, order: { orderId: o.id } })
        : refundOrder(tx, refund, { actor, clubId: o.clubId, orderId: o.id, reason: 'match_cancelled', message }),
  }));
  // Season orders covering the match: this match's share of each pass still holding its seat there.
  const [m] = await db.select({ clubId: match.clubId }).from(match).where(eq(match.id, matchId));
  const holders = m ? await listSeasonMatchHolders(db, m.clubId, matchId) : [];
  for (const orderId of new Set(holders.map((h) => h.orderId)))
    steps.push({ orderId, run: (tx) => refundSeasonMatch(tx, refund, { actor, clubId: m!.clubId, orderId, matchId, message }) });
  // Each order on its own: one that fails does not stop the others; the job then fails as a whole
  // and pg-boss retries it, finding only the orders and passes still open.
  const failures: string[] = [];
  for (const step of steps) {
    try {
      await db.transaction(step.run);
    } catch (error) {
      // Paid or released meanwhile: a payment completing now is refunded by fulfilment itself.
      if (error instanceof DomainError && error.code === 'not_found') continue;
      failures.push(`${step.orderId}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) throw new Error(`refunds of match ${matchId} failed for ${failures.length} order(s): ${failures.join('; ')}`);
}

/**
 * A cancelled match: pending orders end (their holds too), each paid order is refunded in its own
 * transaction, and so is each season order's share of the match. A retry after a failure picks up the
 * orders and passes still open, so nobody is refunded twice.
 */
export async function workRefundMatch(
  jobs: Jobs,
  db: Db,
  payments: PaymentProvider,
  baseURL: string,
  pollingIntervalSeconds = 2,
): Promise<void> {
  await jobs.boss.work<{ matchId: string; message?: string }>(QUEUES.refundMatch, { pollingIntervalSeconds }, ([job]) =>
    refundCancelledMatch(db, { payments, outbox: jobs, baseURL }, job!.data),
  );
}
