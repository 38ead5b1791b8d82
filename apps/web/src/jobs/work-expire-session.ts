import type { Db } from '../db/client.ts';
import { QUEUES } from '../domain/outbox.ts';
import type { PaymentProvider } from '../domain/sales/payment-provider.ts';
import type { Jobs } from './jobs.ts';

/** Ends a payment session whose order no longer holds seats (retried if the provider is down). */
export async function workExpireSession(jobs: Jobs, db: Db, payments: PaymentProvider, pollingIntervalSeconds = 2): Promise<void> {
  await jobs.boss.work<{ sessionId: string }>(QUEUES.expireSession, { pollingIntervalSeconds }, async ([job]) => {
    await payments.expireSession(db, job!.data.sessionId);
  });
}
