import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import type { Database } from '../db/client.ts';
import { type Outbox, QUEUES } from '../domain/outbox.ts';

// pg-boss behind the domain's outbox: the jobs commit or roll back with the state change that sends them.
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
