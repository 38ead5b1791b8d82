import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import type { Database, Executor } from '../db/client.ts';

// Side effects (e-mail first) are pg-boss jobs sent through the same executor as the state change,
// so they commit or roll back with it (the outbox), and are retried with backoff until they succeed.
export const QUEUES = {
  mail: 'mail',
  matchOnSale: 'match-on-sale',
  matchPostponed: 'match-postponed',
  releaseHolds: 'release-holds',
  refundMatch: 'refund-match',
  expireSession: 'expire-session',
  ticketsMail: 'tickets-mail',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface Outbox {
  /** `id`: a stable job id makes the send idempotent (a second send with it is ignored). */
  send(executor: Executor, queue: QueueName, data: object, options?: { id?: string }): Promise<void>;
}

/** A UUID derived from a text: the same text always gives the same job id. */
export function stableJobId(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface Jobs extends Outbox {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobOptions {
  /** First retry delay; doubles on each attempt up to an hour. */
  retryDelaySeconds?: number;
}

export async function startJobs(database: Database, options: JobOptions = {}): Promise<Jobs> {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite' })
      : new PgBoss({ connectionString: database.url, max: 4 });
  boss.on('error', (error) => console.error('[jobs]', error.message));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    // Exponential backoff up to an hour, 20 times (days): an SMTP outage delays mail, never loses it.
    // Done jobs go after two days: mail jobs hold links with tokens.
    const policy = {
      retryLimit: 20,
      retryDelay: options.retryDelaySeconds ?? 5,
      retryBackoff: true,
      retryDelayMax: 3600,
      deleteAfterSeconds: 2 * 24 * 3600,
    };
    await boss.createQueue(name, policy);
    await boss.updateQueue(name, policy); // createQueue leaves an existing queue as it was
  }
  return {
    boss,
    async send(executor, queue, data, options = {}) {
      await boss.send(queue, data, { db: fromDrizzle(executor, sql), ...options });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
