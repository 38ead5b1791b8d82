import type { MATCH_STATUSES } from '../../db/schema/index.ts';

// The rules every face of a match reads (catalog, match page, back office, checkout): written once.

export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** A stand opened for a match: its cap, the seats sold and those held by orders not yet paid. */
export interface StandSeats {
  cap: number;
  sold: number;
  held: number;
}

/** A match is "played" two hours after kick-off. */
export const PLAYED_AFTER_MS = 2 * 60 * 60 * 1000;

/** Seats a stand can still sell: held seats are not free until their hold lapses. */
export const seatsLeft = (s: StandSeats) => Math.max(0, s.cap - s.sold - s.held);

/** Seats left in a match's open stands; null when none is open (nothing to be sold out of). */
export const matchSeatsLeft = (stands: readonly StandSeats[]): number | null =>
  stands.length === 0 ? null : stands.reduce((sum, s) => sum + seatsLeft(s), 0);

/** Whether tickets can be bought now: on sale, the sale window open (it closes at kick-off unless set). */
export function saleIsOpen(
  m: { status: MatchStatus; kickoffAt: Date; saleOpensAt: Date | null; saleClosesAt: Date | null },
  now = new Date(),
): boolean {
  if (m.status !== 'on_sale') return false;
  if (m.saleOpensAt && now < m.saleOpensAt) return false;
  return now < (m.saleClosesAt ?? m.kickoffAt);
}

/**
 * The status people read: what the club set, with "sold out" and "played" following from the seats
 * and the clock rather than from anyone remembering to set them.
 */
export function displayStatus(m: { status: MatchStatus; kickoffAt: Date }, seatsLeft: number | null, now = new Date()): MatchStatus {
  if (m.status === 'cancelled') return 'cancelled';
  if (now.getTime() >= m.kickoffAt.getTime() + PLAYED_AFTER_MS) return 'played';
  if (m.status === 'on_sale' && seatsLeft !== null && seatsLeft <= 0) return 'sold_out';
  return m.status;
}
