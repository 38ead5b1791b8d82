import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match, matchStand } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { QUEUES, stableJobId } from '../outbox.ts';
import { findClubMatch } from './find-club-match.ts';

/** What a club sets; "sold out" and "played" follow from the seats and the clock. */
export const CLUB_MATCH_STATUSES = ['scheduled', 'on_sale', 'cancelled'] as const;
export type ClubMatchStatus = (typeof CLUB_MATCH_STATUSES)[number];

const ACTION = { scheduled: 'match.sale_paused', on_sale: 'match.put_on_sale', cancelled: 'match.cancelled' } as const;

/**
 * Puts a match on sale (followers of the club are told, once per match), pauses its sale, or
 * cancels it: then every paid order is refunded and every buyer told, by a job.
 */
export async function setMatchStatus(
  tx: Tx,
  { outbox, now = new Date() }: Ctx<'outbox' | 'now'>,
  { actor, clubId, matchId, status, message }: { actor: Actor; clubId: string; matchId: string; status: ClubMatchStatus; message?: string },
): Promise<void> {
  const current = await findClubMatch(tx, clubId, matchId);
  if (current.status === 'cancelled' || current.kickoffAt <= now) throw new DomainError('match_not_editable');
  if (status === 'cancelled' && current.seatsTaken > 0) {
    // Every buyer is refunded and told (a job, one refund each); pending holds end with the match.
    await outbox.send(tx, QUEUES.refundMatch, { matchId, ...(message ? { message } : {}) }, { id: stableJobId(`refund-match:${matchId}`) });
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
  await recordActivity(tx, {
    clubId,
    actor,
    action: ACTION[status],
    subject: { matchId },
    details: status === 'cancelled' ? { seatsTaken: current.seatsTaken } : {},
  });
}
