import type { MATCH_STATUSES } from '../../db/schema/index.ts';

type Status = (typeof MATCH_STATUSES)[number];

/** A match is "played" two hours after kick-off. */
export const PLAYED_AFTER_MS = 2 * 60 * 60 * 1000;

/**
 * The status people read: what the club set, with "sold out" and "played" following from the seats
 * and the clock rather than from anyone remembering to set them.
 */
export function displayStatus(m: { status: Status; kickoffAt: Date }, seatsLeft: number | null, now = new Date()): Status {
  if (m.status === 'cancelled') return 'cancelled';
  if (now.getTime() >= m.kickoffAt.getTime() + PLAYED_AFTER_MS) return 'played';
  if (m.status === 'on_sale' && seatsLeft !== null && seatsLeft <= 0) return 'sold_out';
  return m.status;
}
