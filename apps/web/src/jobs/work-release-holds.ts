import type { Db } from '../db/client.ts';
import { releaseLapsedQuotas } from '../domain/boxoffice/release-quotas.ts';
import { QUEUES } from '../domain/outbox.ts';
import { releaseExpiredOrders } from '../domain/sales/release-expired-orders.ts';
import type { Jobs } from './jobs.ts';

/**
 * Every minute, lapsed holds give their seats back (a checkout also does, when they keep the seats it asks for),
 * and so do the box office quotas of played matches whose device never closed its shift.
 */
export async function workReleaseHolds(jobs: Jobs, db: Db, pollingIntervalSeconds = 2): Promise<void> {
  await jobs.boss.schedule(QUEUES.releaseHolds, '* * * * *');
  await jobs.boss.work(QUEUES.releaseHolds, { pollingIntervalSeconds }, async () => {
    await db.transaction((tx) => releaseExpiredOrders(tx, { outbox: jobs }, { actor: { kind: 'system' } }));
    await db.transaction((tx) => releaseLapsedQuotas(tx, {}, { actor: { kind: 'system' } }));
  });
}
