import { createHash } from 'node:crypto';
import type { Executor } from '../db/client.ts';

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

/**
 * A mail the domain asks for by template: the mail job renders it in the recipient's language, dates
 * (ISO instants) in Brussels time and money (cents) as the pages write it, so that no domain
 * operation renders anything. `params.name` greets the recipient; `params.match` names the match.
 */
export interface TemplateMail {
  to: string;
  template: 'orderRefunded' | 'ticketsRefunded' | 'matchCancelled' | 'seasonMatchCancelled' | 'seatsGone' | 'giveBackCredited';
  /** The recipient's language as stored (the job falls back to French for anything else). */
  locale?: string | null;
  params: { url: string } & Record<string, string>;
  dates?: Record<string, string>;
  money?: Record<string, number>;
  /** The club's own words to the recipient (why a match was cancelled…), quoted as they wrote them. */
  note?: string;
}

export interface Outbox {
  /** `id`: a stable job id makes the send idempotent (a second send with it is ignored). */
  send(executor: Executor, queue: QueueName, data: object, options?: { id?: string }): Promise<void>;
}

/** A UUID derived from a text: the same text always gives the same job id. */
export function stableJobId(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
