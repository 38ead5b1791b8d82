import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand } from '../../db/schema/index.ts';
import { DomainError } from '../errors.ts';
import { type Outbox, QUEUES, stableJobId } from '../outbox.ts';
import { findClubMatch } from './find-club-match.ts';

/** What a club sets; "sold out" and "played" follow from the seats and the clock. */
export const CLUB_MATCH_STATUSES = ['scheduled', 'on_sale', 'cancelled'] as const;
export type ClubMatchStatus = (typeof CLUB_MATCH_STATUSES)[number];

/**
 * Puts a match on sale (followers of the club are told, once per match), pauses its sale, or
 * cancels it: then every paid order is refunded and every buyer told, by a job.
 */
export async function setMatchStatus(
  tx: Tx,
  outbox: Outbox,
  clubId: string,
  matchId: string,
  status: ClubMatchStatus,
  now = new Date(),
): Promise<void> {
  const current = await findClubMatch(tx, clubId, matchId);
  if (current.status === 'cancelled' || current.kickoffAt <= now) throw new DomainError('match_not_editable');
  if (status === 'cancelled' && current.seatsTaken > 0) {
    // Every buyer is refunded and told (a job, one refund each); pending holds end with the match.
    await outbox.send(tx, QUEUES.refundMatch, { matchId }, { id: stableJobId(`refund-match:${matchId}`) });
  }
  if (status === 'on_sale') {
    const [open] = await tx.select({ id: matchStand.id }).from(matchStand).where(eq(matchStand.matchId, matchId)).limit(1);
    if (!open) throw new DomainError('no_stand_open');
    if (current.status !== 'on_sale') {
      await outbox.send(tx, QUEUES.matchOnSale, { matchId }, { id: stableJobId(`on-sale:${matchId}`) });
    }
  }
  await tx
    .update(match)
    .set({ status })
    .where(and(eq(match.id, matchId), eq(match.clubId, clubId)));
}
