import type { Runtime } from '../deps.ts';
import { workExpireSession } from './work-expire-session.ts';
import { workMail } from './work-mail.ts';
import { workMatchOnSale } from './work-match-on-sale.ts';
import { workMatchPostponed } from './work-match-postponed.ts';
import { workRefundMatch } from './work-refund-match.ts';
import { workReleaseHolds } from './work-release-holds.ts';
import { workTicketsMail } from './work-tickets-mail.ts';

/** Every job worker of the app; main.ts and the tests start the same set. */
export async function startWorkers(runtime: Runtime, pollingIntervalSeconds = 2): Promise<void> {
  await workMail(runtime.jobs, runtime.mail, pollingIntervalSeconds);
  await workMatchOnSale(runtime.jobs, runtime.deps.db, runtime.deps.config.baseURL, pollingIntervalSeconds);
  await workMatchPostponed(runtime.jobs, runtime.deps.db, runtime.deps.config.baseURL, pollingIntervalSeconds);
  await workRefundMatch(runtime.jobs, runtime.deps.db, runtime.deps.payments, runtime.deps.config.baseURL, pollingIntervalSeconds);
  const { baseURL, sales } = runtime.deps.config;
  await workTicketsMail(runtime.jobs, runtime.deps.db, runtime.mail, baseURL, sales.ticketSealingKey, pollingIntervalSeconds);
  await workExpireSession(runtime.jobs, runtime.deps.db, runtime.deps.payments, pollingIntervalSeconds);
  await workReleaseHolds(runtime.jobs, runtime.deps.db, pollingIntervalSeconds);
}
