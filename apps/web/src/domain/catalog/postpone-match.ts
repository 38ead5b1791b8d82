import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { match } from '../../db/schema/index.ts';
import { type Actor, recordActivity } from '../activity/record-activity.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { QUEUES, stableJobId } from '../outbox.ts';
import { findClubMatch } from './find-club-match.ts';

/**
 * Moves a match to a new kick-off (tickets stay valid for it), or, without a date yet, marks it
 * postponed and stops its sale until the club sets one. The sale and the gates move with the kick-off,
 * and the buyers of paid orders are e-mailed.
 */
export async function postponeMatch(
  tx: Tx,
  { outbox, now = new Date() }: Ctx<'outbox' | 'now'>,
  {
    actor,
    clubId,
    matchId,
    kickoffAt: newKickoff,
    message,
  }: { actor: Actor; clubId: string; matchId: string; kickoffAt: Date | null; message?: string },
) {
  const current = await findClubMatch(tx, clubId, matchId);
  if (current.status === 'cancelled') throw new DomainError('match_not_editable');
  // Every ticket holder is told, once per new date (a job fans it out to one mail each).
  const tell = async () => {
    await outbox.send(
      tx,
      QUEUES.matchPostponed,
      { matchId, ...(message ? { message } : {}) },
      { id: stableJobId(`postponed:${matchId}:${newKickoff?.toISOString() ?? 'tbd'}`) },
    );
    await recordActivity(tx, {
      clubId,
      actor,
      action: 'match.postponed',
      subject: { matchId },
      details: { from: current.kickoffAt.toISOString(), to: newKickoff?.toISOString() ?? null },
    });
  };
  if (!newKickoff) {
    await tx
      .update(match)
      .set({ status: 'postponed' })
      .where(and(eq(match.id, matchId), eq(match.clubId, clubId)));
    await tell();
    return;
  }
  if (newKickoff <= now) throw new DomainError('kickoff_in_past', {}, 'kickoffAt');
  const shift = newKickoff.getTime() - current.kickoffAt.getTime();
  const moved = (date: Date | null) => (date ? new Date(date.getTime() + shift) : null);
  await tx
    .update(match)
    .set({
      kickoffAt: newKickoff,
      gatesOpenAt: moved(current.gatesOpenAt),
      saleClosesAt: moved(current.saleClosesAt),
      status: current.status === 'postponed' ? 'scheduled' : current.status, // the club reopens the sale itself
    })
    .where(and(eq(match.id, matchId), eq(match.clubId, clubId)));
  await tell();
}
